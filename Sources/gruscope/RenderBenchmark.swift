import App
import Foundation
import TerminalInput
import Terminal
import Themes
import Widgets

/// `gruscope --bench-render`: how long a frame takes while a student holds down a nudge key —
/// `update`, `view` into the grid, and the copy to ncurses — against a baseline in the same
/// run, the same frames copied in full (every cell rewritten, as without the frame diff).
struct RenderBenchmark {
    let terminal: TerminalSession
    let theme: Theme
    var state: AppState
    /// When the command started (after the process was loaded and arguments parsed).
    let started: TimeInterval
    /// When the weights were made and the first step taken, before the terminal was set up.
    let sessionReady: TimeInterval

    init(terminal: TerminalSession, theme: Theme, state: AppState, started: TimeInterval, sessionReady: TimeInterval) {
        self.terminal = terminal
        self.theme = theme
        self.state = state
        self.started = started
        self.sessionReady = sessionReady
    }

    func run(frames: Int) -> String {
        let resolved = ResolvedTheme(theme: theme, depth: terminal.colorDepth)
        var state = self.state
        terminal.present(view(state), style: resolved.resolve)
        let firstFrame = Self.now()
        var updates: [Double] = [], views: [Double] = [], presents: [Double] = [], fulls: [Double] = []
        // Units focus: + nudges the selected unit's h, so the whole trace changes every frame.
        for frame in 0..<frames {
            let key: Key = frame % 20 < 10 ? .character(">") : .character("<")
            let t0 = Self.now()
            state = update(state, .key(key)).0
            let t1 = Self.now()
            let grid = view(state)
            let t2 = Self.now()
            if frame % 2 == 0 {
                terminal.present(grid, style: resolved.resolve)
                let t3 = Self.now()
                updates.append(t1 - t0)
                views.append(t2 - t1)
                presents.append(t3 - t2)
            } else {
                terminal.forceFullRedraw()
                terminal.present(grid, style: resolved.resolve)
                fulls.append(Self.now() - t2)
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let frameTotals = zip(zip(updates, views), presents).map { $0.0 + $0.1 + $1 }
        func ms(_ values: [Double]) -> String { String(format: "%.3f ms", Self.median(values) * 1000) }
        var lines = [
            "screen \(state.width)×\(state.height), H=\(state.session.hiddenSize), I=\(state.session.inputSize), colour \(terminal.colorDepth.rawValue)",
            String(format: "start to first frame: %.1f ms in process (weights and first step %.1f ms)",
                   (firstFrame - started) * 1000, (sessionReady - started) * 1000),
            // For scripts/bench-start, which notes the same clock just before exec.
            String(format: "first frame at %.6f s on the monotonic clock", firstFrame),
            "peak memory: \(usage.ru_maxrss / 1024) MiB",
        ]
        if frames > 1 {
            lines += [
                "frames: \(updates.count) diffed, \(fulls.count) full (medians)",
                "  update \(ms(updates)), view \(ms(views)), copy to ncurses \(ms(presents))",
                "  frame (update + view + copy): \(ms(frameTotals))",
                "  baseline, full redraw copy: \(ms(fulls)); diffed/full = " + String(format: "%.2f", Self.median(presents) / max(1e-9, Self.median(fulls))),
            ]
        }
        return lines.joined(separator: "\n")
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
