import ArgumentParser
import Foundation
import Script

/// `gruscope repl`: the command language on stdin and stdout, no curses.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "A line-by-line command prompt: works from pipes, scripts and screen readers.",
        discussion: """
            Type help for the commands. Units and input positions count from 0. A prompt is shown \
            only when stdin is a terminal, so piped output holds nothing but answers; a bad line \
            prints one line starting "error:" and changes nothing. End of input quits with status 0.

            Example:
              printf 'x = 1 2 3 4\\nstep\\nshow\\n' | gruscope repl
            """)

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions

    func run() throws {
        let session = try setupOptions.setup().makeSession()
        var lines = LineSession(session: session, commands: NoExtension())
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive {
            print("gruscope repl: \(Interpreter.describe(session)). Type help, or quit.")
        }
        while true {
            if interactive {
                print("gruscope> ", terminator: "")
                fflush(nil)
            }
            guard let line = readLine() else { break }
            let outcome = lines.handle(line)
            if !outcome.output.isEmpty { print(outcome.output) }
            if outcome.quit { break }
        }
        fflush(nil)
    }
}
