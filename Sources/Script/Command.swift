import GRUCore
import WeightFiles

/// One line of the command language, parsed.
public enum Command: Equatable, Sendable {
    /// `x = 1 2 3 4` or `h = …`.
    case assign(StateVector, [Float])
    /// `x[2] = 0.5` or `h[0] = -1`.
    case assignElement(StateVector, index: Int, value: Float)
    /// `step [N]`.
    case step(Int)
    /// `back [N]`.
    case back(Int)
    /// `reset`.
    case reset
    /// `pin r = …` or `pin z = …`.
    case pin(Gate, [Float])
    /// `unpin [r|z]`.
    case unpin(Gate?)
    /// `load FILE [prefix P] [layer N] [direction forward|reverse]`.
    case load(path: String, selection: CellSelection)
    /// `variant tf-grucell|keras|pytorch`.
    case variant(GRUVariant)
    /// `size I H`.
    case size(inputSize: Int, hiddenSize: Int)
    /// `seed N`.
    case seed(UInt64)
    /// `scene NAME`, or `scene` alone to list them.
    case scene(String?)
    /// `show`: the six vectors as a bar table.
    case show
    /// `trace`: every number of the step, pre-activations too.
    case trace
    /// `help [COMMAND]`.
    case help(String?)
    /// `quit`.
    case quit
    /// A command the language knows but a host handles itself (the screen's `theme`, `export`,
    /// the teaching layer's `explain`, `lesson` …): its name and the rest of the line.
    case extended(name: String, argument: String)
}

/// The two vectors a user edits.
public enum StateVector: String, Sendable, CaseIterable {
    /// The input x.
    case x
    /// The state h.
    case h
}
