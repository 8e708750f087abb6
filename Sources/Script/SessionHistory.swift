import GRUCore
import Localization

/// The changes a session can undo and redo: every edit, pin, nudge, new weights, load, step,
/// cursor move, sequence load or generator and lesson move, each as an inverse patch rather than
/// a copy of the session, so an edit of x at t = 5 of a 100 000-step sequence keeps one row,
/// not the sequence.
///
/// Bounded twice (README "Limits"): at most ``maximumEntries`` changes and ``maximumBytes`` bytes
/// of kept numbers (rows, states, pins, weights read from files); the oldest are dropped first.
/// A single change larger than the byte budget (replacing a very long sequence) is not kept:
/// the history is cleared and ``lastDropped`` says why, so the host can tell the user it cannot
/// be undone.
public struct SessionHistory: Sendable {
    /// The most changes kept.
    public static let maximumEntries = 1000
    /// The most bytes of numbers kept (64 MiB).
    public static let maximumBytes = 64 << 20

    /// One change: what it was, and how to go back and forth.
    public struct Entry: Sendable {
        /// What the change did, for "undid: …" (in the catalogues).
        public let description: Message
        /// Parts that turn the state before into the state after, in order.
        let forward: [SessionPatch]
        /// Parts that turn the state after back into the state before, in order.
        let backward: [SessionPatch]
        /// Bytes of numbers the entry keeps.
        public let bytes: Int
        /// A number that names the entry for as long as the history lives.
        public let id: Int
    }

    /// Changes that can be undone, oldest first.
    public private(set) var undoable: [Entry] = []
    /// Changes that were undone and can be redone, the next to redo last.
    public private(set) var redoable: [Entry] = []
    /// Bytes kept by both lists.
    public private(set) var bytes = 0
    /// Why the history was last cut short, when it was: a change too large to keep.
    public private(set) var lastDropped: Message?
    private var lastDroppedID: Int?
    private var nextID = 0

    /// An empty history.
    public init() {}

    /// The next change `undo` would take back.
    public var nextUndo: Entry? { undoable.last }
    /// The next change `redo` would make again.
    public var nextRedo: Entry? { redoable.last }
    /// The id the next recorded change gets: a mark to undo back to (a lesson step's start).
    public var mark: Int { nextID }

    /// Records a change that was just made; whatever was undone can no longer be redone.
    mutating func record(_ description: Message, forward: [SessionPatch], backward: [SessionPatch]) {
        bytes -= redoable.reduce(0) { $0 + $1.bytes }
        redoable.removeAll()
        let size = (forward + backward).reduce(0) { $0 + $1.bytes }
        let entry = Entry(description: description, forward: forward, backward: backward, bytes: size, id: nextID)
        nextID += 1
        guard size <= Self.maximumBytes else {
            undoable.removeAll()
            bytes = 0
            lastDropped = description
            lastDroppedID = entry.id
            return
        }
        lastDropped = nil
        undoable.append(entry)
        bytes += size
        trim()
    }

    /// Joins the last change with the one before it when both are cursor moves alone (scrubbing
    /// through time is one change to undo, not one per key).
    mutating func coalesceCursorMoves() {
        guard undoable.count >= 2 else { return }
        let last = undoable[undoable.count - 1], before = undoable[undoable.count - 2]
        guard last.isCursorMove, before.isCursorMove, before.id == last.id - 1 else { return }
        undoable.removeLast(2)
        undoable.append(Entry(
            description: last.description, forward: last.forward, backward: before.backward,
            bytes: before.bytes, id: last.id))
        bytes -= last.bytes
    }

    /// Joins every change recorded since `mark` into one, described as `description`.
    mutating func merge(since mark: Int, description: Message) {
        guard let first = undoable.firstIndex(where: { $0.id >= mark }) else { return }
        let parts = undoable[first...]
        guard parts.count > 1 || parts.first?.description != description else { return }
        let forward = parts.flatMap(\.forward)
        let backward = parts.reversed().flatMap(\.backward)
        let size = parts.reduce(0) { $0 + $1.bytes }
        let entry = Entry(description: description, forward: forward, backward: backward, bytes: size, id: parts.first!.id)
        undoable.removeSubrange(first...)
        undoable.append(entry)
    }

    /// Whether every change since `mark` is still on the undo list (none dropped or undone).
    func reaches(_ mark: Int) -> Bool {
        guard mark <= nextID else { return false }
        if mark == nextID { return true }
        guard redoable.allSatisfy({ $0.id < mark }), let oldest = undoable.first else { return false }
        return oldest.id <= mark && lastDroppedID.map { $0 < mark } ?? true
    }

    /// Takes the last change off the undo list (to apply its backward parts).
    mutating func popUndo() -> Entry? {
        guard let entry = undoable.popLast() else { return nil }
        redoable.append(entry)
        return entry
    }

