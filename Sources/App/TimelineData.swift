import GRUCore
import Localization
import Teaching

/// What a timeline summary is of: the quantity, the steps and the columns.
struct TimelineRequest: Sendable, Equatable {
    var field: TraceField
    var window: Range<Int>
    var columns: Int
}

/// What a memory panel is of: a unit at a step.
struct MemoryRequest: Sendable, Equatable {
    var unit: Int
    var step: Int
}

/// The numbers the time panels draw, kept between frames so that moving the cursor costs
/// only what changed: the timeline's columns (recomputed when the quantity, the steps shown,
/// the panel's width or the sequence change, not when the cursor moves inside them), the
/// selected unit's update gate over every step (when the unit or the sequence change), and its
/// memory at the cursor (retention at once from that history; influence now when it is quick,
/// else as work for the loop). Each is of the sequence named by its ``Script/Session/sequenceID``;
/// none keeps a copy of the sequence, which therefore still changes in place.
public struct TimeCache: Sendable {
    /// The timeline's columns, for a request on a sequence.
    var summary: (sequence: Int, request: TimelineRequest, value: GRUFieldSummary, bound: Float)?
    /// z of one unit over every step.
    var gates: (sequence: Int, unit: Int, z: [Float])?
    /// The memory of one unit at one step.
    var memory: (sequence: Int, request: MemoryRequest, value: UnitMemory)?
    /// Work handed to the loop and not yet back, and how far it is.
    var working: TimeWork?
    var progress: GRUProgress?

    public init() {}
}

/// Multiply-adds the screen's own thread does for the time panels at once; more goes to the
/// loop as work it can interrupt (about a millisecond).
let quickTimeWork = 1 << 21

/// Work for the time panels too long to do inside `update`: the loop runs it on the session's
/// sequence (``AppState/timeSequence``), stopping when input arrives, and hands back
/// ``TimeWorkResult``.
public struct TimeWork: Sendable, Equatable {
    enum Job: Sendable, Equatable {
        case summary(TimelineRequest)
        case influence(MemoryRequest)
    }

    let job: Job
    /// The sequence it is of (``Script/Session/sequenceID``).
    public let sequenceID: Int

    static func cost(of job: Job, on sequence: GRUSequence) -> Int {
        let n = sequence.hiddenSize, i = sequence.inputSize
        switch job {
        case let .summary(request):
            switch request.field {
            case .h, .hPrev, .x: return request.window.count * (request.field == .x ? i : n)
            default: return request.window.count * 3 * n * (n + i)
            }
        case let .influence(request):
            return (request.step + 1) * n * (n + i)
        }
    }

    /// Does the job on `sequence` (the one it is of), asking `shouldContinue` between blocks;
    /// nil when it was stopped.
    public func run(on sequence: GRUSequence, _ shouldContinue: (GRUProgress) -> Bool = { _ in true }) -> TimeWorkResult? {
        do {
            switch job {
            case let .summary(request):
                let summary = try sequence.summary(of: request.field, in: request.window, columns: request.columns, shouldContinue)
                return TimeWorkResult(work: self, outcome: .summary(summary))
            case let .influence(request):
                let values = try sequence.unitInfluence(at: request.step, unit: request.unit, shouldContinue)
                return TimeWorkResult(work: self, outcome: .influence(values))
            }
        } catch {
            return nil
        }
    }
}

/// What ``TimeWork`` gave.
public struct TimeWorkResult: Sendable {
    let work: TimeWork
    enum Outcome: Sendable {
        case summary(GRUFieldSummary)
        case influence([Float])
    }
    let outcome: Outcome
}
