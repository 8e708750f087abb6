import App
import Foundation
import GRUCore
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
    /// Work running off this thread (background work or a file being read), if any.
    private var job: Job?
    /// The session to autosave, and when (changes are written at most once per second).
    private var pendingAutosave: (save: SessionSave, due: Double)?
    /// The asciicast recording running now (`:record FILE.cast`), if any.
    private var recorder: ScreenRecorder?

    init(terminal: TerminalSession, library: ThemeLibrary, theme: Theme, state: AppState) {
        self.terminal = terminal
        self.library = library
        self.theme = theme
        self.state = state
        resolved = ResolvedTheme(theme: theme, depth: terminal.colorDepth)
    }

    /// `GRUSCOPE_CHECK_STATE=1` (the soak test, `scripts/soak`): the state is checked after
    /// every event (quickly) and before every frame (wholly, with the drawing), and the first
    /// violation stops the program loudly.
    private let checksState = ProcessInfo.processInfo.environment["GRUSCOPE_CHECK_STATE"] == "1"

    /// Feeds one event through `update` and carries out what it asks.
    mutating func send(_ event: Event) {
        // The state is handed to update (not copied), so a long sequence changes in place.
        var effects: [Effect] = []
        withUnsafeMutablePointer(to: &state) { pointer in
            let (next, asked) = update(pointer.move(), event)
            pointer.initialize(to: next)
            effects = asked
        }
        needsFrame = true
        if checksState { checkState(quick: true, after: "\(event)") }
        for effect in effects { perform(effect) }
    }

    mutating func run() {
        defer { flushAutosave() }
        while !state.isQuitting {
            let signals = terminal.pendingSignals()
            if signals.wantsQuit {
                job?.control.cancel()
                break
            }
            pollJob()
            if let pending = pendingAutosave, RenderBenchmark.now() >= pending.due { flushAutosave() }
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
            if let input = terminal.nextEvent(timeoutMilliseconds: job != nil || pendingAutosave != nil ? 50 : 250) {
                send(Event(input))
                takeWaitingInput()
            }
        }
        // Leaving (q, a signal) keeps what was recorded.
        if let recorder {
            _ = recorder.finish()
            self.recorder = nil
        }
    }

    /// Adds a frame to the recording, which stops and is written when it reaches its limit.
    private mutating func record(_ frame: Grid) {
        guard var running = recorder else { return }
        running.add(frame, resolve: resolved.resolve)
        recorder = running
        if running.isFull {
            recorder = nil
            send(.finished(.recording(running.finish())))
        }
    }

    /// Stops the program loudly at the first invalid state (the terminal is restored on the way).
    private func checkState(quick: Bool, after what: String) {
        let problems = state.invariantViolations(quick: quick)
        if !problems.isEmpty { fatalError("invalid state after \(what): " + problems.joined(separator: "; ")) }
    }

    /// Draws the state; the terminal copies only the cells that differ from its last frame.
    mutating func presentFrame() {
        if checksState { checkState(quick: false, after: "the events before a frame") }
        // The terminal copies only the cells that differ from its last frame.
        let frame = view(state)
        terminal.present(frame, style: resolved.resolve)
        needsFrame = false
        record(frame)
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
            // Read off this thread: a large file keeps the screen answering (and Esc drops it).
            startJob(id: state.running?.id ?? 0, progress: false) { _ in .language(effect.perform()) }
        case let .work(work):
            startJob(id: work.id, progress: true) { control in .work(id: work.id, work.run(control)) }
        case let .cancelWork(id):
            guard let job, job.id == id else { break }
            job.control.cancel()
            if !job.reportsProgress {
                // A file being read cannot be stopped; its result is dropped.
                self.job = nil
                send(.finished(.work(id: id, .failed(.cancelled))))
            }
        case let .autosave(save):
            pendingAutosave = (save, pendingAutosave?.due ?? RenderBenchmark.now() + 1)
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
        case let .startRecording(path, replacing):
            switch ScreenRecorder.start(path: path, replacing: replacing, width: state.width, height: state.height) {
            case let .success(started):
                recorder = started
                send(.finished(.recording(.success(.started(path: path)))))
                needsFrame = true
            case let .failure(error):
                send(.finished(.recording(.failure(error))))
            }
        case .stopRecording:
            guard let running = recorder else { return }
            recorder = nil
            send(.finished(.recording(running.finish())))
        case let .export(path, format, replacing):
            send(.finished(.export(path: path, Self.export(view(state), theme: theme, format: format, to: path, replacing: replacing))))
        }
    }

    /// How long starting a job waits for it before the next frame is drawn.
    static let quickJob = 0.04

    /// Starts work on a thread of its own; ``pollJob()`` hands its result back.
    private mutating func startJob(id: Int, progress: Bool, _ body: @escaping @Sendable (WorkControl) -> EffectResult) {
        let job = Job(id: id, reportsProgress: progress)
        self.job = job
        let thread = Thread { job.finish(body(job.control)) }
        thread.stackSize = 8 << 20
        thread.start()
        // Most reads and much work end within a frame or two: the next frame then shows the
        // answer, not a "running" line that flickers for a moment.
        job.wait(upTo: Self.quickJob)
    }

    /// Sends the finished job's result, or its progress, to update.
    private mutating func pollJob() {
        guard let job else { return }
        if let result = job.result {
            self.job = nil
            send(.finished(result))
        } else if job.reportsProgress, let progress = job.control.progress, progress != job.lastSent {
            job.lastSent = progress
            send(.workProgress(id: job.id, progress))
        }
    }

    /// Writes the pending autosave now (and on the way out).
    private mutating func flushAutosave() {
        guard let pending = pendingAutosave else { return }
        pendingAutosave = nil
        // A failed autosave must not stop the class; the next change tries again.
        try? Autosave.write(pending.save)
    }

    /// Writes the screen as an SVG picture or plain text (see ``Script/UserFiles`` for how).
    static func export(_ grid: Grid, theme: Theme, format: ExportFormat, to path: String, replacing: Bool) -> Result<Void, UserError> {
        let contents: String
        switch format {
        case .svg: contents = SVGExport.render(grid: grid, theme: theme)
        // Plain text spells a negative bar's reversed end as the block it covers.
        case .txt: contents = grid.plainText + "\n"
        }
        do {
            try UserFiles.write(Array(contents.utf8), to: UserFiles.expand(path), shownAs: path, replacing: replacing, command: "export")
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}

/// Work running on another thread: its control, and its result once it has one.
final class Job: @unchecked Sendable {
    let id: Int
    let reportsProgress: Bool
    let control = WorkControl()
    private let lock = NSCondition()
    private var finished: EffectResult?
    /// The progress last sent to update (loop thread only).
    var lastSent: GRUProgress?

    init(id: Int, reportsProgress: Bool) {
        self.id = id
        self.reportsProgress = reportsProgress
    }

    func finish(_ result: EffectResult) {
        lock.lock()
        finished = result
        lock.broadcast()
        lock.unlock()
    }

    /// Waits until the job has finished or `seconds` have passed.
    func wait(upTo seconds: Double) {
        let deadline = Date(timeIntervalSinceNow: seconds)
        lock.lock()
        while finished == nil, lock.wait(until: deadline) {}
        lock.unlock()
    }

    var result: EffectResult? {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}
