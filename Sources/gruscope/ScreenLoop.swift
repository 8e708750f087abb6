import App
import Foundation
import Localization
import Script
import Terminal
import Themes
import Widgets

/// The terminal loop: events in through ``update(_:_:)``, frames out through ``view(_:)``,
/// effects carried out here. It redraws only after something changed.
struct ScreenLoop {
    let terminal: TerminalSession
    let library: ThemeLibrary
    var resolved: ResolvedTheme
    var theme: Theme
    var state: AppState
    private var needsFrame = true

    init(terminal: TerminalSession, library: ThemeLibrary, theme: Theme, state: AppState) {
        self.terminal = terminal
        self.library = library
        self.theme = theme
        self.state = state
        resolved = ResolvedTheme(theme: theme, depth: terminal.colorDepth)
    }

    /// `GRUSCOPE_CHECK_STATE=1` (the soak test, `scripts/soak`): the state is checked after
    /// every event, and the first violation stops the program loudly.
    private let checksState = ProcessInfo.processInfo.environment["GRUSCOPE_CHECK_STATE"] == "1"

    /// Feeds one event through `update` and carries out what it asks.
    mutating func send(_ event: Event) {
        let (next, effects) = update(state, event)
        state = next
        needsFrame = true
        if checksState {
            let problems = state.invariantViolations
            if !problems.isEmpty { fatalError("invalid state after \(event): " + problems.joined(separator: "; ")) }
        }
        for effect in effects { perform(effect) }
    }

    mutating func run() {
        while !state.isQuitting {
            let signals = terminal.pendingSignals()
            if signals.wantsQuit { break }
            if signals.contains(.suspend) {
                terminal.suspend()
                let (width, height) = terminal.size()
                send(.resize(width: width, height: height))
            }
            // After a stop from outside the terminal wants everything drawn again.
            if signals.contains(.resume) { needsFrame = true }
            if needsFrame {
                presentFrame()
                crashIfAskedByTests()
            }
            if let input = terminal.nextEvent(timeoutMilliseconds: 250) {
                send(Event(input))
                takeWaitingInput()
            }
        }
    }

    /// Draws the state; the terminal copies only the cells that differ from its last frame.
    mutating func presentFrame() {
        terminal.present(view(state), style: resolved.resolve)
        needsFrame = false
    }

    /// Takes the input that is already waiting (a paste arrives as thousands of keys) before
    /// the next frame, for at most a few frames' time so signals are still answered at once:
    /// a 10 000-character paste then costs a few frames, not one per character.
    private mutating func takeWaitingInput() {
        let deadline = RenderBenchmark.now() + 0.05
        while !state.isQuitting, RenderBenchmark.now() < deadline,
              let input = terminal.nextEvent(timeoutMilliseconds: 0) {
            send(Event(input))
        }
    }

    /// The end-to-end tests prove that a Swift runtime trap leaves a working terminal; this
    /// variable is their only way to cause one on a drawn screen.
    private func crashIfAskedByTests() {
        guard ProcessInfo.processInfo.environment["GRUSCOPE_TEST_TRAP_AFTER_FIRST_FRAME"] == "1" else { return }
        let empty: [Int] = []
        _ = empty[Int(state.width)]
    }

    /// Carries out what `update` asked for and sends back how it went.
    private mutating func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            state.isQuitting = true
        case .redraw:
            terminal.forceFullRedraw()
            needsFrame = true
        case let .language(effect):
            send(.finished(.language(effect.perform())))
        case let .time(work):
            performTime(work)
        case let .loadTheme(name):
            switch library.load(name) {
            case let .success(loaded):
                theme = loaded.theme
                resolved = ResolvedTheme(theme: loaded.theme, depth: terminal.colorDepth)
                terminal.forceFullRedraw()
                send(.finished(.theme(.success(ThemeChange(name: loaded.theme.name, source: loaded.source.description)))))
            case let .failure(error):
                send(.finished(.theme(.failure(UserError(error.description)))))
            }
        case let .export(path, format, replacing):
            send(.finished(.export(path: path, Self.export(view(state), theme: theme, format: format, to: path, replacing: replacing))))
        }
    }

    /// Writes the screen as an SVG picture or plain text (see ``Script/UserFiles`` for how).
    static func export(_ grid: Grid, theme: Theme, format: ExportFormat, to path: String, replacing: Bool) -> Result<Void, UserError> {
        let contents: String
        switch format {
        case .svg: contents = SVGExport.render(grid: grid, theme: theme)
        case .txt: contents = grid.text + "\n"
        }
        do {
            try UserFiles.write(Array(contents.utf8), to: UserFiles.expand(path), shownAs: path, replacing: replacing, command: "export")
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}
