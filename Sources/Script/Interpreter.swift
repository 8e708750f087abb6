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
    /// The answer without what a screen already shows (the state after `undo`), for a status
    /// line; nil when it is the whole output.
    public var brief: String?

    /// An answer.
    public init(_ output: String, quit: Bool = false, brief: String? = nil) {
        self.output = output
        error = nil
        self.quit = quit
        self.brief = brief
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
        case let .assignCharacter(text):
            try session.setX(character: Character(text))
            return .done(CommandOutcome("x = \(Numbers.list(session.x))  '\(EchoText.printable(text))'"))
        case let .step(count):
            try session.step(count)
            return .done(CommandOutcome(stateLine(session)))
        case let .back(count):
            let moved = try session.back(count)
            let note = moved < count ? language.text("time.back_partial", ["moved": String(moved), "asked": String(count)]) + "\n" : ""
            return .done(CommandOutcome(note + stateLine(session)))
        case .reset:
            try session.reset()
            return .done(CommandOutcome(stateLine(session)))
        case let .goto(step):
            try session.goto(step ?? session.count - 1)
            return .done(CommandOutcome(stateLine(session)))
        case let .inputs(inputs):
            return try run(inputs, on: &session, language: language)
        case let .generate(generator):
            try checkLength(generator.length, session: session)
            try session.setInputs(generator.rows(inputSize: session.inputSize), source: .generated(generator))
            return .done(CommandOutcome(sequenceLine(session, language: language)))
        case let .undo(count):
            return .done(try repeatHistory(count, on: &session, language: language, undo: true))
        case let .redo(count):
            return .done(try repeatHistory(count, on: &session, language: language, undo: false))
        case .save, .open:
            // The line session writes and reads session files (it knows the view to keep).
            throw UserError(key: "error.session.not_here")
        case let .pin(gate, values):
            try session.pin(gate, to: values)
            let values = session.pins[gate] ?? values
            return .done(CommandOutcome("\(gate.rawValue) pinned to \(Numbers.list(values))"))
        case let .unpin(gate):
            try session.unpin(gate)
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
    public static func receive(_ loaded: LoadedWeights, on session: inout Session) throws(UserError) -> CommandOutcome {
        try session.load(loaded)
        return CommandOutcome("loaded " + describe(session))
    }

    /// Takes the steps a ``LanguageEffect/readInputs(path:inputSize:)`` read.
    public static func receive(inputs table: InputsFile.Table, path: String, on session: inout Session, language: Language) throws(UserError) -> CommandOutcome {
        try checkLength(table.steps, session: session)
        try session.setInputs(StepRows(values: table.values, width: table.width), source: .file(path: path))
        return CommandOutcome(sequenceLine(session, language: language))
    }

    /// `inputs …`.
    private static func run(_ inputs: InputsCommand, on session: inout Session, language: Language) throws(UserError) -> CommandStep {
        switch inputs {
        case .show:
            return .done(CommandOutcome(sequenceLine(session, language: language)))
        case let .inline(rows):
            var rows = rows
            if session.inputSize == 1, rows.count == 1, rows[0].count > 1 { rows = rows[0].map { [$0] } }
            for (step, row) in rows.enumerated() {
                try NumberList.expectCount(row, session.inputSize, what: "x at step \(step)")
            }
            try checkLength(rows.count, session: session)
            try session.setInputs(StepRows(values: rows.flatMap { $0 }, width: session.inputSize), source: .inline)
        case let .text(text):
            guard let vocabulary = session.vocabulary else { throw UserError(key: "error.text.no_vocabulary") }
            let rows = try vocabulary.oneHot(text)
            try checkLength(rows.count, session: session)
            try session.setInputs(StepRows(values: rows.flatMap { $0 }, width: session.inputSize), source: .text(text))
        case let .named(name):
            guard let scene = session.scene, let suggested = scene.sequence(named: name) else {
                return .needs(.readInputs(path: name, inputSize: session.inputSize))
            }
            try session.setInputs(suggested.rows, source: .scene(scene: scene.name, sequence: name))
        case let .file(path):
            return .needs(.readInputs(path: path, inputSize: session.inputSize))
        }
        return .done(CommandOutcome(sequenceLine(session, language: language)))
    }

    /// Refuses a sequence longer than this cell's sequences may be, saying the limit.
    static func checkLength(_ steps: Int, session: Session) throws(UserError) {
        let limit = Session.longestSequence(inputSize: session.inputSize, hiddenSize: session.hiddenSize)
        guard steps <= limit else {
            throw UserError(key: "error.time.too_long", [
                "steps": String(steps), "limit": String(limit), "i": String(session.inputSize), "h": String(session.hiddenSize),
                "values": String(GRUSequence.maximumStoredValues),
            ])
        }
    }

    /// `undo N` / `redo N`: as many as there are, each said, then the step now shown (a screen
    /// shows the step itself, so its status line says only what was undone).
    private static func repeatHistory(_ count: Int, on session: inout Session, language: Language, undo: Bool) throws(UserError) -> CommandOutcome {
        let descriptions = undo ? try session.undo(count: count) : try session.redo(count: count)
        let lines = descriptions.map { language.text(undo ? "history.undid" : "history.redid", ["what": $0.text(in: language)]) }
        return CommandOutcome((lines + [stateLine(session)]).joined(separator: "\n"), brief: lines.joined(separator: " · "))
    }

    /// The sequence in one line: T, the cursor and where the inputs came from.
    public static func sequenceLine(_ session: Session, language: Language) -> String {
        language.text("time.sequence", [
            "count": String(session.count), "t": String(session.t), "source": session.inputsSource.summary,
        ])
    }

    /// `t = 3 of 40  x = [...]  h = [...]`: the step shown.
    public static func stateLine(_ session: Session) -> String {
        "t = \(session.t) of \(session.count)  h = \(Numbers.list(session.h))"
    }

    /// The cell in one line: where the weights came from, the convention and the sizes.
    public static func describe(_ session: Session) -> String {
        let rule = (session.weights.resetAfter ? "reset after (" : "reset before (") + ResetRuleName.text(session.weights, language: .en) + ")"
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
