import GRUCore
import Localization

/// A command of the language as a host reads it: a core command, or one of the host's own.
public enum HostCommand<Extra: Sendable & Equatable>: Sendable, Equatable {
    /// A core command.
    case core(Command)
    /// One of the host's commands.
    case extra(Extra)
}

/// Commands a host adds to the language, with the state they need (the teaching layer's
/// lessons, for example): their specs, how to run them, and how to take the result of an effect
/// one of them asked for.
public protocol CommandExtension: Sendable {
    /// The typed commands.
    associatedtype Command: Sendable & Equatable
    /// How they are named, written and read.
    var specs: [CommandSpec<Command>] { get }
    /// Runs one on the session; a mistake throws and changes nothing.
    mutating func run(_ command: Command, session: inout Session) throws(UserError) -> CommandStep
    /// Takes the result of an effect one of its commands asked for, or nil when it asked for none.
    mutating func receive(_ result: LanguageEffectResult, session: inout Session) throws(UserError) -> CommandOutcome?
    /// The language the host answers in.
    var language: Language { get }
    /// Takes the language a session file kept.
    mutating func adopt(language: Language)
    /// Brings the extension's own state in line with the session after a change it did not make
    /// itself (undo, redo, a session opened): the teaching layer follows the lesson mark.
    mutating func follow(_ session: Session)
}

extension CommandExtension {
    /// English, unless the host says otherwise.
    public var language: Language { .en }
    /// Keeps its language.
    public mutating func adopt(language: Language) {}
    /// Keeps nothing of its own in step with the session.
    public mutating func follow(_ session: Session) {}
}

/// A host with no extra commands.
public struct NoExtension: CommandExtension {
    /// No commands.
    public enum Command: Sendable, Equatable {}
    /// Nothing to add.
    public init() {}
    /// No commands.
    public var specs: [CommandSpec<Command>] { [] }
    /// Never called: there is no command.
    public mutating func run(_ command: Command, session: inout Session) throws(UserError) -> CommandStep {}
    /// Asks for nothing, so takes nothing.
    public mutating func receive(_ result: LanguageEffectResult, session: inout Session) throws(UserError) -> CommandOutcome? { nil }
}

/// The command language as a line-in, answer-out machine: the repl's heart, and the screen's
/// ':' line. A bad line gives an outcome with its error and changes nothing; a line that needs a
/// file gives the effect and changes nothing until its result comes back.
public struct LineSession<Extension: CommandExtension>: Sendable {
    /// The cell and its state.
    public var session: Session
    /// The host's extra commands and their state.
    public var extensionState: Extension
    /// What the screen keeps of itself in a session file (the host fills it in before `save`
    /// and reads it after `open`).
    public var view = SessionView()

    /// A line session on a session, with a host's extension.
    public init(session: Session, commands: Extension) {
        self.session = session
        extensionState = commands
    }

    /// The parser for the core language plus the extension's commands.
    public var parser: CommandParser<HostCommand<Extension.Command>> {
        CommandParser(core: HostCommand.core, extra: extensionState.specs.map { $0.map(HostCommand.extra) })
    }

    /// What a parser needs to word its mistakes for this cell.
    public var parseContext: ParseContext { ParseContext(hiddenSize: session.hiddenSize) }

    /// Handles one line; blank lines and comments give no output.
    public mutating func handle(_ line: String) -> CommandStep {
        do throws(UserError) {
            guard let command = try parser.parse(line, context: parseContext) else { return .done(CommandOutcome("")) }
            return run(command)
        } catch {
            return .done(CommandOutcome(error: error))
        }
    }

    /// Runs one parsed command. The session changes in place (a failed command has changed
    /// nothing: every change validates first, and a lesson step takes its own changes back).
    public mutating func run(_ command: HostCommand<Extension.Command>, help: [CommandInfo]? = nil) -> CommandStep {
        let saved = extensionState
        do throws(UserError) {
            let language = extensionState.language
            switch command {
            case let .core(.help(.all(commands))):
                return try Interpreter.run(.help(.all(help ?? commands)), on: &session, language: language)
            case let .core(.save(path, replacing)):
                return .needs(.writeSession(path: path, replacing: replacing, SessionSave(session: session, view: view, language: language)))
            case let .core(.open(path)):
                return .needs(.readSession(path: path))
            case let .core(core):
                let step = try Interpreter.run(core, on: &session, language: language)
                switch core {
                case .undo, .redo: extensionState.follow(session)
                default: break
                }
                return step
            case let .extra(extra):
                return try extensionState.run(extra, session: &session)
            }
        } catch {
            extensionState = saved
            return .done(CommandOutcome(error: error))
        }
    }

    /// Takes the result of an effect a command asked for, and finishes that command.
    public mutating func receive(_ result: LanguageEffectResult) -> CommandOutcome {
        let saved = extensionState, savedView = view
        do throws(UserError) {
            if let handled = try extensionState.receive(result, session: &session) { return handled }
            switch result {
            case let .weights(.success(loaded)): return try Interpreter.receive(loaded, on: &session)
            case let .inputs(path, .success(table)):
                return try Interpreter.receive(inputs: table, path: path, on: &session, language: extensionState.language)
            case let .sessionWritten(path, .success):
                return CommandOutcome(extensionState.language.text("session.saved", ["path": EchoText.printable(path)]))
            case let .sessionOpened(path, .success(opened)):
                try session.become(opened.session, description: Message(key: "history.open", ["path": EchoText.printable(path)]))
                view = opened.view
                if let language = opened.language { extensionState.adopt(language: language) }
                extensionState.follow(session)
                let language = extensionState.language
                let lines = [language.text("session.opened", ["path": EchoText.printable(path), "t": String(session.t), "count": String(session.count)])]
                    + opened.warnings.map { $0.text(in: language) }
                return CommandOutcome(lines.joined(separator: "\n"))
            case let .weights(.failure(error)), let .lessonText(_, .failure(error)), let .inputs(_, .failure(error)),
                 let .sessionWritten(_, .failure(error)), let .sessionOpened(_, .failure(error)):
                throw error
            case .lessonText(_, .success): return CommandOutcome("")
            }
        } catch {
            extensionState = saved
            view = savedView
            return CommandOutcome(error: error)
        }
    }

    /// Finishes a step at once, carrying out any effect it needs here and now: how the repl,
    /// `--lesson FILE` and `lessons --check` run a line (the screen hands effects to its loop).
    public mutating func complete(_ step: CommandStep, environment: [String: String] = UserFiles.environment) -> CommandOutcome {
        switch step {
        case let .done(outcome): return outcome
        case let .needs(effect): return receive(effect.perform(environment: environment))
        }
    }

    /// Handles one line as the repl shows it: the answer, or `error: ` and the mistake in the
    /// host's language. Files the line names are read at once.
    public mutating func reply(_ line: String) -> String {
        complete(handle(line)).text(in: extensionState.language)
    }
}
