import GRUCore
import Localization
import Synchronization

/// How much computing a change of the session may do where it runs now, and how it learns to
/// stop: the one way long work (a long `step N`, a long sequence loaded or edited at its start,
/// an undo that re-runs a long future) is kept interruptible without the session knowing about
/// screens or threads.
///
/// - ``unlimited``: compute everything at once (the repl, lessons, `trace`, tests);
/// - ``quick(limit:)``: the screen's own thread, which must answer keys at once: a change that
///   would compute more than `limit` multiply-adds throws ``UserError/needsBackgroundWork``
///   before it has changed anything the caller keeps (every caller works on a copy), and the
///   screen runs the same change again as background work;
/// - ``controlled(_:)``: background work: it computes everything, reporting progress to the
///   ``WorkControl`` and stopping with ``UserError/cancelled`` when asked to.
///
/// The context is a task-local value (``current``), set by the host around the work with
/// ``with(_:_:)``, so the commands, the teaching layer and lessons need not pass it along.
public enum ComputeContext: Sendable {
    /// Compute everything now.
    case unlimited
    /// Refuse more than `limit` multiply-adds (a few milliseconds' worth).
    case quick(limit: Int)
    /// Compute everything, reporting to and stoppable by a control.
    case controlled(WorkControl)

    /// The work a screen's own thread does at once: 2^25 multiply-adds, about 10 ms.
    public static let screenLimit = 1 << 25

    @TaskLocal static var bound: ComputeContext = .unlimited

    /// The context in force here.
    public static var current: ComputeContext { bound }

    /// Runs `body` with `context` in force.
    public static func with<R>(_ context: ComputeContext, _ body: () throws(UserError) -> R) throws(UserError) -> R {
        let result: Result<R, UserError> = $bound.withValue(context) {
            do throws(UserError) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Checks that `work` multiply-adds may be done here (``quick(limit:)`` refuses more).
    public static func allow(work: Int) throws(UserError) {
        if case let .quick(limit) = current, work > limit { throw .needsBackgroundWork }
    }

    /// Whether to go on, for `GRUSequence.compute`; reports progress to a control.
    public static func shouldContinue(_ progress: GRUProgress) -> Bool {
        guard case let .controlled(control) = current else { return true }
        control.report(progress)
        return !control.isCancelled
    }
}

/// The handle a host keeps on background work: it reads the progress and may cancel it. Shared
/// between the thread doing the work and the one showing it.
public final class WorkControl: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let latest = Mutex<GRUProgress?>(nil)

    /// A control for new work.
    public init() {}

    /// Asks the work to stop at its next check (a few milliseconds later).
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// How far the work is, once it has said.
    public var progress: GRUProgress? { latest.withLock { $0 } }

    func report(_ progress: GRUProgress) { latest.withLock { $0 = progress } }
}

extension UserError {
    /// A change that would take too long for the screen's own thread (``ComputeContext/quick(limit:)``):
    /// the screen runs it again as background work. Never shown to the user.
    public static let needsBackgroundWork = UserError(key: "error.work.background")

    /// Background work stopped by the user; nothing changed.
    public static let cancelled = UserError(key: "error.work.cancelled")

    /// Whether this is ``needsBackgroundWork``.
    public var needsBackground: Bool { key == "error.work.background" }
}
