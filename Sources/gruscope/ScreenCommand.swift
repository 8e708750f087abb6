import App
import ArgumentParser
import Foundation
import Localization
import Script
import Teaching
import Terminal
import Themes
import Widgets

/// `gruscope` with no subcommand: the full-screen view.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Open the full-screen view of the cell (the default).",
        discussion: "Keys (? on the screen lists them too):\n" + KeyMap.helpText())

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions

    @OptionGroup(title: "Teaching") var teachingOptions: TeachingOptions

    @OptionGroup(title: "Sequence and session") var sessionOptions: SessionOptions

    @Option(help: ArgumentHelp("A theme name (" + ThemeLibrary.builtInNames.joined(separator: ", ") + ", or one of yours: see gruscope themes) or a .toml file.", valueName: "name|path"))
    var theme: String?

    @Flag(help: "Draw bars and frames with ASCII characters (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Presentation mode for a projector: a big header, fewer units with tall bars, the mix under each unit, and bar scales fixed across steps.")
    var present = false

    @Flag(help: "Measure drawing instead of running: frames drawn while a value is nudged, then medians (needs a terminal; quote with a release build).")
    var benchRender = false

    @Option(help: ArgumentHelp("Frames for --bench-render; 0 measures start to first frame only.", valueName: "n"))
    var frames = 300

    @Flag(help: "With --bench-render: the frames move the time cursor through the sequence instead, measured against frames of the same screen with nothing changed.")
    var benchCursor = false

    func run() throws {
        let started = RenderBenchmark.now()
        if let problem = TerminalCheck.currentProblem() { throw UserError(problem) }
        // The screen loads --inputs once it shows (progress, Esc stops it); --bench-render at once.
        let lines = try sessionOptions.lineSession(setupOptions, teachingOptions, loadingInputs: benchRender).lines
        let sessionReady = RenderBenchmark.now()
        let library = ThemeCatalog.library()
        let (loaded, themeError) = library.loadOrDefault(theme)
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession()
        } catch {
            throw UserError(error.message)
        }
        defer { terminal.stop() }
        var state = AppState(
            lines: lines, width: terminal.size().width, height: terminal.size().height,
            ascii: ascii || !terminal.isUTF8, themeName: loaded.theme.name)
        state.autosaves = !benchRender
        if present { state.setPresenting(true) }
        if benchRender {
            let report = RenderBenchmark(
                terminal: terminal, theme: loaded.theme, state: state, started: started, sessionReady: sessionReady)
                .run(frames: max(0, frames), movingTheCursor: benchCursor)
            terminal.stop()
            print(report)
            return
        }
        var loop = ScreenLoop(
            terminal: terminal, library: library, theme: loaded.theme, state: state)
        // A first pass through update before the first frame: it asks for the work the time
        // panels need (a long sequence's timeline), so they never wait for a key to appear.
        loop.send(.resize(width: state.width, height: state.height))
        if let themeError { loop.send(.finished(.theme(.failure(UserError(themeError.description))))) }
        if let inputs = sessionOptions.inputsCommand { loop.send(inputs) }
        loop.run()
        // A signal that ended the loop ends the process with it (128+n), terminal restored.
        terminal.finish()
    }
}
