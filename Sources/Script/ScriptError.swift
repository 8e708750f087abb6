/// A user's mistake in a command, an option or an input file, worded for the user.
///
/// The message is one line without the `error:` prefix, which the caller adds; it says what was
/// wrong and what was expected (`x needs 4 numbers, got 3`). Mistakes a student makes on the
/// screen or in the repl also carry a catalogue key and the values the message quotes, so that
/// the teaching layer can say them in the class's language; the English message is the same
/// text as the English catalogue's (a test renders one against the other).
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line message, in English.
    public let message: String
    /// Where the message is translated, if it is.
    public let localization: Localization?

    /// A catalogue key (`error.script.…`) and the values its text quotes.
    public struct Localization: Equatable, Sendable {
        /// The key in every language's catalogue.
        public let key: String
        /// The values for the key's `{placeholders}`.
        public let arguments: [String: String]
    }

    /// An error with its message, in English only (file problems, command-line options).
    public init(_ message: String) {
        self.message = message
        localization = nil
    }

    /// An error the catalogues translate: `key` is the part after `error.script.`.
    public init(_ message: String, key: String, _ arguments: [String: String] = [:]) {
        self.message = message
        localization = Localization(key: "error.script." + key, arguments: arguments)
    }

    public var description: String { message }

    /// Equal when they say the same thing.
    public static func == (lhs: ScriptError, rhs: ScriptError) -> Bool {
        lhs.message == rhs.message
    }
}
