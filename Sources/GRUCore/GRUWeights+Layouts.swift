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
        return try packed(source, variant: .keras, resetAfter: resetAfter)
    }

    /// ONNX's `GRU` operator, direction `direction` of its inputs: `W` [D, 3H, I] and `R`
    /// [D, 3H, H] with row blocks [z, r, h], `B` [D, 6H] (W's biases, then R's) or none (zero
    /// biases). `linear_before_reset` 1 is `resetAfter`.
    public static func onnx(
        inputSize: Int, hiddenSize: Int, variant: GRUVariant, resetAfter: Bool, direction: Int,
        w: [Float], r: [Float], b: [Float]?
    ) throws(GRUWeightsError) -> GRUWeights {
        let i = inputSize, h = hiddenSize, d = direction
        guard d >= 0 else { throw .wrongCount(name: "W", expected: 3 * h * i, actual: 0) }
        guard w.count >= (d + 1) * 3 * h * i else { throw .wrongCount(name: "W", expected: (d + 1) * 3 * h * i, actual: w.count) }
        guard r.count >= (d + 1) * 3 * h * h else { throw .wrongCount(name: "R", expected: (d + 1) * 3 * h * h, actual: r.count) }
        if let b, b.count < (d + 1) * 6 * h { throw .wrongCount(name: "B", expected: (d + 1) * 6 * h, actual: b.count) }
        // ONNX's blocks are in Keras's order, [z, r, h].
        let source = StridedArrays.onnx(
            inputSize: i, hiddenSize: h, direction: d, w: w, r: r, b: b, onnxBlock: kerasColumnBlock)
        return try packed(source, variant: variant, resetAfter: resetAfter)
    }

    /// Weights packed straight from a framework's arrays, with no canonical copy; when the size
    /// is refused or a number is not finite, the canonical route says what and where.
    private static func packed(_ source: StridedArrays, variant: GRUVariant, resetAfter: Bool) throws(GRUWeightsError) -> GRUWeights {
        let i = source.inputSize, h = source.hiddenSize
        guard h > 0, i > 0, GRUSizeLimits.problem(inputSize: i, hiddenSize: h, resetAfter: resetAfter) == nil,
              source.arrays.allSatisfy({ FiniteCheck.firstNonFinite($0) == nil }) else {
            return try GRUWeights(
                inputSize: i, hiddenSize: h, variant: variant, resetAfter: resetAfter,
                inputWeights: source.canonical(.input), recurrentWeights: source.canonical(.recurrent),
                inputBias: source.canonical(.inputBias), recurrentBias: source.canonical(.recurrentBias))
        }
        return GRUWeights(variant: variant, packed: PackedWeights(inputSize: i, hiddenSize: h, resetAfter: resetAfter, source: source))
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

    /// The column block Keras uses for a canonical block (Keras orders them z, r, h, and so
    /// does ONNX its row blocks).
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
