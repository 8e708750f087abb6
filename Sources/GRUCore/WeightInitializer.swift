/// Random starting weights the way each framework makes them, from our own seeded generator.
public enum WeightInitializer {
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2017

    /// Fresh weights for a variant:
    /// - `tf-grucell`: TensorFlow's GRUCell as the seed article describes it: Glorot-uniform
    ///   kernels (the (I+H)×2H gates kernel and the (I+H)×H candidate kernel), gate bias 1.0,
    ///   candidate bias 0.0.
    /// - `keras`: Glorot-uniform kernel, orthogonal recurrent kernel, zero biases, reset after.
    /// - `pytorch`: every array uniform on ±1/√H.
    public static func weights(
        variant: GRUVariant, inputSize: Int, hiddenSize: Int, seed: UInt64 = defaultSeed
    ) throws(GRUWeightsError) -> GRUWeights {
        guard inputSize > 0, hiddenSize > 0 else {
            throw .invalidSize(inputSize: inputSize, hiddenSize: hiddenSize)
        }
        var random = SeededGenerator(seed: seed)
        let i = inputSize, h = hiddenSize
        switch variant {
        case .tfGRUCell:
            return try tensorFlowGlorot(inputSize: i, hiddenSize: h, using: &random)
        case .keras:
            let kernel = glorot(rows: i, columns: 3 * h, using: &random)
            var recurrent = [Float](repeating: 0, count: h * 3 * h)
            // Keras makes each of the three H×H recurrent blocks orthogonal on its own.
            for block in 0..<3 {
                let square = orthogonal(size: h, using: &random)
                for row in 0..<h {
                    for column in 0..<h {
                        recurrent[row * 3 * h + block * h + column] = square[row * h + column]
                    }
                }
            }
            return try .keras(
                inputSize: i, hiddenSize: h, resetAfter: true,
                kernel: kernel, recurrentKernel: recurrent, bias: [Float](repeating: 0, count: 6 * h))
        case .pytorch:
            let bound = 1 / Float(h).squareRoot()
            func draw(_ count: Int) -> [Float] { (0..<count).map { _ in random.uniform(-bound, bound) } }
            let weightIH = draw(3 * h * i), weightHH = draw(3 * h * h)
            let biasIH = draw(3 * h), biasHH = draw(3 * h)
            return try .pyTorch(
                inputSize: i, hiddenSize: h,
                weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH)
        }
    }

    /// TensorFlow's GRUCell initialisation drawn straight into the canonical layout: the same
    /// numbers, in the same order, as drawing the (I+H)×2H gates kernel and the (I+H)×H
    /// candidate kernel row by row and converting them with ``GRUWeights/tensorFlow(inputSize:hiddenSize:gatesKernel:gatesBias:candidateKernel:candidateBias:)``,
    /// without the two temporary kernels (at H=1024 they doubled the peak memory and most of
    /// the start-up time).
    static func tensorFlowGlorot(inputSize i: Int, hiddenSize h: Int, using random: inout SeededGenerator) throws(GRUWeightsError) -> GRUWeights {
        var w = [Float](repeating: 0, count: 3 * h * i)
        var u = [Float](repeating: 0, count: 3 * h * h)
        w.withUnsafeMutableBufferPointer { w in
            u.withUnsafeMutableBufferPointer { u in
                // Kernel row k multiplies input k (k < I) or old unit k − I; kernel column c is
                // canonical row c: the gates kernel's [r | z] columns are rows 0..<2H, the
                // candidate kernel's columns rows 2H..<3H.
                func draw(columns: Int, firstRow: Int) {
                    let limit = (6 / Float(i + h + columns)).squareRoot()
                    for k in 0..<(i + h) {
                        for c in 0..<columns {
                            let value = random.uniform(-limit, limit)
                            let row = firstRow + c
                            if k < i { w[row * i + k] = value } else { u[row * h + (k - i)] = value }
                        }
                    }
                }
                draw(columns: 2 * h, firstRow: 0)
                draw(columns: h, firstRow: 2 * h)
            }
        }
        var bias = [Float](repeating: 1, count: 3 * h)
        for j in (2 * h)..<(3 * h) { bias[j] = 0 }
        return try GRUWeights(
            inputSize: i, hiddenSize: h, variant: .tfGRUCell, resetAfter: false,
            inputWeights: w, recurrentWeights: u,
            inputBias: bias, recurrentBias: [Float](repeating: 0, count: 3 * h))
    }

    /// A rows×columns Glorot-uniform matrix: uniform on ±√(6/(rows+columns)).
    static func glorot(rows: Int, columns: Int, using random: inout SeededGenerator) -> [Float] {
        let limit = (6 / Float(rows + columns)).squareRoot()
        return (0..<rows * columns).map { _ in random.uniform(-limit, limit) }
    }

    /// A size×size orthogonal matrix: Gram–Schmidt on the rows of a Gaussian matrix, in Double.
    static func orthogonal(size: Int, using random: inout SeededGenerator) -> [Float] {
        var rows = (0..<size).map { _ in (0..<size).map { _ in Double(random.normal()) } }
        for k in 0..<size {
            for previous in 0..<k {
                let projection = zip(rows[k], rows[previous]).reduce(0) { $0 + $1.0 * $1.1 }
                for c in 0..<size { rows[k][c] -= projection * rows[previous][c] }
            }
            let norm = rows[k].reduce(0) { $0 + $1 * $1 }.squareRoot()
            // A degenerate draw (norm 0) is astronomically unlikely; fall back to a unit vector.
            for c in 0..<size { rows[k][c] = norm > 1e-12 ? rows[k][c] / norm : (c == k ? 1 : 0) }
        }
        return rows.flatMap { $0.map(Float.init) }
    }
}
