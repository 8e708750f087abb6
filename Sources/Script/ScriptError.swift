/// A user's mistake in a command, an option or an input file, worded for the user.
///
/// The message is one line without the `error:` prefix, which the caller adds; it says what was
/// wrong and what was expected (`x needs 4 numbers, got 3`).
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line message.
    public let message: String

    /// An error with its message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
