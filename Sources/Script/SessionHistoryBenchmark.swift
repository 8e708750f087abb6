import Foundation
import GRUCore
import Localization

/// `gruscope bench --history`: what the undo history costs on a long sequence. A session of T
/// steps takes `edits` edits of x at steps near its end (the cursor moved to each first, as a
/// class scrubs and edits), then every one is undone. It measures:
///
/// - the history's own count of the bytes it keeps, against the limits
///   (``SessionHistory/maximumEntries``, ``SessionHistory/maximumBytes``);
/// - the process's resident memory before and after the edits (the count is checked against
///   what the process really holds), and its peak;
/// - the time of an edit (which re-runs the steps after it) and of its undo, as medians, the
///   edit being the baseline the undo is compared with;
/// - what keeping a copy of the session per edit would have cost instead.
public struct SessionHistoryBenchmark: Sendable {
    /// I, H and T.
    public let inputSize: Int, hiddenSize: Int, steps: Int
    /// Edits made, and the entries and bytes the history kept of them.
    public let edits: Int, entries: Int, historyBytes: Int
    /// Resident memory before and after the edits, and the process's peak, in bytes.
    public let residentBefore: Int, residentAfter: Int, peakResident: Int
    /// Median seconds of one edit and of the undo of one edit (cursor moves left out).
    public let editMedian: Double, undoMedian: Double
    /// Undos made (the entries the history kept).
    public let undos: Int
    /// Whether undoing everything gave back the first inputs exactly; nil when the history was
    /// full, so the oldest edits were dropped and cannot come back.
    public let undoneExactly: Bool?

    /// Bytes one copy of the sequence takes: T×(I+H) floats.
    public var sequenceBytes: Int { steps * (inputSize + hiddenSize) * MemoryLayout<Float>.stride }

    /// Runs it: `edits` edits among the last `window` steps of a T-step sequence of `inputs`
    /// (row-major, I a step) on `weights`, then every kept one undone.
    public static func measure(weights: GRUWeights, inputs: [Float], edits: Int, window: Int = 100, seed: UInt64 = 1) throws(UserError) -> SessionHistoryBenchmark {
        let inputSize = weights.inputSize
        var session = try Session(weights: weights, origin: .random(variant: weights.resetAfter ? .pytorch : .tfGRUCell, seed: seed))
        try session.setInputs(StepRows(values: inputs, width: inputSize), source: .inline)
        // The sequence itself is not the history's: measure from a session with none.
        session = session.startingHere()
        let steps = session.count, first = inputs
        var generator = SeededGenerator(seed: seed)
        let residentBefore = Self.residentBytes()
        var editTimes: [Double] = []
        for _ in 0..<edits {
            let step = steps - 1 - Int.random(in: 0..<min(window, steps), using: &generator)
            try session.goto(step)
            let index = Int.random(in: 0..<inputSize, using: &generator)
            let value = Float.random(in: -1...1, using: &generator)
            let start = Self.now()
            try session.setX(at: index, to: value == session.x[index] ? value + 0.5 : value)
            editTimes.append(Self.now() - start)
        }
        let residentAfter = Self.residentBytes()
        let entries = session.history.undoable.count, bytes = session.history.bytes
        var undoTimes: [Double] = []
        var undos = 0
        while let next = session.history.nextUndo {
            let start = Self.now()
            try session.undo()
            if !next.isCursorMove { undoTimes.append(Self.now() - start) }
            undos += 1
        }
        // Only the oldest edits fall out of a full history; with every one kept, undoing them
        // all gives the first inputs back.
        let undoneExactly = entries < SessionHistory.maximumEntries
            ? session.sequence.values(of: .x, in: 0..<steps) == first : nil
        return SessionHistoryBenchmark(
            inputSize: inputSize, hiddenSize: weights.hiddenSize, steps: steps, edits: edits, entries: entries,
            historyBytes: bytes, residentBefore: residentBefore, residentAfter: residentAfter,
            peakResident: max(Self.peakResidentBytes(), residentBefore, residentAfter), editMedian: GRUBenchmark.median(editTimes), undoMedian: GRUBenchmark.median(undoTimes),
            undos: undos, undoneExactly: undoneExactly)
    }

    /// The report, for people.
    public var text: String {
        func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        func kib(_ bytes: Int) -> String { String(format: "%.1f KiB", Double(bytes) / 1024) }
        func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
        let grown = residentAfter - residentBefore
        return [
            "undo history, I=\(inputSize) H=\(hiddenSize) T=\(steps): the sequence keeps \(mib(sequenceBytes)) (T×(I+H) floats)",
            "\(edits) edits of x among the last steps, the cursor moved to each first",
            "  history: \(entries) entries (limit \(SessionHistory.maximumEntries)), \(kib(historyBytes)) counted (limit \(mib(SessionHistory.maximumBytes)))",
            "  resident memory: \(mib(residentBefore)) before the edits, \(mib(residentAfter)) after (\(grown >= 0 ? "+" : "")\(kib(grown)), \(grown / max(1, entries)) bytes an entry with its description and bookkeeping); peak \(mib(peakResident))",
            "  a copy of the session per edit would keep \(mib(edits * sequenceBytes))",
            "  edit (re-runs the steps after it): median \(ms(editMedian)); undo of an edit: median \(ms(undoMedian)) (undo/edit = "
                + String(format: "%.2f", undoMedian / max(1e-12, editMedian)) + ")",
            "  \(undos) undone" + (undoneExactly.map { $0 ? ", the first inputs back exactly" : "; the inputs did NOT come back" }
                ?? "; the oldest edits had been dropped (the history was full), so the first inputs are not all back"),
        ].joined(separator: "\n")
    }

    /// The report, for scripts.
    public var json: String {
        "{\"input_size\": \(inputSize), \"hidden_size\": \(hiddenSize), \"steps\": \(steps), \"edits\": \(edits), "
            + "\"entries\": \(entries), \"history_bytes\": \(historyBytes), \"sequence_bytes\": \(sequenceBytes), "
            + "\"resident_before\": \(residentBefore), \"resident_after\": \(residentAfter), \"peak_resident\": \(peakResident), "
            + "\"edit_median_seconds\": \(editMedian), \"undo_median_seconds\": \(undoMedian), "
            + "\"undone_exactly\": \(undoneExactly.map { String($0) } ?? "null")}"
    }

    /// The process's resident memory now (Linux: /proc/self/statm), or 0 where it cannot be read.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The process's peak resident memory so far.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    static func now() -> Double {
        let elapsed = ContinuousClock.now - Self.origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static let origin = ContinuousClock.now
}
