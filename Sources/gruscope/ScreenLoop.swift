import App
import Foundation
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
                // The terminal copies only the cells that differ from its last frame.
                terminal.present(view(state), style: resolved.resolve)
                needsFrame = false
                crashIfAskedByTests()
            }
            if let event = terminal.nextEvent(timeoutMilliseconds: 250) {
                send(event)
                takeWaitingInput()
            }
        }
    }

    /// Takes the input that is already waiting (a paste arrives as thousands of keys) before
    /// the next frame, for at most a few frames' time so signals are still answered at once:
    /// a 10 000-character paste then costs a few frames, not one per character.
    private mutating func takeWaitingInput() {
        let deadline = RenderBenchmark.now() + 0.05
        while !state.isQuitting, RenderBenchmark.now() < deadline,
              let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            send(event)
        }
    }

    /// The end-to-end tests prove that a Swift runtime trap leaves a working terminal; this
    /// variable is their only way to cause one on a drawn screen.
    private func crashIfAskedByTests() {
        guard ProcessInfo.processInfo.environment["GRUSCOPE_TEST_TRAP_AFTER_FIRST_FRAME"] == "1" else { return }
        let empty: [Int] = []
        _ = empty[Int(state.width)]
    }

    private mutating func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            state.isQuitting = true
        case let .loadTheme(name):
            switch library.load(name) {
            case let .success(loaded):
                theme = loaded.theme
                resolved = ResolvedTheme(theme: loaded.theme, depth: terminal.colorDepth)
                state.themeName = loaded.theme.name
                terminal.forceFullRedraw()
                send(.notice("theme \(loaded.theme.name) (\(loaded.source))", isError: false))
            case let .failure(error):
                send(.notice(error.description, isError: true))
            }
        case let .export(path):
            send(Self.export(view(state), theme: theme, to: path))
        }
    }

    /// Writes the screen as SVG or text; the result comes back as a status notice.
    static func export(_ grid: Grid, theme: Theme, to path: String) -> Event {
        let lower = path.lowercased()
        let contents: String
        if lower.hasSuffix(".svg") {
            contents = SVGExport.render(grid: grid, theme: theme)
        } else if lower.hasSuffix(".txt") {
            contents = grid.text + "\n"
        } else {
            return .notice("export writes FILE.svg (a picture) or FILE.txt (plain text); got \(path)", isError: true)
        }
        do {
            try contents.write(toFile: (path as NSString).expandingTildeInPath, atomically: true, encoding: .utf8)
            return .notice("saved the screen to \(path)", isError: false)
        } catch {
            return .notice("cannot write \(path): \(error.localizedDescription)", isError: true)
        }
    }
}
