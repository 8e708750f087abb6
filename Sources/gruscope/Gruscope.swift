import ArgumentParser
import Foundation
import Localization
import Script

/// The root command: parses arguments and turns every failure into one `error:` line.
@main
struct Gruscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gruscope",
        abstract: "Look inside a GRU recurrent cell: gates, candidate and new state, unit by unit.",
        discussion: """
            gruscope follows the frameworks' convention (TensorFlow, Keras, PyTorch): the update \
            gate z is the share of the old state that is KEPT,
              h′ = z·h + (1−z)·h̃
            so what z forgets is exactly the share the candidate h̃ fills. (Some textbooks swap z \
            and 1−z.) Units and input positions count from 0.

            With no subcommand gruscope opens the full-screen view of the seed-code scene; \
            `gruscope screen --help` lists its options (--weights, --scene, --theme, --lang, \
            --lesson, --ascii …). Examples:
              gruscope --scene seed-doc --theme high-contrast
              gruscope --lesson keep-and-replace --lang zh
              gruscope trace --scene seed-doc --format json
              printf 'x = 1 2 3 4\\nstep\\nshow\\n' | gruscope repl
            """,
        subcommands: [ScreenCommand.self, TraceCommand.self, ReplCommand.self, WeightsCommand.self, ThemesCommand.self, LessonsCommand.self, Bench.self],
        defaultSubcommand: ScreenCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserError {
            fail(error.message, status: 2)
        } catch {
            switch exitCode(for: error) {
            case .success:
                exit(withError: error)
            case .validationFailure:
                fail(message(for: error).replacingOccurrences(of: "\n", with: " ") + " (see gruscope --help)", status: 2)
            default:
                fail(message(for: error), status: 1)
            }
        }
    }

    /// Prints one `error:` line to stderr and exits.
    static func fail(_ message: String, status: Int32) -> Never {
        printToStandardError("error: " + message)
        Foundation.exit(status)
    }

    /// One `note:` line on stderr, which keeps stdout (JSON, traces) clean.
    static func note(_ message: String) {
        printToStandardError("note: " + message)
    }

    private static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
