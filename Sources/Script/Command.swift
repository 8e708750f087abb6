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
    /// `goto T` or `goto end`: move the time cursor (nil: the last step).
    case goto(Int?)
    /// `inputs …`: replace the sequence (see ``InputsCommand``).
    case inputs(InputsCommand)
    /// `generate KIND N [options]`: replace the sequence with a built-in one.
    case generate(SequenceGenerator)
    /// `x = "e"`: x_t as the one-hot vector of a character (a model with a vocabulary).
    case assignCharacter(String)
    /// `undo [N]`.
    case undo(Int)
    /// `redo [N]`.
    case redo(Int)
    /// `save[!] FILE`: write the session to a file (an effect); `save!` replaces one.
    case save(path: String, replacing: Bool)
    /// `open FILE`: read a session file (an effect) and take it as one change.
    case open(path: String)
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

/// What `inputs` was given.
public enum InputsCommand: Equatable, Sendable {
    /// `inputs` alone: say what the sequence is.
    case show
    /// `inputs 1 0 | 0 1 | …` or `inputs [1 0; 0 1]`: rows typed inline (for I = 1, numbers
    /// without separators are one step each).
    case inline([[Float]])
    /// `inputs "hello"`: one character a step (a model with a vocabulary).
    case text(String)
    /// `inputs NAME`: a suggested sequence of the scene, else the inputs file NAME (an effect).
    case named(String)
    /// An inputs file, never a scene's sequence (an effect): `--inputs FILE`, which a host runs
    /// as a command so that a long file loads as interruptible work. The parser never makes it.
    case file(String)
}
