/// Where ``PackedWeights`` gets its numbers: any canonical element on demand, from any thread.
protocol PackedWeightSource: Sendable {
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
}

/// Canonical row-major arrays, as ``GRUWeights/init(inputSize:hiddenSize:variant:resetAfter:inputWeights:recurrentWeights:inputBias:recurrentBias:)``
/// receives them (lengths already checked).
struct CanonicalArrays: PackedWeightSource {
    let inputSize: Int
    let hiddenSize: Int
    let inputWeights: [Float]
    let recurrentWeights: [Float]
    let inputBias: [Float]
    let recurrentBias: [Float]

    func value(_ part: PackedWeights.Part, row: Int, column: Int) -> Float {
        switch part {
        case .input: return inputWeights[row * inputSize + column]
        case .recurrent: return recurrentWeights[row * hiddenSize + column]
        case .inputBias: return inputBias[row]
        case .recurrentBias: return recurrentBias[row]
        }
    }
}
