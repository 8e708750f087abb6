/// The weights of one GRU cell in the canonical form every framework's layout converts to.
///
/// The canonical arrays are row-major: the input matrix is 3H×I and the recurrent matrix 3H×H,
/// their rows stacked by ``GateBlock`` (reset, update, candidate); each block has an input bias
/// and a recurrent bias. Frameworks with a single bias (TensorFlow's GRUCell, Keras with
/// `reset_after=False`) leave the recurrent bias at zero.
///
/// The numbers are kept once, in the kernels' packed layout, and shared by every copy of these
/// weights and by every ``GRUCell`` made from them; the single-weight accessors read them from
/// there, and the whole arrays are rebuilt on demand.
public struct GRUWeights: Sendable, Equatable {
    /// I, the length of the input vector x.
    public var inputSize: Int { packed.inputSize }
    /// H, the number of hidden units.
    public var hiddenSize: Int { packed.hiddenSize }
    /// The framework these weights came from (a label; the maths follows ``resetAfter``).
    public var variant: GRUVariant
    /// The numbers, in the kernels' layout.
    private(set) var packed: PackedWeights

    /// `false`: candidate = tanh(W_c·x + b_c + U_c·(r⊙h)).
    /// `true`: candidate = tanh(W_c·x + b_ic + r⊙(U_c·h + b_hc)).
    ///
    /// The layout depends on it, so changing it repacks the same numbers.
    public var resetAfter: Bool {
        get { packed.resetAfter }
        set {
            guard newValue != packed.resetAfter else { return }
            packed = PackedWeights(inputSize: inputSize, hiddenSize: hiddenSize, resetAfter: newValue, source: packed)
        }
    }

    /// W, 3H×I row-major.
    ///
    /// - Complexity: O(H·I): the array is rebuilt from the packed layout on every call, so take
    ///   it once outside a loop, or read single weights with ``inputWeight(_:unit:input:)``.
    public var inputWeights: [Float] { packed.canonical(.input) }
    /// U, 3H×H row-major.
    ///
    /// - Complexity: O(H²), rebuilt on every call (see ``inputWeights``).
    public var recurrentWeights: [Float] { packed.canonical(.recurrent) }
    /// b_i, 3H.
    ///
    /// - Complexity: O(H), rebuilt on every call (see ``inputWeights``).
    public var inputBias: [Float] { packed.canonical(.inputBias) }
    /// b_h, 3H.
    ///
    /// - Complexity: O(H), rebuilt on every call (see ``inputWeights``).
    public var recurrentBias: [Float] { packed.canonical(.recurrentBias) }

    /// Creates weights from the canonical arrays, checking every length and value.
    public init(
        inputSize: Int, hiddenSize: Int, variant: GRUVariant, resetAfter: Bool,
        inputWeights: [Float], recurrentWeights: [Float],
        inputBias: [Float], recurrentBias: [Float]
    ) throws(GRUWeightsError) {
        guard inputSize > 0, hiddenSize > 0 else {
            throw .invalidSize(inputSize: inputSize, hiddenSize: hiddenSize)
        }
        if let problem = GRUSizeLimits.problem(inputSize: inputSize, hiddenSize: hiddenSize, resetAfter: resetAfter) {
            throw .tooLarge(problem)
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
            if let index = FiniteCheck.firstNonFinite(values) {
                throw .nonFinite(name: name, index: index)
            }
        }
        let canonical = StridedArrays.canonical(
            inputSize: inputSize, hiddenSize: hiddenSize, inputWeights: inputWeights, recurrentWeights: recurrentWeights,
            inputBias: inputBias, recurrentBias: recurrentBias)
        let packed = PackedWeights(inputSize: inputSize, hiddenSize: hiddenSize, resetAfter: resetAfter, source: canonical)
        self.init(variant: variant, packed: packed)
    }

    /// Weights whose numbers are already packed (and known to be finite).
    init(variant: GRUVariant, packed: PackedWeights) {
        self.variant = variant
        self.packed = packed
    }

    /// The input weight W[block][unit][input].
    public func inputWeight(_ block: GateBlock, unit: Int, input: Int) -> Float {
        packed.value(.input, row: block.rawValue * hiddenSize + unit, column: input)
    }

    /// The recurrent weight U[block][unit][fromUnit].
    public func recurrentWeight(_ block: GateBlock, unit: Int, from fromUnit: Int) -> Float {
        packed.value(.recurrent, row: block.rawValue * hiddenSize + unit, column: fromUnit)
    }

    /// The input bias of one block and unit.
    public func inputBias(_ block: GateBlock, unit: Int) -> Float {
        packed.value(.inputBias, row: block.rawValue * hiddenSize + unit, column: 0)
    }

    /// The recurrent bias of one block and unit.
    public func recurrentBias(_ block: GateBlock, unit: Int) -> Float {
        packed.value(.recurrentBias, row: block.rawValue * hiddenSize + unit, column: 0)
    }

    public static func == (lhs: GRUWeights, rhs: GRUWeights) -> Bool {
        lhs.variant == rhs.variant && (lhs.packed === rhs.packed || lhs.packed.sameValues(as: rhs.packed))
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
    /// The cell is beyond ``GRUSizeLimits``.
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .invalidSize(i, h):
            return "input size and hidden size must be at least 1, got I=\(i), H=\(h)"
        case let .wrongCount(name, expected, actual):
            return "\(name) needs \(expected) values, got \(actual)"
        case let .nonFinite(name, index):
            return "\(name) holds a value that is not a finite number at index \(index)"
        case let .tooLarge(problem):
            return problem
        }
    }
}
