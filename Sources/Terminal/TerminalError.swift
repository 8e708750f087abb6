/// Why the screen could not be opened, worded for the user (one line, starting with `error:`).
public struct TerminalError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The message to print before exiting.
    public let message: String

    /// An error with a ready message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// TERM names a terminal ncurses has no description for.
    public static func unknownTerminal(_ name: String) -> TerminalError {
        TerminalError("the terminal type '\(name)' is unknown to ncurses; try TERM=xterm-256color")
    }

    /// TERM is missing or empty.
    public static let terminalTypeUnset = TerminalError(
        "TERM is not set, so the screen cannot be drawn; try TERM=xterm-256color, or use `gruscope repl` / `gruscope trace` without a screen"
    )

    /// The terminal cannot place the cursor, so no full-screen program can work on it.
    public static func cannotAddressCursor(_ name: String) -> TerminalError {
        TerminalError(
            "the terminal type '\(name)' cannot move the cursor, so the screen cannot be drawn; try TERM=xterm-256color, or use `gruscope repl` / `gruscope trace`"
        )
    }

    /// The terminal's modes could not be read, so they could not be restored afterwards.
    public static let cannotReadTerminalModes = TerminalError(
        "cannot read the terminal's settings from standard input; run gruscope in an interactive terminal, or use `gruscope repl` / `gruscope trace`"
    )
}
