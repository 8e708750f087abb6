import ArgumentParser
import Foundation
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

    func run() throws {
        var session = try setupOptions.setup().makeSession()
        var teaching = TeachingCommands(language: try teachingOptions.language())
        var opening: String?
        if let lesson = teachingOptions.lesson {
            opening = try teaching.startLesson(lesson, session: &session).output
        }
        var lines = LineSession(session: session, commands: teaching)
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive {
            print("gruscope repl: \(Interpreter.describe(session)). Type help, or quit.")
        } else if let note = session.origin.leftOutNote {
            Gruscope.note(note)
        }
        if let opening { print(opening) }
        while true {
            if interactive {
                print("gruscope> ", terminator: "")
                fflush(nil)
            }
            guard let line = readLine() else { break }
            let outcome = lines.handle(line)
            let text = outcome.text(in: lines.extensionState.language)
            if !text.isEmpty { print(text) }
            if outcome.quit { break }
        }
        fflush(nil)
    }
}
