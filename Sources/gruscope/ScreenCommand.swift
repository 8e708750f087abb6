import ArgumentParser
import Script

/// `gruscope` with no subcommand: the full-screen view.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Open the full-screen view of the cell (the default).")

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions

    func run() throws {
        _ = try setupOptions.setup().makeSession()
        throw ScriptError("the full-screen view is not built yet; use gruscope repl or gruscope trace")
    }
}
