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

/// What a command leads to: its outcome, or an effect to carry out first (reading a file),
/// whose result the host hands back (``LineSession/receive(_:)``).
public enum CommandStep: Sendable {
    /// Done: what to show.
    case done(CommandOutcome)
    /// Reading or writing a file must happen first; nothing has changed yet.
    case needs(LanguageEffect)
}

/// Runs the core commands on a ``Session``. A command that fails throws and leaves the
/// session exactly as it was (every ``Session`` method validates before it changes anything);
/// a command that needs a file returns the effect and changes nothing.
public enum Interpreter {
    /// Runs one command; `language` is the language of `help`.
    public static func run(_ command: Command, on session: inout Session, language: Language = .en) throws(UserError) -> CommandStep {
        switch command {
        case let .assign(.x, values):
            try session.setX(values)
            return .done(CommandOutcome("x = \(Numbers.list(session.x))"))
        case let .assign(.h, values):
            try session.setH(values)
            return .done(CommandOutcome("h = \(Numbers.list(session.h))"))
        case let .assignElement(.x, index, value):
            try session.setX(at: index, to: value)
            return .done(CommandOutcome("x = \(Numbers.list(session.x))"))
        case let .assignElement(.h, index, value):
            try session.setH(at: index, to: value)
            return .done(CommandOutcome("h = \(Numbers.list(session.h))"))
        case let .step(count):
            try session.step(count)
            return .done(CommandOutcome(stateLine(session)))
        case let .back(count):
            try session.back(count)
            return .done(CommandOutcome(stateLine(session)))
        case .reset:
            session.reset()
            return .done(CommandOutcome(stateLine(session)))
        case let .pin(gate, values):
            try session.pin(gate, to: values)
            return .done(CommandOutcome("\(gate.rawValue) pinned to \(Numbers.list(values))"))
        case let .unpin(gate):
            session.unpin(gate)
            return .done(CommandOutcome(gate.map { "\($0.rawValue) is computed again" } ?? "r and z are computed again"))
        case let .load(path, selection):
            return .needs(.loadWeights(path: path, selection: selection))
        case let .variant(variant):
            try session.setVariant(variant)
            return .done(CommandOutcome(describe(session)))
        case let .size(i, h):
            try session.resize(inputSize: i, hiddenSize: h)
            return .done(CommandOutcome(describe(session)))
        case let .seed(seed):
            try session.reseed(seed)
            return .done(CommandOutcome(describe(session)))
        case let .scene(scene):
            guard let scene else {
                return .done(CommandOutcome(Scene.all.map { "\($0.name): \($0.summary)" }.joined(separator: "\n")))
            }
            try session.loadScene(scene)
            return .done(CommandOutcome("scene \(scene.name): " + describe(session)))
        case .show:
            return .done(CommandOutcome(TraceTable.bars(session.trace)))
        case .trace:
            return .done(CommandOutcome(TraceTable.numbers(session.trace)))
        case let .help(topic):
            return .done(CommandOutcome(help(topic, language: language)))
        case .quit:
            return .done(CommandOutcome("", quit: true))
        }
    }

    /// Takes weights a ``LanguageEffect/loadWeights(path:selection:)`` read.
    public static func receive(_ loaded: LoadedWeights, on session: inout Session) -> CommandOutcome {
        session.load(loaded)
        return CommandOutcome("loaded " + describe(session))
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

    /// The command list, or one command's usage, in a language.
    public static func help(_ topic: HelpTopic, language: Language) -> String {
        switch topic {
        case let .one(info):
            return "\(info.usage)\n  \(info.summary.text(in: language))"
        case let .all(commands):
            let width = commands.map { DisplayWidth.of($0.usage) }.max() ?? 0
            let rows = commands.map { "  " + DisplayWidth.padded($0.usage, to: width) + "   " + $0.summary.text(in: language) }
            return ([language.text("command.help_header")] + rows).joined(separator: "\n")
        }
    }
}
