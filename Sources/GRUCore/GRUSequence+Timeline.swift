import Foundation

/// One field of every unit over a stretch of steps, folded into columns for a timeline: each
/// column holds the minimum, maximum and mean of the steps it covers, per unit. When there are
/// at least as many columns as steps, each column is one step and all three are its value.
public struct GRUFieldSummary: Sendable, Equatable {
    /// The field summarised.
    public var field: TraceField
    /// The steps summarised.
    public var range: Range<Int>
    /// Columns: min(asked, steps).
    public var columns: Int
    /// Values per column: H, or I for x.
    public var width: Int
    /// Column c, unit j at `c·width + j`.
    public var minimum: [Float]
    public var maximum: [Float]
    public var mean: [Float]

    /// The steps column `c` covers: an even share of the range, in order.
    public func steps(inColumn c: Int) -> Range<Int> {
        let n = range.count
        return (range.lowerBound + c * n / columns)..<(range.lowerBound + (c + 1) * n / columns)
    }

    /// The column holding step `t` (which must be in the range).
    public func column(of t: Int) -> Int {
        precondition(range.contains(t), "step \(t) is outside \(range)")
        let n = range.count, offset = t - range.lowerBound
        // The largest c with c·n/columns ≤ offset.
        var c = (offset * columns) / n
        while c + 1 < columns && (c + 1) * n / columns <= offset { c += 1 }
        while c > 0 && c * n / columns > offset { c -= 1 }
        return c
    }
}

extension GRUSequence {
    /// `field` of every unit over the steps in `range` (computed ones), folded into at most
    /// `columns` columns (see ``GRUFieldSummary``). h, h_prev and x come straight from storage;
    /// the others are recomputed block by block, on every core, asking `shouldContinue` (on the
    /// calling thread) between rounds of blocks.
    public func summary(
        of field: TraceField, in range: Range<Int>, columns: Int,
        _ shouldContinue: (GRUProgress) -> Bool = { _ in true }
    ) throws(GRUInterrupted) -> GRUFieldSummary {
        precondition(range.lowerBound >= 0 && range.upperBound <= computedCount, "steps \(range) are not all computed")
        precondition(columns >= 1, "at least one column")
        let width = field.isPerInput ? inputSize : hiddenSize
        let count = min(columns, max(range.count, 1))
        var summary = GRUFieldSummary(
            field: field, range: range, columns: count, width: width,
            minimum: [Float](repeating: .infinity, count: count * width),
            maximum: [Float](repeating: -.infinity, count: count * width),
            mean: [Float](repeating: 0, count: count * width))
        guard !range.isEmpty else {
            summary.minimum = [Float](repeating: 0, count: count * width)
            summary.maximum = summary.minimum
            return summary
        }
        // Each column's sums, then its mean; the columns of one block are whole or split at
        // its ends, so blocks are summarised apart and merged.
        var sums = [Double](repeating: 0, count: count * width)
        func fold(_ partial: ColumnTotals) {
            for c in partial.columns {
                for j in 0..<width {
                    let at = c * width + j, local = (c - partial.columns.lowerBound) * width + j
                    summary.minimum[at] = min(summary.minimum[at], partial.minimum[local])
                    summary.maximum[at] = max(summary.maximum[at], partial.maximum[local])
                    sums[at] += partial.sum[local]
                }
            }
        }
        switch field {
        case .x, .h, .hPrev:
            var column = 0, next = summary.steps(inColumn: 0).upperBound
            for t in range {
                while t >= next {
                    column += 1
                    next = summary.steps(inColumn: column).upperBound
                }
                let source = field == .x ? inputs : (field == .h || t > 0 ? states : h0)
                let start = field == .h ? t * width : (field == .x ? t * width : max(0, t - 1) * width)
                for j in 0..<width {
                    let value = source[start + j], at = column * width + j
                    summary.minimum[at] = min(summary.minimum[at], value)
                    summary.maximum[at] = max(summary.maximum[at], value)
                    sums[at] += Double(value)
                }
            }
        default:
            let chunk = GRUCell.chunkSteps
            let blocks = stride(from: range.lowerBound, to: range.upperBound, by: chunk).map {
                $0..<min(range.upperBound, $0 + chunk)
            }
            let workers = Self.workerCount(work: range.count * 3 * hiddenSize * (hiddenSize + inputSize), parts: blocks.count)
            var done = 0
            for round in stride(from: 0, to: blocks.count, by: workers) {
                let mine = Array(blocks[round..<min(blocks.count, round + workers)])
                let results = SharedTotals(count: mine.count)
                let layout = summary
                DispatchQueue.concurrentPerform(iterations: mine.count) { w in
                    let part = mine[w]
                    var block = GRUStepBlock(hiddenSize: hiddenSize)
                    withStored { stored in cell.replay(stored, range: part, pins: pins, into: &block) }
                    let first = layout.column(of: part.lowerBound), last = layout.column(of: part.upperBound - 1)
                    var partial = ColumnTotals(columns: first..<(last + 1), width: width)
                    for t in part { partial.add(block.values(field, step: t), column: layout.column(of: t)) }
                    results.set(w, partial)
                }
                for partial in results.all { fold(partial) }
                done += mine.reduce(0) { $0 + $1.count }
                if done < range.count && !shouldContinue(GRUProgress(done: done, total: range.count)) {
                    throw GRUInterrupted(done: done, total: range.count)
                }
            }
        }
        for c in 0..<count {
            let steps = Double(summary.steps(inColumn: c).count)
            for j in 0..<width { summary.mean[c * width + j] = Float(sums[c * width + j] / steps) }
        }
        return summary
    }
}

/// Minimum, maximum and sum per unit for some consecutive columns.
struct ColumnTotals: Sendable {
    let columns: Range<Int>
    let width: Int
    var minimum: [Float], maximum: [Float], sum: [Double]

    init(columns: Range<Int>, width: Int) {
        self.columns = columns
        self.width = width
        minimum = [Float](repeating: .infinity, count: columns.count * width)
        maximum = [Float](repeating: -.infinity, count: columns.count * width)
        sum = [Double](repeating: 0, count: columns.count * width)
    }

    mutating func add(_ values: ArraySlice<Float>, column: Int) {
        let base = (column - columns.lowerBound) * width
        for (j, value) in values.enumerated() {
            minimum[base + j] = min(minimum[base + j], value)
            maximum[base + j] = max(maximum[base + j], value)
            sum[base + j] += Double(value)
        }
    }
}

/// The workers' results of one round, each in its own slot.
final class SharedTotals: @unchecked Sendable {
    private var slots: [ColumnTotals?]
    private let lock = NSLock()

    init(count: Int) { slots = [ColumnTotals?](repeating: nil, count: count) }

    func set(_ index: Int, _ value: ColumnTotals) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var all: [ColumnTotals] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
