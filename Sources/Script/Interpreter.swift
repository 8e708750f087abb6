import GRUCore
import Localization
import WeightFiles

/// What running one command produced: its answer, or the mistake that stopped it (and then
/// changed nothing).
public struct CommandOutcome: Sendable, Equatable {
    /// Text to show (may be several lines, or empty); empty when the line failed.
    public var output: String
    /// Why the line failed, if it did; the host says it in its language.
    public var error: UserError?
    /// Whether the host should leave.
    public var quit: Bool

    /// An answer.
    public init(_ output: String, quit: Bool = false) {
        self.output = output
        error = nil
        self.quit = quit
    }

    /// A line that failed.
    public init(error: UserError) {
        output = ""
        self.error = error
        quit = false
    }

    /// Whether the line failed.
    public var isError: Bool { error != nil }

    /// As the repl prints it: the answer, or `error: ` and the mistake in `language` (the
    /// prefix stays English, for scripts that look for it).
    public func text(in language: Language) -> String {
        error.map { "error: " + $0.message(in: language) } ?? output
    }
}

/// Runs the core commands on a ``Session``. A command that fails throws and leaves the
/// session exactly as it was (every ``Session`` method validates before it changes anything).
public enum Interpreter {
    /// Runs one command. ``Command/extended(name:argument:)`` is the host's to handle; here it
    /// is an error.
    public static func run(_ command: Command, on session: inout Session, parser: CommandParser = CommandParser()) throws(UserError) -> CommandOutcome {
        switch command {
        case let .assign(.x, values):
            try session.setX(values)
            return CommandOutcome("x = \(Numbers.list(session.x))")
        case let .assign(.h, values):
            try session.setH(values)
            return CommandOutcome("h = \(Numbers.list(session.h))")
        case let .assignElement(.x, index, value):
            try session.setX(at: index, to: value)
            return CommandOutcome("x = \(Numbers.list(session.x))")
        case let .assignElement(.h, index, value):
            try session.setH(at: index, to: value)
            return CommandOutcome("h = \(Numbers.list(session.h))")
        case let .step(count):
            try session.step(count)
            return CommandOutcome(stateLine(session))
        case let .back(count):
            try session.back(count)
            return CommandOutcome(stateLine(session))
        case .reset:
            session.reset()
            return CommandOutcome(stateLine(session))
        case let .pin(gate, values):
            try session.pin(gate, to: values)
            return CommandOutcome("\(gate.rawValue) pinned to \(Numbers.list(values))")
        case let .unpin(gate):
            session.unpin(gate)
            return CommandOutcome(gate.map { "\($0.rawValue) is computed again" } ?? "r and z are computed again")
        case let .load(path, selection):
            do {
                session.load(try WeightFile.load(path: path, selection: selection))
            } catch {
                throw UserError(error.message)
            }
            return CommandOutcome("loaded " + describe(session))
        case let .variant(variant):
            try session.setVariant(variant)
            return CommandOutcome(describe(session))
        case let .size(i, h):
            try session.resize(inputSize: i, hiddenSize: h)
            return CommandOutcome(describe(session))
        case let .seed(seed):
            try session.reseed(seed)
            return CommandOutcome(describe(session))
        case let .scene(name):
            guard let name else {
                return CommandOutcome(Scene.all.map { "\($0.name): \($0.summary)" }.joined(separator: "\n"))
            }
            try session.loadScene(try Scene.named(name))
            return CommandOutcome("scene \(name): " + describe(session))
        case .show:
            return CommandOutcome(TraceTable.bars(session.trace))
        case .trace:
            return CommandOutcome(TraceTable.numbers(session.trace))
        case let .help(topic):
            return CommandOutcome(try help(topic, parser: parser))
        case .quit:
            return CommandOutcome("", quit: true)
        case let .extended(name, _):
            throw UserError("\(name) is not available here")
        }
    }

    /// `t = 3  h = [...]`.
    public static func stateLine(_ session: Session) -> String {
        "t = \(session.t)  h = \(Numbers.list(session.h))"
    }

    /// The cell in one line: where the weights came from, the convention and the sizes.
    public static func describe(_ session: Session) -> String {
        let rule = session.weights.resetAfter ? "reset after (PyTorch/cuDNN rule)" : "reset before (TensorFlow GRUCell rule)"
        return "\(session.origin.summary): \(session.variant.rawValue), I=\(session.inputSize), H=\(session.hiddenSize), \(rule)"
    }

    /// The command list, or one command's usage.
    public static func help(_ topic: String?, parser: CommandParser) throws(UserError) -> String {
        let commands = parser.commands
        if let topic {
            guard let info = commands.first(where: { $0.name == topic.lowercased() }) else {
                throw UserError(key: "error.script.help_topic", ["name": topic])
            }
            return "\(info.usage)\n  \(info.summary)"
        }
        let width = commands.map(\.usage.count).max() ?? 0
        let rows = commands.map { "  " + TraceTable.pad($0.usage, width) + "   " + $0.summary }
        return (["Commands (units and positions count from 0; h′ = z·h + (1−z)·h̃):"] + rows).joined(separator: "\n")
    }
}
