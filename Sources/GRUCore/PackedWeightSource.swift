/// Where ``PackedWeights`` gets its numbers: any canonical element on demand, from any thread.
protocol PackedWeightSource: Sendable {
    /// I.
    var inputSize: Int { get }
    /// H.
    var hiddenSize: Int { get }

    /// The canonical element `(row, column)` of `part` (column 0 for biases): W and U are
    /// 3H×I and 3H×H, each bias 3H, rows stacked reset, update, candidate.
    func value(_ part: PackedWeights.Part, row: Int, column: Int) -> Float

    /// Writes the elements of `rows` in one column of `part` to `out`, in row order. A source
    /// whose rows are consecutive draws writes them without asking which part each row is in.
    func write(_ part: PackedWeights.Part, rows: Range<Int>, column: Int, into out: UnsafeMutablePointer<Float>)
}

extension PackedWeightSource {
    func write(_ part: PackedWeights.Part, rows: Range<Int>, column: Int, into out: UnsafeMutablePointer<Float>) {
        writeEach(part, rows: rows, column: column, into: out)
    }

    /// ``write(_:rows:column:into:)`` one ``value(_:row:column:)`` at a time.
    func writeEach(_ part: PackedWeights.Part, rows: Range<Int>, column: Int, into out: UnsafeMutablePointer<Float>) {
        for (offset, row) in rows.enumerated() { out[offset] = value(part, row: row, column: column) }
    }

    /// The whole canonical array of `part`, row-major.
    func canonical(_ part: PackedWeights.Part) -> [Float] {
        let rows = 3 * hiddenSize
        let columns = part.columns(inputSize: inputSize, hiddenSize: hiddenSize)
        var values = [Float](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { values[row * columns + column] = value(part, row: row, column: column) }
        }
        return values
    }
}

/// A framework's arrays read where they are: for each canonical array and gate block, which
/// array holds it, where the block starts and how far apart its rows and its columns are.
/// Canonical (PyTorch) arrays have rows of I or H values; Keras's kernels are transposed, with
/// the block's units side by side, so a panel column is a straight copy. Reading them in place
/// packs the weights with no canonical copy in between: at H=1024 the Keras copy alone was
/// 30 ms of the start.
struct StridedArrays: PackedWeightSource {
    /// Where one gate block of one canonical array is.
    struct Place: Sendable {
        /// Which of ``arrays``.
        var array: Int
        /// The index of the block's element (0, 0).
        var origin: Int
        /// From one unit (row) to the next.
        var rowStride: Int
        /// From one column to the next (0 for a bias).
        var columnStride: Int
    }

    let inputSize: Int
    let hiddenSize: Int
    /// The arrays, lengths already checked against every place.
    let arrays: [[Float]]
    /// `places[part][block]`, in ``Part/index`` and ``GateBlock`` order.
    let places: [[Place]]

    /// Canonical row-major arrays, as ``GRUWeights/init(inputSize:hiddenSize:variant:resetAfter:inputWeights:recurrentWeights:inputBias:recurrentBias:)``
    /// receives them (lengths already checked).
    static func canonical(
        inputSize i: Int, hiddenSize h: Int,
        inputWeights: [Float], recurrentWeights: [Float], inputBias: [Float], recurrentBias: [Float]
    ) -> StridedArrays {
        func blocks(_ array: Int, rowLength: Int, columnStride: Int) -> [Place] {
            (0..<3).map { Place(array: array, origin: $0 * h * rowLength, rowStride: rowLength, columnStride: columnStride) }
        }
        return StridedArrays(
            inputSize: i, hiddenSize: h, arrays: [inputWeights, recurrentWeights, inputBias, recurrentBias],
            places: [blocks(0, rowLength: i, columnStride: 1), blocks(1, rowLength: h, columnStride: 1),
                     blocks(2, rowLength: 1, columnStride: 0), blocks(3, rowLength: 1, columnStride: 0)])
    }

    /// Keras's `kernel` I×3H and `recurrent_kernel` H×3H, column blocks [z, r, h], and `bias`
    /// 3H or 2×3H (lengths already checked); `kerasBlock` gives a canonical block's column block.
    static func keras(
        inputSize i: Int, hiddenSize h: Int, resetAfter: Bool,
        kernel: [Float], recurrentKernel: [Float], bias: [Float], kerasBlock: (GateBlock) -> Int
    ) -> StridedArrays {
        let blocks = GateBlock.allCases.map(kerasBlock)
        func matrix(_ array: Int) -> [Place] {
            blocks.map { Place(array: array, origin: $0 * h, rowStride: 1, columnStride: 3 * h) }
        }
        // Without reset_after there is no recurrent bias: a block of zeros stands for it.
        let recurrentBias = resetAfter
            ? blocks.map { Place(array: 2, origin: 3 * h + $0 * h, rowStride: 1, columnStride: 0) }
            : (0..<3).map { _ in Place(array: 3, origin: 0, rowStride: 1, columnStride: 0) }
        return StridedArrays(
            inputSize: i, hiddenSize: h,
            arrays: [kernel, recurrentKernel, bias, resetAfter ? [] : [Float](repeating: 0, count: h)],
            places: [matrix(0), matrix(1), blocks.map { Place(array: 2, origin: $0 * h, rowStride: 1, columnStride: 0) },
                     recurrentBias])
    }

    /// ONNX's `W` [D, 3H, I], `R` [D, 3H, H] and `B` [D, 6H] (or none: zeros), direction
    /// `d`, row blocks in the order `onnxBlock` gives (lengths already checked).
    static func onnx(
        inputSize i: Int, hiddenSize h: Int, direction d: Int, w: [Float], r: [Float], b: [Float]?,
        onnxBlock: (GateBlock) -> Int
    ) -> StridedArrays {
        let blocks = GateBlock.allCases.map(onnxBlock)
        let zeros = Place(array: 2, origin: 0, rowStride: 1, columnStride: 0)
        func bias(_ first: Int) -> [Place] {
            blocks.map { b == nil ? zeros : Place(array: 2, origin: d * 6 * h + first + $0 * h, rowStride: 1, columnStride: 0) }
        }
        return StridedArrays(
            inputSize: i, hiddenSize: h, arrays: [w, r, b ?? [Float](repeating: 0, count: h)],
            places: [blocks.map { Place(array: 0, origin: (d * 3 * h + $0 * h) * i, rowStride: i, columnStride: 1) },
                     blocks.map { Place(array: 1, origin: (d * 3 * h + $0 * h) * h, rowStride: h, columnStride: 1) },
                     bias(0), bias(3 * h)])
    }

    func value(_ part: PackedWeights.Part, row: Int, column: Int) -> Float {
        let place = places[part.index][row / hiddenSize]
        return arrays[place.array][place.origin + (row % hiddenSize) * place.rowStride + column * place.columnStride]
    }

    /// A panel's column, block by block: a copy where the block's units are side by side.
    func write(_ part: PackedWeights.Part, rows: Range<Int>, column: Int, into out: UnsafeMutablePointer<Float>) {
        var row = rows.lowerBound
        var target = out
        while row < rows.upperBound {
            let block = row / hiddenSize, unit = row % hiddenSize
            let run = min(rows.upperBound - row, hiddenSize - unit)
            let place = places[part.index][block]
            arrays[place.array].withUnsafeBufferPointer { values in
                let first = values.baseAddress! + place.origin + unit * place.rowStride + column * place.columnStride
                if place.rowStride == 1 {
                    target.update(from: first, count: run)
                } else {
                    for k in 0..<run { target[k] = first[k * place.rowStride] }
                }
            }
            row += run
            target += run
        }
    }
}
