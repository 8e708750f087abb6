import GRUCore

/// Where one gate or candidate value of one unit comes from: its pre-activation taken apart
/// into bias, input part W·x and recurrent part, with the largest single terms, then squashed.
///
/// The parts are recomputed from the weights (in Double) and add up to the trace's
/// pre-activation; the tests hold them to it for both reset rules.
public struct PreActivationBreakdown: Sendable, Equatable {
    /// One product of a weight and what it multiplies.
    public struct Term: Sendable, Equatable {
        /// The input position (for W·x) or the old unit (for the recurrent part), from 0.
        public let index: Int
        /// The weight W[unit, index] or U[unit, index].
        public let weight: Float
        /// x[index], or h[index].
        public let value: Float
        /// r[index] when the reset gate scales h[index] first (the candidate, reset before).
        public let reset: Float?
        /// weight · (reset ·) value.
        public let product: Float
    }

    /// The terms a listing leaves out.
    public struct Remainder: Sendable, Equatable {
        /// What they add up to.
        public let sum: Float
        /// How many there are.
        public let count: Int
    }

    /// Which number is explained.
    public let quantity: GateQuantity
    /// The unit, from 0.
    public let unit: Int
    /// Whether the reset gate acts after the recurrent product (PyTorch/cuDNN rule).
    public let resetAfter: Bool
    /// The input bias b_i of this block and unit.
    public let inputBias: Float
    /// The recurrent bias b_h of this block and unit.
    public let recurrentBias: Float
    /// The bias outside any reset: b_i + b_h, or only b_ic for the candidate with reset after
    /// (where b_hc is inside the reset and counted in ``recurrentPart``).
    public let bias: Float
    /// W·x for this unit's row.
    public let inputPart: Float
    /// U·h for a gate; U_c·(r⊙h) for the candidate with reset before; r·(U_c·h + b_hc) with
    /// reset after.
    public let recurrentPart: Float
    /// U_c·h before the reset gate scales it (candidate with reset after only).
    public let recurrentProduct: Float?
    /// r of this unit when it scales the recurrent part (candidate with reset after only).
    public let resetScale: Float?
    /// The largest input terms w·x_i by magnitude (zero terms left out), at most three.
    public let inputTerms: [Term]
    /// The largest recurrent terms by magnitude (zero terms left out), at most three.
    public let recurrentTerms: [Term]
    /// The sum and number of the input terms not listed.
    public let otherInput: Remainder
    /// The sum and number of the recurrent terms not listed.
    public let otherRecurrent: Remainder
    /// bias + input part + recurrent part.
    public let preActivation: Float
    /// The pre-activation as the cell computed it, from the trace.
    public let tracePreActivation: Float
    /// σ or tanh of the pre-activation.
    public let computedValue: Float
    /// The value the gate was pinned to in this step, if it was.
    public let pinnedValue: Float?

    /// How many of the largest terms are listed.
    public static let listedTerms = 3

    /// Takes one value of a step apart. `unit` must be below H (the caller checks).
    public init(_ quantity: GateQuantity, unit: Int, trace: GRUTrace, weights: GRUWeights) {
        let block = quantity.block
        self.quantity = quantity
        self.unit = unit
        resetAfter = weights.resetAfter
        inputBias = weights.inputBias(block, unit: unit)
        recurrentBias = weights.recurrentBias(block, unit: unit)

        let inputs = (0..<weights.inputSize).map { i in
            let w = weights.inputWeight(block, unit: unit, input: i), x = trace.x[i]
            return Term(index: i, weight: w, value: x, reset: nil, product: w * x)
        }
        let resetFirst = quantity == .candidate && !weights.resetAfter
        let recurrent = (0..<weights.hiddenSize).map { k in
            let u = weights.recurrentWeight(block, unit: unit, from: k), h = trace.hPrev[k]
            let reset: Float? = resetFirst ? trace.r[k] : nil
            return Term(index: k, weight: u, value: h, reset: reset, product: u * (reset ?? 1) * h)
        }
        let inputSum = Self.sum(inputs)
        let recurrentSum = Self.sum(recurrent)
        let b_i = Double(inputBias), b_h = Double(recurrentBias)
        let bias: Double, recurrentPart: Double
        if quantity == .candidate && weights.resetAfter {
            let r = Double(trace.r[unit])
            bias = b_i
            recurrentPart = r * (recurrentSum + b_h)
            recurrentProduct = Float(recurrentSum)
            resetScale = trace.r[unit]
        } else {
            bias = b_i + b_h
            recurrentPart = recurrentSum
            recurrentProduct = nil
            resetScale = nil
        }
        self.bias = Float(bias)
        inputPart = Float(inputSum)
        self.recurrentPart = Float(recurrentPart)
        preActivation = Float(bias + inputSum + recurrentPart)
        (inputTerms, otherInput) = Self.largest(inputs)
        (recurrentTerms, otherRecurrent) = Self.largest(recurrent)

        switch quantity {
        case .r:
            tracePreActivation = trace.rPre[unit]
            computedValue = Activation.sigmoid(trace.rPre[unit])
            pinnedValue = trace.pinned.contains(.r) ? trace.r[unit] : nil
        case .z:
            tracePreActivation = trace.zPre[unit]
            computedValue = Activation.sigmoid(trace.zPre[unit])
            pinnedValue = trace.pinned.contains(.z) ? trace.z[unit] : nil
        case .candidate:
            tracePreActivation = trace.candidatePre[unit]
            computedValue = trace.candidate[unit]
            pinnedValue = nil
        }
    }

    /// The value used in the step: the pinned one, or the computed one.
    public var value: Float { pinnedValue ?? computedValue }

    /// The exact sum, in Double, of the products (recomputed from their factors).
    private static func sum(_ terms: [Term]) -> Double {
        terms.reduce(0) { $0 + Double($1.weight) * Double($1.reset ?? 1) * Double($1.value) }
    }

    /// The largest non-zero terms by magnitude, in that order, and what the rest add up to.
    private static func largest(_ terms: [Term]) -> ([Term], Remainder) {
        let ranked = terms.filter { $0.product != 0 }
            .sorted { abs($0.product) != abs($1.product) ? abs($0.product) > abs($1.product) : $0.index < $1.index }
        let listed = Array(ranked.prefix(listedTerms))
        let listedIndices = Set(listed.map(\.index))
        let rest = terms.filter { !listedIndices.contains($0.index) }
        return (listed, Remainder(sum: Float(sum(rest)), count: rest.count))
    }
}
