/// What one command of the language looks like and does, for `help`, errors and completion.
public struct CommandInfo: Sendable, Equatable {
    /// The word that starts the command.
    public let name: String
    /// How to write it, e.g. `step [N]`.
    public let usage: String
    /// One line on what it does.
    public let summary: String

    /// A command description from its parts.
    public init(name: String, usage: String, summary: String) {
        self.name = name
        self.usage = usage
        self.summary = summary
    }
}

/// The commands every host of the language understands.
public enum CommandCatalog {
    /// The core commands, in the order `help` lists them.
    public static let core: [CommandInfo] = [
        CommandInfo(name: "x", usage: "x = 1 2 3 4  |  x[I] = V", summary: "set the input vector, or one input (positions count from 0)"),
        CommandInfo(name: "h", usage: "h = 0 0 0 0 0  |  h[J] = V", summary: "set the state, or one unit's state (units count from 0)"),
        CommandInfo(name: "step", usage: "step [N]", summary: "take N steps (default 1): h becomes h′ and t grows by one each time"),
        CommandInfo(name: "back", usage: "back [N]", summary: "undo the last N steps (default 1)"),
        CommandInfo(name: "reset", usage: "reset", summary: "return to the starting x, h and pins, with t = 0"),
        CommandInfo(name: "pin", usage: "pin z = 0.1 0.2 …  |  pin r = …", summary: "fix a gate to given values in [0, 1], one per unit"),
        CommandInfo(name: "unpin", usage: "unpin [r|z]", summary: "compute a pinned gate again (both when none is named)"),
        CommandInfo(name: "load", usage: "load FILE [prefix P] [layer N] [direction forward|reverse]", summary: "use weights from a model file (.pth, .safetensors, .npz, .json …); P, N and the direction pick one cell"),
        CommandInfo(name: "variant", usage: "variant tf-grucell|keras|pytorch", summary: "draw random weights in a framework's convention"),
        CommandInfo(name: "size", usage: "size I H", summary: "draw random weights for I inputs and H units"),
        CommandInfo(name: "seed", usage: "seed N", summary: "draw random weights from seed N"),
        CommandInfo(name: "scene", usage: "scene [NAME]", summary: "start a built-in scene (seed-code, seed-doc); alone, list them"),
        CommandInfo(name: "show", usage: "show", summary: "the six vectors of the next step as a bar table"),
        CommandInfo(name: "trace", usage: "trace", summary: "every number of the next step, pre-activations too"),
        CommandInfo(name: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one"),
        CommandInfo(name: "quit", usage: "quit", summary: "leave"),
    ]
}
