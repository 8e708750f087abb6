import GRUCore
import WeightFiles

/// One line of the core command language, parsed into a typed value: nothing after the parser
/// looks at a command's name.
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
    /// `load FILE [prefix P] [layer N] [direction forward|reverse]`: reading the file is an
    /// effect (``LanguageEffect/loadWeights(path:selection:)``).
    case load(path: String, selection: CellSelection)
    /// `variant tf-grucell|keras|pytorch`.
    case variant(GRUVariant)
    /// `size I H`.
    case size(inputSize: Int, hiddenSize: Int)
    /// `seed N`.
    case seed(UInt64)
    /// `scene NAME`, or `scene` alone (nil) to list them.
    case scene(Scene?)
    /// `show`: the six vectors as a bar table.
    case show
    /// `trace`: every number of the step, pre-activations too.
    case trace
    /// `help [COMMAND]`.
    case help(HelpTopic)
    /// `quit`.
    case quit
}

/// What `help` shows: every command the host knows, or one of them.
public enum HelpTopic: Equatable, Sendable {
    /// The list, as the host's parser has it (so the screen's `:help` lists its own commands).
    case all([CommandInfo])
    /// One command's usage and summary.
    case one(CommandInfo)
}

/// The two vectors a user edits.
public enum StateVector: String, Sendable, CaseIterable {
    /// The input x.
    case x
    /// The state h.
    case h
}
