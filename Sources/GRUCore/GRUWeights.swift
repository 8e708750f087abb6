/// The weights of one GRU cell in the canonical form every framework's layout converts to.
///
/// Matrices are contiguous row-major `[Float]`. The input matrix is 3H×I and the recurrent
/// matrix 3H×H, their rows stacked by ``GateBlock`` (reset, update, candidate); each block has
/// an input bias and a recurrent bias. Frameworks with a single bias (TensorFlow's GRUCell,
/// Keras with `reset_after=False`) leave the recurrent bias at zero.
public struct GRUWeights: Sendable, Equatable {
    /// I, the length of the input vector x.
    public let inputSize: Int
    /// H, the number of hidden units.
    public let hiddenSize: Int
    /// The framework these weights came from (a label; the maths follows ``resetAfter``).
    public var variant: GRUVariant
    /// `false`: candidate = tanh(W_c·x + b_c + U_c·(r⊙h)).
    /// `true`: candidate = tanh(W_c·x + b_ic + r⊙(U_c·h + b_hc)).
    public var resetAfter: Bool
    /// W, 3H×I row-major.
    public var inputWeights: [Float]
    /// U, 3H×H row-major.
    public var recurrentWeights: [Float]
    /// b_i, 3H.
    public var inputBias: [Float]
    /// b_h, 3H.
    public var recurrentBias: [Float]

    /// Creates weights from the canonical arrays, checking every length and value.
    public init(
        inputSize: Int, hiddenSize: Int, variant: GRUVariant, resetAfter: Bool,
        inputWeights: [Float], recurrentWeights: [Float],
        inputBias: [Float], recurrentBias: [Float]
    ) throws(GRUWeightsError) {
        guard inputSize > 0, hiddenSize > 0 else {
            throw .invalidSize(inputSize: inputSize, hiddenSize: hiddenSize)
        }
        let h3 = 3 * hiddenSize
        let arrays: [(String, [Float], Int)] = [
            ("input weights", inputWeights, h3 * inputSize),
            ("recurrent weights", recurrentWeights, h3 * hiddenSize),
            ("input bias", inputBias, h3),
            ("recurrent bias", recurrentBias, h3),
        ]
        for (name, values, expected) in arrays {
            guard values.count == expected else {
                throw .wrongCount(name: name, expected: expected, actual: values.count)
            }
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                throw .nonFinite(name: name, index: index)
            }
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.variant = variant
        self.resetAfter = resetAfter
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.inputBias = inputBias
        self.recurrentBias = recurrentBias
    }

    /// The input weight W[block][unit][input].
    public func inputWeight(_ block: GateBlock, unit: Int, input: Int) -> Float {
        inputWeights[(block.rawValue * hiddenSize + unit) * inputSize + input]
    }

    /// The recurrent weight U[block][unit][fromUnit].
    public func recurrentWeight(_ block: GateBlock, unit: Int, from fromUnit: Int) -> Float {
        recurrentWeights[(block.rawValue * hiddenSize + unit) * hiddenSize + fromUnit]
    }

    /// The input bias of one block and unit.
    public func inputBias(_ block: GateBlock, unit: Int) -> Float {
        inputBias[block.rawValue * hiddenSize + unit]
    }

    /// The recurrent bias of one block and unit.
    public func recurrentBias(_ block: GateBlock, unit: Int) -> Float {
        recurrentBias[block.rawValue * hiddenSize + unit]
    }
}

/// Why a set of canonical weights was refused.
public enum GRUWeightsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// I or H is not positive.
    case invalidSize(inputSize: Int, hiddenSize: Int)
    /// An array has the wrong number of values.
    case wrongCount(name: String, expected: Int, actual: Int)
    /// An array holds NaN or an infinity.
    case nonFinite(name: String, index: Int)

    public var description: String {
        switch self {
        case let .invalidSize(i, h):
            return "input size and hidden size must be at least 1, got I=\(i), H=\(h)"
        case let .wrongCount(name, expected, actual):
            return "\(name) needs \(expected) values, got \(actual)"
        case let .nonFinite(name, index):
            return "\(name) holds a value that is not a finite number at index \(index)"
        }
    }
}
