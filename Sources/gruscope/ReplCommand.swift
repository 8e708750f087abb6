import ArgumentParser
import Foundation
import Localization
import Script
import Teaching

/// `gruscope repl`: the command language on stdin and stdout, no curses.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "A line-by-line command prompt: works from pipes, scripts and screen readers.",
        discussion: """
            Type help for the commands. Units and input positions count from 0. A prompt is shown \
            only when stdin is a terminal, so piped output holds nothing but answers; a bad line \
            prints one line starting "error:" and changes nothing. End of input quits with status 0.

            Teaching commands: explain [UNIT], why r|z|candidate [UNIT], summary, bug [UNIT], \
            rule [before|after], lesson [NAME], next, prev, lang [en|zh].

            Examples:
              printf 'x = 1 2 3 4\\nstep\\nshow\\n' | gruscope repl
              printf 'next\\nnext\\n' | gruscope repl --lesson keep-and-replace --lang zh
            """)

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions
    @OptionGroup(title: "Teaching") var teachingOptions: TeachingOptions
    @OptionGroup(title: "Sequence and session") var sessionOptions: SessionOptions

    func run() throws {
        var (lines, opening) = try sessionOptions.lineSession(setupOptions, teachingOptions)
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive {
            Swift.print("gruscope repl: \(EchoText.escaped(Interpreter.describe(lines.session))). Type help, or quit.")
        } else if let note = lines.session.origin.leftOutNote {
            Gruscope.note(note)
        }
        if let opening { Self.print(opening) }
        var input = LineReader()
        while true {
            if interactive {
                Swift.print("gruscope> ", terminator: "")
                fflush(nil)
            }
            guard let line = input.next() else { break }
            let outcome: CommandOutcome
            switch line {
            case let .text(text):
                outcome = lines.complete(lines.handle(text))
            case let .tooLong(bytes):
                outcome = CommandOutcome(error: UserError(key: "error.script.line_too_long", [
                    "bytes": String(bytes), "limit": String(CommandWords.longestLine),
                ]))
            }
            Self.print(outcome.text(in: lines.extensionState.language))
            if outcome.quit { break }
        }
        fflush(nil)
    }

    /// Prints an answer with every control character escaped: what a user typed or a file held
    /// comes back harmless.
    static func print(_ text: String) {
        guard !text.isEmpty else { return }
        Swift.print(text.split(separator: "\n", omittingEmptySubsequences: false).map { EchoText.escaped($0) }.joined(separator: "\n"))
    }
}
