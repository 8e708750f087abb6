import CGRUKernel

/// Steps over a stored sequence (see ``GRUSequence``): runs that keep every state, and steps
/// recomputed from the states kept. Both project the inputs in bulk, as ``GRUCell/run(flatInputs:h0:pins:body:)``
/// does, and call the same kernels, so a recomputed step is bit for bit the step first run.
extension GRUCell {
    /// The inputs and states of a stored sequence, as the kernels read them.
    struct StoredSteps {
        /// x_t at `inputs + t·I`.
        var inputs: UnsafePointer<Float>
        /// h_t at `states + t·H` for the steps computed so far.
        var states: UnsafePointer<Float>
        /// The state before step 0.
        var h0: UnsafePointer<Float>

        /// h_{t−1}: the state step t starts from.
        func stateBefore(_ t: Int, hiddenSize: Int) -> UnsafePointer<Float> {
            t == 0 ? h0 : states + (t - 1) * hiddenSize
        }
    }

    /// Runs the steps `range` from the state before the first of them (`before`), writing h_t of
    /// step t at `out + (t − range.lowerBound)·H`. `before` may point into `out`'s storage only
    /// before the first row written.
    func runKeepingStates(
        inputs: UnsafePointer<Float>, range: Range<Int>, before: UnsafePointer<Float>, pins: GatePins,
        out: UnsafeMutablePointer<Float>
    ) {
        let n = hiddenSize
        var scratch = [Float](repeating: 0, count: cgru_scratch_count(Int32(n)))
        withProjections(inputs: inputs, range: range) { t, row in
            let state = t == range.lowerBound ? before : UnsafePointer(out + (t - range.lowerBound - 1) * n)
            scratch.withUnsafeMutableBufferPointer { work in
                withModel { model in
                    Self.withPins(pins) { pinR, pinZ in
                        cgru_step(
                            cPath, model, row, state, pinR, pinZ, work.baseAddress, nil,
                            out + (t - range.lowerBound) * n, Int32(t % 2))
                    }
                }
            }
        }
    }

    /// Recomputes every vector of the steps `range` of a stored sequence into `block`.
    func replay(_ stored: StoredSteps, range: Range<Int>, pins: GatePins, into block: inout GRUStepBlock) {
        let n = hiddenSize
        block.reset(first: range.lowerBound, count: range.count)
        var scratch = [Float](repeating: 0, count: cgru_scratch_count(Int32(n)))
        withProjections(inputs: stored.inputs, range: range) { t, row in
            let at = (t - range.lowerBound) * n
            let state = stored.stateBefore(t, hiddenSize: n)
            scratch.withUnsafeMutableBufferPointer { work in
                withModel { model in
                    Self.withPins(pins) { pinR, pinZ in
                        block.withFields(at: at) { fields, hOut in
                            cgru_step(cPath, model, row, state, pinR, pinZ, work.baseAddress, fields, hOut, Int32(t % 2))
                        }
                    }
                }
            }
        }
    }

    /// Calls `body(t, W·x_t + b_i)` for every step of `range` in order, projecting the inputs
    /// ``GRUCell/chunkSteps`` at a time.
    private func withProjections(
        inputs: UnsafePointer<Float>, range: Range<Int>, _ body: (Int, UnsafePointer<Float>) -> Void
    ) {
        guard !range.isEmpty else { return }
        let n = Int32(hiddenSize), i = inputSize
        let stride = cgru_projection_stride(n)
        let chunk = Self.chunkSteps
        var projections = [Float](repeating: 0, count: cgru_projection_count(n, Int32(min(chunk, range.count))))
        let path = cPath
        for first in Swift.stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
            let count = min(chunk, range.upperBound - first)
            projections.withUnsafeMutableBufferPointer { gx in
                withModel { model in cgru_project(path, model, inputs + first * i, Int32(count), gx.baseAddress) }
                for t in 0..<count { body(first + t, UnsafePointer(gx.baseAddress! + t * stride)) }
            }
        }
    }
}

/// Every vector of some consecutive steps, step-major: field f of step `first + k` is
/// `f[k·H ..< (k+1)·H]`. Reused from block to block, it allocates only when it grows.
struct GRUStepBlock {
    let hiddenSize: Int
    /// The first step held.
    private(set) var first = 0
    /// Steps held.
    private(set) var count = 0
    var rPre: [Float] = [], r: [Float] = [], zPre: [Float] = [], z: [Float] = []
    var candidatePre: [Float] = [], candidate: [Float] = [], kept: [Float] = [], added: [Float] = []
    /// The candidate's recurrent part (cgru_fields.candidate_state), for the derivatives.
    var candidateState: [Float] = []
    var h: [Float] = []

    init(hiddenSize: Int) {
        self.hiddenSize = hiddenSize
    }

    /// Makes room for `count` steps from `first`.
    mutating func reset(first: Int, count: Int) {
        self.first = first
        self.count = count
        let size = count * hiddenSize
        if h.count < size {
            for path in [\GRUStepBlock.rPre, \.r, \.zPre, \.z, \.candidatePre, \.candidate, \.kept, \.added, \.candidateState, \.h] {
                self[keyPath: path] = [Float](repeating: 0, count: size)
            }
        }
    }

    /// The H values of `field` for step `t` (which the block must hold).
    func values(_ field: TraceField, step t: Int) -> ArraySlice<Float> {
        let at = (t - first) * hiddenSize
        let range = at..<(at + hiddenSize)
        switch field {
        case .rPre: return rPre[range]
        case .r: return r[range]
        case .zPre: return zPre[range]
        case .z: return z[range]
        case .candidatePre: return candidatePre[range]
        case .candidate: return candidate[range]
        case .kept: return kept[range]
        case .added: return added[range]
        case .h: return h[range]
        case .x, .hPrev: preconditionFailure("x and h_prev are the sequence's own, not the block's")
        }
    }

    /// Pointers into every field at offset `at`, for the kernel to write one step.
    mutating func withFields(at offset: Int, _ body: (UnsafePointer<cgru_fields>, UnsafeMutablePointer<Float>) -> Void) {
        rPre.withUnsafeMutableBufferPointer { rPre in
            r.withUnsafeMutableBufferPointer { r in
                zPre.withUnsafeMutableBufferPointer { zPre in
                    z.withUnsafeMutableBufferPointer { z in
                        candidatePre.withUnsafeMutableBufferPointer { candidatePre in
                            candidate.withUnsafeMutableBufferPointer { candidate in
                                kept.withUnsafeMutableBufferPointer { kept in
                                    added.withUnsafeMutableBufferPointer { added in
                                        candidateState.withUnsafeMutableBufferPointer { state in
                                            h.withUnsafeMutableBufferPointer { h in
                                                var fields = cgru_fields(
                                                    r_pre: rPre.baseAddress! + offset, r: r.baseAddress! + offset,
                                                    z_pre: zPre.baseAddress! + offset, z: z.baseAddress! + offset,
                                                    candidate_pre: candidatePre.baseAddress! + offset,
                                                    candidate: candidate.baseAddress! + offset,
                                                    kept: kept.baseAddress! + offset, added: added.baseAddress! + offset,
                                                    candidate_state: state.baseAddress! + offset)
                                                body(&fields, h.baseAddress! + offset)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
