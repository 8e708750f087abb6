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
        let i = inputSize, h = hiddenSize
        switch variant {
        case .tfGRUCell:
            return tensorFlowGlorot(inputSize: i, hiddenSize: h, seed: seed)
        case .keras:
            var random = SeededGenerator(seed: seed)
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
            return pyTorchUniform(inputSize: i, hiddenSize: h, seed: seed)
        }
    }

    /// TensorFlow's GRUCell initialisation, drawn straight into the packed layout (see
    /// ``TensorFlowGlorotDraws``).
    static func tensorFlowGlorot(inputSize i: Int, hiddenSize h: Int, seed: UInt64) -> GRUWeights {
        let draws = TensorFlowGlorotDraws(inputSize: i, hiddenSize: h, seed: seed)
        return GRUWeights(variant: .tfGRUCell, packed: PackedWeights(inputSize: i, hiddenSize: h, resetAfter: false, source: draws))
    }

    /// PyTorch's initialisation, drawn straight into the packed layout (see ``PyTorchUniformDraws``).
    static func pyTorchUniform(inputSize i: Int, hiddenSize h: Int, seed: UInt64) -> GRUWeights {
        let draws = PyTorchUniformDraws(inputSize: i, hiddenSize: h, seed: seed)
        return GRUWeights(variant: .pytorch, packed: PackedWeights(inputSize: i, hiddenSize: h, resetAfter: true, source: draws))
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
