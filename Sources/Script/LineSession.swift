import GRUCore
import Localization
import Localization

/// Commands a host adds to the language, with the state they need (the teaching layer's
/// lessons, for example).
public protocol CommandExtension: Sendable {
    /// The commands handled here.
    var commands: [CommandInfo] { get }
    /// Runs one of them on the session.
    mutating func run(name: String, argument: String, session: inout Session) throws(UserError) -> CommandOutcome
    /// The language the host answers in.
    var language: Language { get }
}

extension CommandExtension {
    /// English, unless the host says otherwise.
    public var language: Language { .en }
}

/// A host with no extra commands.
public struct NoExtension: CommandExtension {
    /// Nothing to add.
    public init() {}
    /// No commands.
    public var commands: [CommandInfo] { [] }
    /// Never called: the parser accepts no extra names.
    public mutating func run(name: String, argument: String, session: inout Session) throws(UserError) -> CommandOutcome {
        throw UserError("\(name) is not available here")
    }
}

/// The command language as a line-in, text-out machine: the repl's heart, and the screen's
/// ':' line. A bad line gives an outcome with its error and changes nothing.
public struct LineSession<Extension: CommandExtension>: Sendable {
    /// The cell and its state.
    public var session: Session
    /// The host's extra commands and their state.
    public var extensionState: Extension

    /// A line session on a session, with a host's extension.
    public init(session: Session, commands: Extension) {
        self.session = session
        extensionState = commands
    }

    /// The parser for the core language plus the extension's commands.
    public var parser: CommandParser { CommandParser(extensions: extensionState.commands) }

    /// Handles one line as the repl shows it: the answer, or `error: ` and the mistake in the
    /// host's language.
    public mutating func reply(_ line: String) -> String {
        handle(line).text(in: extensionState.language)
    }

    /// Handles one line; blank lines and comments give no output.
    public mutating func handle(_ line: String) -> CommandOutcome {
        do {
            guard let command = try parser.parse(line) else { return CommandOutcome("") }
            if case let .extended(name, argument) = command {
                var session = self.session, state = extensionState
                let outcome = try state.run(name: name, argument: argument, session: &session)
                self.session = session
                extensionState = state
                return outcome
            }
            var session = self.session
            let outcome = try Interpreter.run(command, on: &session, parser: parser)
            self.session = session
            return outcome
        } catch {
            return CommandOutcome(error: error)
        }
    }
}
