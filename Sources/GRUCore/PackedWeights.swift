import CGRUKernel
import Foundation

/// The one copy of a cell's weights, in the kernels' panel layout (see CGRUKernel.h), on a
/// cache-line boundary: vector loads that straddle two lines measurably slow the kernels, and
/// an array's storage is only 16-byte aligned.
///
/// ``GRUWeights`` keeps its matrices here and nowhere else, and reads single weights back for
/// the explanations: at H=1024 a second, row-major copy would add 19 MB to every session.
/// Written once in `init` and only read afterwards, so sharing it between copies of the
/// weights and of the cell, and between threads, is safe; that is what `@unchecked Sendable`
/// asserts.
final class PackedWeights: PackedWeightSource, @unchecked Sendable {
    /// One canonical array (see ``GRUWeights``).
    enum Part: Sendable {
        /// W, 3H×I.
        case input
        /// U, 3H×H.
        case recurrent
        /// b_i, 3H.
        case inputBias
        /// b_h, 3H.
        case recurrentBias

        /// The position in W, U, b_i, b_h order.
        var index: Int {
            switch self {
            case .input: return 0
            case .recurrent: return 1
            case .inputBias: return 2
            case .recurrentBias: return 3
            }
        }

        /// Columns of the canonical array: I, H, or 1 for a bias.
        func columns(inputSize: Int, hiddenSize: Int) -> Int {
            switch self {
            case .input: return inputSize
            case .recurrent: return hiddenSize
            case .inputBias, .recurrentBias: return 1
            }
        }
    }

    /// Rows `firstRow..<firstRow + rows` of one canonical array, stored from `offset` as panels
    /// of `CGRU_PANEL` rows, column by column (a bias is a matrix of one column); the rows that
    /// pad the last panel are zero.
    private struct Segment: Sendable {
        var part: Part
        var firstRow: Int
        var rows: Int
        var columns: Int
        var offset: Int
    }

    let inputSize: Int
    let hiddenSize: Int
    let resetAfter: Bool
    /// Floats in the layout.
    let count: Int
    /// The first packed float.
    let base: UnsafeMutablePointer<Float>
    private let raw: UnsafeMutableRawPointer
    private let segments: [Segment]

    /// Packs the weights `source` gives. Values are asked for in the packed order, panel by
    /// panel and from several threads for big cells, so a generator writes straight into the
    /// layout with no row-major copy in between. Generic so that each source's `value` is
    /// inlined into the loop: through a closure, a call per weight made H=1024 twice as slow.
    init<Source: PackedWeightSource>(inputSize: Int, hiddenSize: Int, resetAfter: Bool, source: Source) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.resetAfter = resetAfter
        let i = Int32(inputSize), h = Int32(hiddenSize), flag: Int32 = resetAfter ? 1 : 0
        count = cgru_weights_count(i, h, flag)
        var offsets = [Int](repeating: 0, count: 6)
        offsets.withUnsafeMutableBufferPointer { cgru_weights_offsets(i, h, flag, $0.baseAddress) }
        segments = Self.segments(inputSize: inputSize, hiddenSize: hiddenSize, resetAfter: resetAfter, offsets: offsets)
        raw = LargeBuffer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(1, count))
        // Every float is written exactly once, padding included: at H=1024 a first pass of
        // zeros cost as much as the writing, and drawing the numbers is spread over the cores.
        let panels = segments.flatMap { segment in
            stride(from: 0, to: segment.rows, by: Int(CGRU_PANEL)).map { (segment, $0) }
        }
        let workers = count >= Self.parallelCount ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
        let target = Destination(base: base)
        @Sendable func fill(worker: Int) {
            for index in stride(from: worker, to: panels.count, by: workers) {
                Self.writePanel(of: panels[index].0, from: panels[index].1, into: target.base, source: source)
            }
        }
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: fill)
        } else {
            fill(worker: 0)
        }
    }

    /// The layout being written; the workers write disjoint panels of it.
    private struct Destination: @unchecked Sendable {
        let base: UnsafeMutablePointer<Float>
    }

    /// Floats from which packing is split between cores (about H=300 with I=H/2).
    private static let parallelCount = 1 << 20

    /// One panel: `CGRU_PANEL` rows from `firstOfPanel` within the segment, column by column.
    private static func writePanel<Source: PackedWeightSource>(
        of segment: Segment, from firstOfPanel: Int, into base: UnsafeMutablePointer<Float>, source: Source
    ) {
        let panel = Int(CGRU_PANEL)
        let rowsHere = min(panel, segment.rows - firstOfPanel)
        var out = base + segment.offset + firstOfPanel * segment.columns
        let rows = (segment.firstRow + firstOfPanel)..<(segment.firstRow + firstOfPanel + rowsHere)
        for column in 0..<segment.columns {
            source.write(segment.part, rows: rows, column: column, into: out)
            for r in rowsHere..<panel { out[r] = 0 }
            out += panel
        }
    }

    /// The canonical element `(row, column)` of `part` (column 0 for biases).
    func value(_ part: Part, row: Int, column: Int) -> Float {
        let panel = Int(CGRU_PANEL)
        for segment in segments where segment.part == part && row >= segment.firstRow && row < segment.firstRow + segment.rows {
            let local = row - segment.firstRow
            return base[segment.offset + (local / panel) * panel * segment.columns + column * panel + local % panel]
        }
        preconditionFailure("row \(row) is outside the packed weights")
    }

    /// Whether both hold the same numbers in the same layout.
    func sameValues(as other: PackedWeights) -> Bool {
        guard inputSize == other.inputSize, hiddenSize == other.hiddenSize,
              resetAfter == other.resetAfter else { return false }
        for index in 0..<count where base[index] != other.base[index] { return false }
        return true
    }

    deinit {
        raw.deallocate()
    }

    /// Where each canonical array goes, following the six regions of `cgru_weights_offsets`:
    /// W; U for h; U for r⊙h (only when resetting first, the candidate rows); then b_i; b_h for
    /// h; b_h for r⊙h.
    private static func segments(inputSize i: Int, hiddenSize h: Int, resetAfter: Bool, offsets o: [Int]) -> [Segment] {
        let stateRows = (resetAfter ? 3 : 2) * h
        var segments = [
            Segment(part: .input, firstRow: 0, rows: 3 * h, columns: i, offset: o[0]),
            Segment(part: .recurrent, firstRow: 0, rows: stateRows, columns: h, offset: o[1]),
            Segment(part: .inputBias, firstRow: 0, rows: 3 * h, columns: 1, offset: o[3]),
            Segment(part: .recurrentBias, firstRow: 0, rows: stateRows, columns: 1, offset: o[4]),
        ]
        if !resetAfter {
            segments += [
                Segment(part: .recurrent, firstRow: 2 * h, rows: h, columns: h, offset: o[2]),
                Segment(part: .recurrentBias, firstRow: 2 * h, rows: h, columns: 1, offset: o[5]),
            ]
        }
        return segments
    }
}
