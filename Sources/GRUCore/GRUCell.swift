/// A GRU cell that steps without allocating: it owns its scratch space, and the caller owns a
/// reusable ``GRUTrace`` that each step overwrites.
///
/// Every convention is one formula with one switch (``GRUWeights/resetAfter``):
///
///     r  = σ(W_r·x + b_ir + U_r·h + b_hr)
///     z  = σ(W_z·x + b_iz + U_z·h + b_hz)
///     h̃  = tanh(W_c·x + b_ic + U_c·(r⊙h) + b_hc)      resetAfter = false
///     h̃  = tanh(W_c·x + b_ic + r⊙(U_c·h + b_hc))      resetAfter = true
///     h′ = z⊙h + (1−z)⊙h̃
public struct GRUCell: Sendable {
    /// The weights this cell steps with.
    public let weights: GRUWeights
    /// W·x + b_i for the three blocks (3H).
    private var inputProjection: [Float]
    /// U·h + b_h, or for the candidate block without reset-after U_c·(r⊙h) + b_hc (3H).
    private var recurrentProjection: [Float]
    /// r⊙h, the state as the candidate sees it when the reset gate acts first (H).
    private var resetState: [Float]

    /// A cell with its scratch space sized for the weights.
    public init(weights: GRUWeights) {
        self.weights = weights
        inputProjection = [Float](repeating: 0, count: 3 * weights.hiddenSize)
        recurrentProjection = [Float](repeating: 0, count: 3 * weights.hiddenSize)
        resetState = [Float](repeating: 0, count: weights.hiddenSize)
    }

    /// I.
    public var inputSize: Int { weights.inputSize }
    /// H.
    public var hiddenSize: Int { weights.hiddenSize }

    /// One step from input `x` and state `h`, written into `trace` (which must have been made
    /// for this cell's sizes, e.g. by ``GRUTrace/init(inputSize:hiddenSize:)``).
    ///
    /// Lengths are the caller's to check; a mismatch is a programming error and traps.
    public mutating func step(x: [Float], h: [Float], pins: GatePins = GatePins(), into trace: inout GRUTrace) {
        let i = inputSize, rows = 3 * hiddenSize, weights = self.weights
        precondition(x.count == i && h.count == hiddenSize, "x and h must match the cell's sizes")
        precondition(trace.x.count == i && trace.h.count == hiddenSize, "trace must match the cell's sizes")
        x.withUnsafeBufferPointer { xb in
            inputProjection.withUnsafeMutableBufferPointer { gx in
                weights.inputWeights.withUnsafeBufferPointer { w in
                    weights.inputBias.withUnsafeBufferPointer { b in
                        DotProduct.matrixVector(
                            w.baseAddress!, rows: rows, columns: i,
                            xb.baseAddress!, bias: b.baseAddress!, into: gx.baseAddress!)
                    }
                }
            }
        }
        stepRecurrent(x: x, h: h, pins: pins, into: &trace)
    }

    /// A step that returns a fresh trace; convenient where allocation does not matter.
    public mutating func step(x: [Float], h: [Float], pins: GatePins = GatePins()) -> GRUTrace {
        var trace = GRUTrace(inputSize: inputSize, hiddenSize: hiddenSize)
        step(x: x, h: h, pins: pins, into: &trace)
        return trace
    }

    /// The part of a step after the input projection W·x + b_i is in place.
    private mutating func stepRecurrent(x: [Float], h: [Float], pins: GatePins, into trace: inout GRUTrace) {
        let n = hiddenSize, weights = self.weights
        let resetAfter = weights.resetAfter
        copy(x, into: &trace.x)
        copy(h, into: &trace.hPrev)
        // Reassigning only on change keeps the common step free of allocation.
        if trace.pinned.contains(.r) != (pins.r != nil) || trace.pinned.contains(.z) != (pins.z != nil) {
            trace.pinned = pins.gates
        }
        let pinnedR = pins.r, pinnedZ = pins.z
        h.withUnsafeBufferPointer { hb in
            let hp = hb.baseAddress!
            weights.recurrentWeights.withUnsafeBufferPointer { ub in
                weights.recurrentBias.withUnsafeBufferPointer { bb in
                    recurrentProjection.withUnsafeMutableBufferPointer { gh in
                        // Gates first (and with reset-after the candidate rows too): all read h.
                        DotProduct.matrixVector(
                            ub.baseAddress!, rows: (resetAfter ? 3 : 2) * n, columns: n,
                            hp, bias: bb.baseAddress!, into: gh.baseAddress!)
                    }
                }
            }
        }
        for j in 0..<n {
            let rPre = inputProjection[j] + recurrentProjection[j]
            let zPre = inputProjection[n + j] + recurrentProjection[n + j]
            trace.rPre[j] = rPre
            trace.zPre[j] = zPre
            trace.r[j] = pinnedR?[j] ?? Activation.sigmoid(rPre)
            trace.z[j] = pinnedZ?[j] ?? Activation.sigmoid(zPre)
        }
        if !resetAfter {
            for j in 0..<n { resetState[j] = trace.r[j] * h[j] }
            resetState.withUnsafeBufferPointer { rh in
                weights.recurrentWeights.withUnsafeBufferPointer { ub in
                    weights.recurrentBias.withUnsafeBufferPointer { bb in
                        recurrentProjection.withUnsafeMutableBufferPointer { gh in
                            DotProduct.matrixVector(
                                ub.baseAddress! + 2 * n * n, rows: n, columns: n,
                                rh.baseAddress!, bias: bb.baseAddress! + 2 * n,
                                into: gh.baseAddress! + 2 * n)
                        }
                    }
                }
            }
        }
        for j in 0..<n {
            let recurrent = recurrentProjection[2 * n + j]
            let candidatePre = inputProjection[2 * n + j] + (resetAfter ? trace.r[j] * recurrent : recurrent)
            let candidate = Activation.tanh(candidatePre)
            let z = trace.z[j]
            let kept = z * h[j]
            let added = (1 - z) * candidate
            trace.candidatePre[j] = candidatePre
            trace.candidate[j] = candidate
            trace.kept[j] = kept
            trace.added[j] = added
            trace.h[j] = kept + added
        }
    }

    private func copy(_ source: [Float], into destination: inout [Float]) {
        for k in source.indices { destination[k] = source[k] }
    }
}
