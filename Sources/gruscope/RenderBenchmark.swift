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

    func run(frames: Int, movingTheCursor: Bool = false) -> String {
        if movingTheCursor { return runMovingTheCursor(frames: frames) }
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

    /// `--bench-render --bench-cursor`: a student scrubbing through the sequence. From the last
    /// step the cursor moves one step at a time towards the first and back (`(` and `)`); each
    /// frame is `update` (the step at the cursor worked out again from the stored state, the
    /// timeline and retention kept up to date), `view` and the copy to ncurses. Work `update`
    /// hands to the loop (influence at a late step of a long sequence) runs in the background,
    /// stopped by the next key, so it is not part of a frame. The baseline, in turn with it, is
    /// the same pipeline on an event that changes nothing: the cost of drawing this screen.
    private func runMovingTheCursor(frames: Int) -> String {
        let resolved = ResolvedTheme(theme: theme, depth: terminal.colorDepth)
        // The state as the loop has it after its first pass, at the last step.
        var state = update(update(self.state, .resize(width: self.state.width, height: self.state.height)).0, .key(.end)).0
        terminal.present(view(state), style: resolved.resolve)
        let count = state.session.count
        guard count > 1 else { return "--bench-cursor needs a sequence of more than one step (--inputs FILE or --scene NAME)" }
        var moves: [Double] = [], updates: [Double] = [], views: [Double] = [], baselines: [Double] = []
        var moveCPU: [Double] = [], baselineCPU: [Double] = []
        var backwards = true
        let sameSize = Event.resize(width: state.width, height: state.height)
        for _ in 0..<frames {
            let t = state.session.t
            if t == 0 { backwards = false } else if t == count - 1 { backwards = true }
            let (t0, cpu0) = (Self.now(), Self.threadCPU())
            state = update(state, .key(.character(backwards ? "(" : ")"))).0
            let t1 = Self.now()
            let grid = view(state)
            views.append(Self.now() - t1)
            terminal.present(grid, style: resolved.resolve)
            let (t2, cpu2) = (Self.now(), Self.threadCPU())
            state = update(state, sameSize).0
            terminal.present(view(state), style: resolved.resolve)
            let (t3, cpu3) = (Self.now(), Self.threadCPU())
            moves.append(t2 - t0)
            updates.append(t1 - t0)
            baselines.append(t3 - t2)
            moveCPU.append(cpu2 - cpu0)
            baselineCPU.append(cpu3 - cpu2)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ values: [Double]) -> String { String(format: "%.3f ms", Self.median(values) * 1000) }
        return [
            "screen \(state.width)×\(state.height), T=\(count), H=\(state.session.hiddenSize), I=\(state.session.inputSize), colour \(terminal.colorDepth.rawValue)",
            "peak memory: \(usage.ru_maxrss / 1024) MiB",
            "frames: \(moves.count) cursor moves, \(baselines.count) baseline (medians)",
            "  cursor move frame (update + view + copy): \(ms(moves)); update alone \(ms(updates)), view alone \(ms(views))",
            "  baseline, the same screen with nothing changed: \(ms(baselines)); move/baseline = "
                + String(format: "%.2f", Self.median(moves) / max(1e-9, Self.median(baselines))),
            // The thread's own work, without the time others' processes had the core (or the
            // terminal took to read the frame): what a quiet machine would show.
            "  CPU time of the frames: move \(ms(moveCPU)), baseline \(ms(baselineCPU))",
        ].joined(separator: "\n")
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU time of the calling thread: its own work, without the time it waited for the core
    /// or for the terminal.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
