import GRUCore
import Localization
import Script

/// The language a lesson step's `run` lines are written in: the core commands (but not `load`,
/// which would read a file, or `quit`), `rule`, and the explanation commands (`explain`, `why`,
/// `summary`, `bug`), whose text is printed with the step.
enum LessonCommands {
    /// The parser for step lines: the core language and the teaching commands.
    static let parser = CommandParser(core: HostCommand<TeachingCommand>.core, extra: TeachingCommand.specs.map { $0.map(HostCommand.extra) })

    /// The command of a step line, refused (with the file, step and line) when it does not parse
    /// or may not be used in a step; nil for a blank line.
    static func check(_ line: String, file: String, step: Int) throws(UserError) -> HostCommand<TeachingCommand>? {
        let command: HostCommand<TeachingCommand>?
        do {
            command = try parser.parse(line)
        } catch {
            throw failure(error.text, line: line, file: file, step: step)
        }
        let notInStep = Message(key: "error.lesson.not_in_step", ["command": CommandWords(line).words.first.map { EchoText.printable($0) } ?? ""])
        switch command {
        case .core(.quit):
            throw failure(Message(key: "error.lesson.quit"), line: line, file: file, step: step)
        case .core(.load), .core(.save), .core(.open), .core(.undo), .core(.redo):
            throw failure(notInStep, line: line, file: file, step: step)
        case let .extra(teaching) where !teaching.isAllowedInLessonStep:
            throw failure(notInStep, line: line, file: file, step: step)
        default:
            return command
        }
    }

    /// Runs one step line on the session; an error names the file, the step and the line.
    static func run(
        _ line: String, on session: inout Session, focus: Int, file: String, step: Int, language: Language
    ) throws(UserError) -> CommandOutcome {
        let command = try check(line, file: file, step: step)
        do throws(UserError) {
            switch command {
            case nil:
                return CommandOutcome("")
            case let .core(command):
                // check refuses the commands that read or write files; `inputs NAME` that is not a
                // suggested sequence of the scene would read one.
                guard case let .done(outcome) = try Interpreter.run(command, on: &session, language: language) else {
                    throw failure(Message(key: "error.lesson.not_in_step", ["command": "inputs FILE"]), line: line, file: file, step: step)
                }
                return outcome
            case let .extra(command):
                return try Explanations.run(command, session: &session, focus: focus, language: language) ?? CommandOutcome("")
            }
        } catch {
            throw failure(error.text, line: line, file: file, step: step)
        }
    }

    private static func failure(_ message: Message, line: String, file: String, step: Int) -> UserError {
        UserError(key: "error.lesson.step_command", values: [
            "file": .plain(file), "step": .plain(String(step)),
            "command": .plain(EchoText.printable(CommandWords(line).text)), "message": .message(message),
        ])
    }
}

/// The commands that explain the live step or switch its rule, shared by the teaching layer and
/// lesson steps: `explain`, `why`, `summary`, `bug` and `rule`.
enum Explanations {
    /// The answer, or nil for a command that is not one of these.
    static func run(
        _ command: TeachingCommand, session: inout Session, focus: Int, language: Language
    ) throws(UserError) -> CommandOutcome? {
        let trace = session.trace, weights = session.weights
        switch command {
        case let .explain(unit):
            return CommandOutcome(try UnitStory.text(trace: trace, weights: weights, unit: unit ?? focus, language: language))
        case let .why(quantity, unit):
            return CommandOutcome(try WhereFrom.text(quantity, unit: unit ?? focus, trace: trace, weights: weights, language: language))
        case .summary:
            return CommandOutcome(StepSummary(trace: trace).text(trace: trace, language: language))
        case let .bug(unit):
            return CommandOutcome(try BugWhatIf(trace: trace).text(unit: unit, language: language))
        case let .rule(rule):
            if let rule { try session.setResetAfter(rule == .after) }
            return CommandOutcome(language.text(session.weights.resetAfter ? "rule.after" : "rule.before"))
        case let .timeline(request):
            return CommandOutcome(try TimeExplanations.timeline(request, session: session, language: language))
        case let .memory(unit):
            return CommandOutcome(try TimeExplanations.memory(unit: unit ?? focus, session: session, language: language))
        case let .influence(unit):
            return CommandOutcome(try TimeExplanations.influence(unit: unit, session: session, language: language))
        case .lesson, .next, .prev, .lang:
            return nil
        }
    }
}
