/// Conversions between the frameworks' own weight layouts and the canonical form.
///
/// Every array is flat and row-major, with the shape the framework gives it; callers check
/// shapes first (the weight-file loader names the array when one is wrong).
extension GRUWeights {
    /// TensorFlow 1.x `GRUCell`: `gates/kernel` (I+H)×2H with columns [r | z], `gates/bias` 2H,
    /// `candidate/kernel` (I+H)×H over [x, r⊙h], `candidate/bias` H.
    public static func tensorFlow(
        inputSize: Int, hiddenSize: Int,
        gatesKernel: [Float], gatesBias: [Float],
        candidateKernel: [Float], candidateBias: [Float]
    ) throws(GRUWeightsError) -> GRUWeights {
        let i = inputSize, h = hiddenSize
        try expect("gates/kernel", gatesKernel, (i + h) * 2 * h)
        try expect("gates/bias", gatesBias, 2 * h)
        try expect("candidate/kernel", candidateKernel, (i + h) * h)
        try expect("candidate/bias", candidateBias, h)
        var w = [Float](repeating: 0, count: 3 * h * i)
        var u = [Float](repeating: 0, count: 3 * h * h)
        var bi = [Float](repeating: 0, count: 3 * h)
        for j in 0..<h {
            for (block, column, kernel, width) in [
                (GateBlock.reset, j, gatesKernel, 2 * h),
                (GateBlock.update, h + j, gatesKernel, 2 * h),
                (GateBlock.candidate, j, candidateKernel, h),
            ] {
                let row = block.rawValue * h + j
                for k in 0..<i { w[row * i + k] = kernel[k * width + column] }
                for k in 0..<h { u[row * h + k] = kernel[(i + k) * width + column] }
            }
            bi[j] = gatesBias[j]
            bi[h + j] = gatesBias[h + j]
            bi[2 * h + j] = candidateBias[j]
        }
        return try GRUWeights(
            inputSize: i, hiddenSize: h, variant: .tfGRUCell, resetAfter: false,
            inputWeights: w, recurrentWeights: u,
            inputBias: bi, recurrentBias: [Float](repeating: 0, count: 3 * h))
    }

    /// Keras `GRUCell`: `kernel` I×3H and `recurrent_kernel` H×3H with column blocks [z, r, h];
    /// `bias` 3H, or 2×3H (input row, then recurrent row) when `reset_after`.
    public static func keras(
        inputSize: Int, hiddenSize: Int, resetAfter: Bool,
        kernel: [Float], recurrentKernel: [Float], bias: [Float]
    ) throws(GRUWeightsError) -> GRUWeights {
        let i = inputSize, h = hiddenSize
        try expect("kernel", kernel, i * 3 * h)
        try expect("recurrent_kernel", recurrentKernel, h * 3 * h)
        try expect("bias", bias, (resetAfter ? 2 : 1) * 3 * h)
        let source = StridedArrays.keras(
            inputSize: i, hiddenSize: h, resetAfter: resetAfter,
            kernel: kernel, recurrentKernel: recurrentKernel, bias: bias, kerasBlock: kerasColumnBlock)
        guard h > 0, i > 0, GRUSizeLimits.problem(inputSize: i, hiddenSize: h, resetAfter: resetAfter) == nil,
              [kernel, recurrentKernel, bias].allSatisfy({ FiniteCheck.firstNonFinite($0) == nil }) else {
            // The canonical route, which names what is wrong (and where, in canonical order).
            return try GRUWeights(
                inputSize: i, hiddenSize: h, variant: .keras, resetAfter: resetAfter,
                inputWeights: source.canonical(.input), recurrentWeights: source.canonical(.recurrent),
                inputBias: source.canonical(.inputBias), recurrentBias: source.canonical(.recurrentBias))
        }
        // Packed straight from Keras's transposed arrays, with no canonical copy.
        return GRUWeights(variant: .keras, packed: PackedWeights(inputSize: i, hiddenSize: h, resetAfter: resetAfter, source: source))
    }

    /// PyTorch `nn.GRUCell`/`nn.GRU` layer 0: `weight_ih` 3H×I and `weight_hh` 3H×H with row
    /// blocks [r, z, n], `bias_ih` and `bias_hh` 3H. This is the canonical layout itself.
    public static func pyTorch(
        inputSize: Int, hiddenSize: Int,
        weightIH: [Float], weightHH: [Float], biasIH: [Float], biasHH: [Float]
    ) throws(GRUWeightsError) -> GRUWeights {
        try GRUWeights(
            inputSize: inputSize, hiddenSize: hiddenSize, variant: .pytorch, resetAfter: true,
            inputWeights: weightIH, recurrentWeights: weightHH, inputBias: biasIH, recurrentBias: biasHH)
    }

    /// The column block Keras uses for a canonical block (Keras orders them z, r, h).
    static func kerasColumnBlock(_ block: GateBlock) -> Int {
        switch block {
        case .update: return 0
        case .reset: return 1
        case .candidate: return 2
        }
    }

    private static func expect(_ name: String, _ values: [Float], _ count: Int) throws(GRUWeightsError) {
        guard values.count == count else {
            throw .wrongCount(name: name, expected: count, actual: values.count)
        }
    }
}
