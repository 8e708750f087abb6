import GRUCore
import Localization
import Script

/// The language a lesson step's `run` lines are written in: the core commands, `rule`, and the
/// explanation commands (`explain`, `why`, `summary`, `bug`), whose text is printed with the step.
enum LessonCommands {
    /// The extra command names a step may use.
    static let names = ["rule", "explain", "why", "summary", "bug"]

    /// The parser for step lines.
    static let parser = CommandParser(extensions: names.map { CommandInfo(name: $0, usage: $0, summary: "") })

    /// Refuses a line that does not parse, or that would end the program.
    static func check(_ line: String, file: String, step: Int) throws(UserError) {
        let command: Command?
        do {
            command = try parser.parse(line)
        } catch {
            throw failure(error.text, line: line, file: file, step: step)
        }
        if case .quit = command {
            throw failure(Message(key: "error.lesson.quit"), line: line, file: file, step: step)
        }
    }

    /// Runs one step line on the session; an error names the file, the step and the line.
    static func run(
        _ line: String, on session: inout Session, focus: Int, file: String, step: Int, language: Language
    ) throws(UserError) -> CommandOutcome {
        do {
            guard let command = try parser.parse(line) else { return CommandOutcome("") }
            if case let .extended(name, argument) = command {
                if name == "rule" { return try ResetRuleCommand.run(argument, session: &session, language: language) }
                return try ExplanationCommands.run(name, argument: argument, session: session, focus: focus, language: language)
            }
            return try Interpreter.run(command, on: &session, parser: parser)
        } catch {
            throw failure(error.text, line: line, file: file, step: step)
        }
    }

    private static func failure(_ message: Message, line: String, file: String, step: Int) -> UserError {
        UserError(key: "error.lesson.step_command", values: [
            "file": .plain(file), "step": .plain(String(step)),
            "command": .plain(EchoText.printable(line.trimmingCharacters(in: .whitespaces))), "message": .message(message),
        ])
    }
}

/// `rule [before|after]`: the reset rule of the current weights, or a switch between them.
enum ResetRuleCommand {
    static func run(_ argument: String, session: inout Session, language: Language) throws(UserError) -> CommandOutcome {
        switch argument.trimmingCharacters(in: .whitespaces).lowercased() {
        case "": break
        case "before", "tf", "tensorflow": session.setResetAfter(false)
        case "after", "pytorch", "cudnn": session.setResetAfter(true)
        default: throw UserError(key: "error.rule", ["text": argument])
        }
        return CommandOutcome(language.text(session.weights.resetAfter ? "rule.after" : "rule.before"))
    }
}

/// The commands that only explain: `explain [UNIT]`, `why GATE [UNIT]`, `summary`, `bug [UNIT]`.
enum ExplanationCommands {
    static func run(
        _ name: String, argument: String, session: Session, focus: Int, language: Language
    ) throws(UserError) -> CommandOutcome {
        let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        let trace = session.trace, weights = session.weights
        switch name {
        case "explain":
            guard words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "explain [UNIT]"]) }
            let unit = try words.first.map { word throws(UserError) in try self.unit(word, session: session, language: language) } ?? focus
            return CommandOutcome(try UnitStory.text(trace: trace, weights: weights, unit: unit, language: language))
        case "why":
            guard (1...2).contains(words.count), let quantity = GateQuantity(word: words[0]) else {
                throw UserError(key: "error.why", ["text": argument])
            }
            let unit = words.count == 2 ? try self.unit(words[1], session: session, language: language) : focus
            return CommandOutcome(try WhereFrom.text(quantity, unit: unit, trace: trace, weights: weights, language: language))
        case "summary":
            guard words.isEmpty else { throw UserError(key: "error.usage", ["usage": "summary"]) }
            return CommandOutcome(StepSummary(trace: trace).text(trace: trace, language: language))
        case "bug":
            guard words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "bug [UNIT]"]) }
            let unit = try words.first.map { word throws(UserError) in try self.unit(word, session: session, language: language) }
            return CommandOutcome(try BugWhatIf(trace: trace).text(unit: unit, language: language))
        default:
            throw UserError(key: "error.not_here", ["name": name])
        }
    }

    /// A unit number typed by the user, checked against H.
    static func unit(_ word: String, session: Session, language: Language) throws(UserError) -> Int {
        guard let unit = Int(word) else {
            throw UserError(key: "error.unit_word", ["text": word, "last": String(session.hiddenSize - 1)])
        }
        try UnitCheck.check(unit, hiddenSize: session.hiddenSize)
        return unit
    }
}
