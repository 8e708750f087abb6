import Foundation

/// Decides, before any screen is opened, whether this process can show the full-screen view.
public enum TerminalCheck {
    /// The one-line message explaining why the screen cannot be used here, or nil when it can.
    ///
    /// Pure, so every case is testable; ``currentProblem(environment:)`` feeds it the real values.
    public static func problem(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) -> String? {
        let alternatives = "use `gruscope repl` for commands from a pipe or file, or `gruscope trace` for traces"
        switch (stdinIsTTY, stdoutIsTTY) {
        case (false, false):
            return "standard input and output are not a terminal, so the screen cannot be shown; \(alternatives)"
        case (false, true):
            return "standard input is not a terminal, so keys cannot be read; \(alternatives)"
        case (true, false):
            return "standard output is not a terminal, so the screen cannot be shown; \(alternatives)"
        case (true, true):
            break
        }
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the screen cannot be drawn; set TERM=xterm-256color, or \(alternatives)"
        }
        if term == "dumb" {
            return "TERM=dumb cannot draw a screen; set TERM=xterm-256color, or \(alternatives)"
        }
        return nil
    }

    /// ``problem(stdinIsTTY:stdoutIsTTY:term:)`` for this process.
    public static func currentProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        problem(stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, term: environment["TERM"])
    }
}