    /// Takes the last undone change off the redo list (to apply its forward parts).
    mutating func popRedo() -> Entry? {
        guard let entry = redoable.popLast() else { return nil }
        undoable.append(entry)
        return entry
    }

    /// Forgets every change recorded since `mark` (taken back by the caller).
    mutating func forget(since mark: Int) {
        while let last = undoable.last, last.id >= mark {
            bytes -= last.bytes
            undoable.removeLast()
        }
    }

    /// Forgets the last undone change (a change rolled back because it failed or was cancelled).
    mutating func discardLastUndone() {
        guard let entry = redoable.popLast() else { return }
        bytes -= entry.bytes
    }

    /// Forgets everything.
    mutating func clear() {
        self = SessionHistory()
    }

    private mutating func trim() {
        var drop = 0
        while undoable.count - drop > Self.maximumEntries || (bytes > Self.maximumBytes && drop < undoable.count) {
            bytes -= undoable[drop].bytes
            drop += 1
        }
        if drop > 0 { undoable.removeFirst(drop) }
    }
}

extension SessionHistory.Entry {
    /// Whether the change only moved the time cursor.
    var isCursorMove: Bool {
        forward.allSatisfy { if case .cursor = $0 { return true } else { return false } }
            && backward.allSatisfy { if case .cursor = $0 { return true } else { return false } }
    }
}

/// One part of a change to a session, applied in order: how undo and redo rebuild a state.
enum SessionPatch: Sendable {
    /// The weights and where they came from; the sequence is fitted to them (see
    /// ``Session/applySetup(_:)``).
    case setup(SessionSetupState)
    /// The state before step 0.
    case h0([Float])
    /// The pinned gates.
    case pins(GatePins)
    /// Steps `start ..< start + removing` are replaced by `rows`.
    case rows(start: Int, removing: Int, rows: StepRows)
    /// The time cursor.
    case cursor(Int)
    /// Where a lesson is (kept for the teaching layer).
    case lesson(LessonMark?)

    /// Whether it changes the sequence itself rather than only where the cursor or a lesson is.
    var changesSequence: Bool {
        switch self {
        case .setup, .h0, .pins, .rows: return true
        case .cursor, .lesson: return false
        }
    }

    /// Bytes of numbers kept.
    var bytes: Int {
        switch self {
        case let .setup(setup): return setup.bytes
        case let .h0(values): return values.count * MemoryLayout<Float>.stride
        case let .pins(pins): return pins.gates.reduce(0) { $0 + (pins[$1]?.count ?? 0) } * MemoryLayout<Float>.stride
        case let .rows(_, _, rows): return rows.bytes
        case .cursor, .lesson: return 0
        }
    }
}

/// Input rows, kept as compactly as they were made: a copy of the values, or one row repeated
/// (what stepping past the end records).
public struct StepRows: Sendable, Equatable {
    /// Values per row (I).
    public let width: Int
    private let storage: Storage

    private enum Storage: Sendable, Equatable {
        case values([Float])
        case repeated([Float], count: Int)
    }

    /// Rows from row-major values, `width` per row.
    public init(values: [Float], width: Int) {
        precondition(width > 0 && values.count % width == 0, "rows of \(width) from \(values.count) values")
        self.width = width
        storage = .values(values)
    }

    /// One row, `count` times.
    public init(repeating row: [Float], count: Int) {
        precondition(!row.isEmpty && count >= 0, "a repeated row needs values and a count")
        width = row.count
        storage = .repeated(row, count: count)
    }

    /// How many rows.
    public var count: Int {
        switch storage {
        case let .values(values): return values.count / width
        case let .repeated(_, count): return count
        }
    }

    /// The rows, row-major.
    public var flat: [Float] {
        switch storage {
        case let .values(values): return values
        case let .repeated(row, count):
            var out: [Float] = []
            out.reserveCapacity(row.count * count)
            for _ in 0..<count { out.append(contentsOf: row) }
            return out
        }
    }

    /// Bytes kept.
    var bytes: Int {
        switch storage {
        case let .values(values): return values.count * MemoryLayout<Float>.stride
        case let .repeated(row, _): return row.count * MemoryLayout<Float>.stride
        }
    }
}

/// Where a lesson is, as the session keeps it so that undo and redo move lessons too; the
/// teaching layer keeps the texts.
public struct LessonMark: Sendable, Equatable, Codable {
    /// The lesson's name (or file).
    public var lesson: String
    /// The step shown, from 0.
    public var step: Int
    /// Whether `next` went past the last step.
    public var complete: Bool

    /// A mark from its parts.
    public init(lesson: String, step: Int, complete: Bool = false) {
        self.lesson = lesson
        self.step = step
        self.complete = complete
    }
}
