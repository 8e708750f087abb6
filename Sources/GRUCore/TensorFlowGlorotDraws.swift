/// TensorFlow's GRUCell initialisation as a ``PackedWeightSource``: the numbers of drawing the
/// (I+H)×2H gates kernel and then the (I+H)×H candidate kernel row by row, Glorot-uniform, and
/// converting them with ``GRUWeights/tensorFlow(inputSize:hiddenSize:gatesKernel:gatesBias:candidateKernel:candidateBias:)``;
/// gate bias 1.0, candidate bias 0.0.
///
/// Each weight is computed from its place in the draw order, so the kernels and a row-major
/// copy are never made: at H=1024 those tripled the memory and most of the start-up time.
struct TensorFlowGlorotDraws: PackedWeightSource {
    let inputSize: Int
    let hiddenSize: Int
    let seed: UInt64
    private let gatesLimit: Float
    private let candidateLimit: Float
    private let candidateFirstDraw: Int

    init(inputSize: Int, hiddenSize: Int, seed: UInt64) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.seed = seed
        gatesLimit = (6 / Float(inputSize + hiddenSize + 2 * hiddenSize)).squareRoot()
        candidateLimit = (6 / Float(inputSize + hiddenSize + hiddenSize)).squareRoot()
        candidateFirstDraw = (inputSize + hiddenSize) * 2 * hiddenSize
    }

    func write(_ part: PackedWeights.Part, rows: Range<Int>, column: Int, into out: UnsafeMutablePointer<Float>) {
        // Within one column of one kernel, consecutive rows are consecutive draws.
        guard part == .input || part == .recurrent else {
            return writeEach(part, rows: rows, column: column, into: out)
        }
        let kernelRow = part == .input ? column : inputSize + column
        let h = hiddenSize
        let gateRows = rows.clamped(to: 0..<(2 * h)), candidateRows = rows.clamped(to: (2 * h)..<(3 * h))
        var at = out
        let gatesFirstDraw = kernelRow &* 2 &* h
        for row in gateRows {
            at.pointee = SeededGenerator.uniform(seed: seed, draw: gatesFirstDraw &+ row, -gatesLimit, gatesLimit)
            at += 1
        }
        let candidateRowDraw = candidateFirstDraw &+ kernelRow &* h &- 2 &* h
        for row in candidateRows {
            at.pointee = SeededGenerator.uniform(seed: seed, draw: candidateRowDraw &+ row, -candidateLimit, candidateLimit)
            at += 1
        }
    }

    func value(_ part: PackedWeights.Part, row: Int, column: Int) -> Float {
        let h = hiddenSize
        // Kernel row k multiplies input k (k < I) or old unit k − I; kernel column c is
        // canonical row c for the gates kernel's [r | z], row 2H + c for the candidate kernel.
        let kernelRow: Int
        switch part {
        case .input: kernelRow = column
        case .recurrent: kernelRow = inputSize + column
        case .inputBias: return row < 2 * h ? 1 : 0
        case .recurrentBias: return 0
        }
        if row < 2 * h {
            return SeededGenerator.uniform(seed: seed, draw: kernelRow * 2 * h + row, -gatesLimit, gatesLimit)
        }
        return SeededGenerator.uniform(
            seed: seed, draw: candidateFirstDraw + kernelRow * h + (row - 2 * h), -candidateLimit, candidateLimit)
    }
}
