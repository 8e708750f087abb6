import Localization

/// What one command of the language looks like and does, for `help`, errors and completion.
public struct CommandInfo: Sendable, Equatable {
    /// The word that starts the command.
    public let name: String
    /// How to write it, e.g. `step [N]`.
    public let usage: String
    /// One line on what it does (`command.NAME` in the catalogues).
    public let summary: Message

    /// A command description from its parts.
    public init(name: String, usage: String, summary: Message) {
        self.name = name
        self.usage = usage
        self.summary = summary
    }
}

/// The words after a command's name, as its parser reads them.
public struct CommandArguments: Sendable {
    /// The words, in order.
    public let words: [Substring]
    /// Everything after the name, as typed (white space at the ends trimmed).
    public let rest: Substring
    /// Whether the name was written with a `!` (`export! FILE`: replace what is there).
    public let bang: Bool
    /// What the host knows of the cell when it parses (to word a mistake with its numbers).
    public let context: ParseContext
    /// Every command the parser knows, for `help`.
    public let commands: [CommandInfo]

    /// The words as strings.
    public var strings: [String] { words.map(String.init) }

    /// The rest of the line, safe to quote in a message.
    public var quoted: String { EchoText.printable(rest) }
}

/// What a parser may know of the cell, so that a mistake can name the numbers that are valid
/// (`'two' is not a unit; give a whole number from 0 to 5`).
public struct ParseContext: Sendable, Equatable {
    /// H, when known.
    public var hiddenSize: Int?

    /// A context from its parts.
    public init(hiddenSize: Int? = nil) {
        self.hiddenSize = hiddenSize
    }
}

/// One command of the language: its name, how it is written and what it does, and how its
/// words become a typed value. The command table is the one place a command's name is written
/// and compared; everything after the parser works with the typed value.
///
/// A host (the teaching layer, the screen) adds commands by giving specs of its own type, which
/// ``CommandParser`` puts beside the core ones.
public struct CommandSpec<Parsed: Sendable>: Sendable {
    /// The word that starts the command.
    public let name: String
    /// Other words that start it (`?` for `help`, `exit` for `quit`).
    public let aliases: [String]
    /// How to write it, e.g. `step [N]`.
    public let usage: String
    /// Whether `NAME!` is accepted too (vim's "and replace": `export! FILE`).
    public let allowsBang: Bool
    /// Reads the words after the name.
    public let parse: @Sendable (CommandArguments) throws(UserError) -> Parsed

    /// A command; its one-line summary is `command.NAME` in the catalogues.
    public init(
        _ name: String, aliases: [String] = [], usage: String, allowsBang: Bool = false,
        parse: @escaping @Sendable (CommandArguments) throws(UserError) -> Parsed
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.allowsBang = allowsBang
        self.parse = parse
    }

    /// The command for `help` and completion.
    public var info: CommandInfo {
        CommandInfo(name: name, usage: usage, summary: Message(key: "command." + name))
    }

    /// The same command read into another type: how a host puts the core commands and its own
    /// side by side (`spec.map(HostCommand.core)`).
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Parsed) -> Other) -> CommandSpec<Other> {
        let parse = self.parse
        return CommandSpec<Other>(name, aliases: aliases, usage: usage, allowsBang: allowsBang) { arguments throws(UserError) in
            transform(try parse(arguments))
        }
    }

    /// A usage error for this command.
    public var usageError: UserError {
        UserError(key: "error.script.usage", ["usage": usage])
    }
}
