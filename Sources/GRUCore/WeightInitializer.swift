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
            // Keras makes each of the three H×H recurrent blocks orthogonal on its own. The
            // Gaussian draws come in order; the three orthogonalisations run side by side.
            let gaussians = (0..<3).map { _ in (0..<(h * h)).map { _ in Double(random.normal()) } }
            let squares = OrthogonalBlocks(gaussians: gaussians, size: h).orthonormalized()
            for block in 0..<3 {
                let square = squares[block]
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

    /// The rows of a size×size matrix made orthonormal (modified Gram–Schmidt), as Float.
    ///
    /// On one flat buffer, with four running sums per dot product: with an array per row and
    /// `reduce`, Keras weights at H=1024 took over ten seconds to draw.
    static func orthonormalized(_ matrix: [Double], size: Int) -> [Float] {
        var rows = matrix
        rows.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for k in 0..<size {
                let row = base + k * size
                for previous in 0..<k {
                    let other = base + previous * size
                    let projection = dot(row, other, count: size)
                    for c in 0..<size { row[c] -= projection * other[c] }
                }
                let norm = dot(row, row, count: size).squareRoot()
                // A degenerate draw (norm 0) is astronomically unlikely; fall back to a unit vector.
                for c in 0..<size { row[c] = norm > 1e-12 ? row[c] / norm : (c == k ? 1 : 0) }
            }
        }
        return rows.map(Float.init)
    }

    /// A dot product in a fixed order (four interleaved sums, then added), so every machine
    /// draws the same weights.
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < count {
            s0 += a[i] * b[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
