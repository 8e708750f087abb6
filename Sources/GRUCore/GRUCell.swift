import CGRUKernel

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
///
/// The arithmetic runs in the C kernels of CGRUKernel, straight on the weights' packed layout;
/// ``kernelPath`` says which compiled variant. For a whole sequence known in advance,
/// ``run(inputs:h0:pins:body:)`` and ``finalState(inputs:h0:pins:)`` compute every input
/// projection in one matrix–matrix product first.
public struct GRUCell: Sendable {
    /// The weights this cell steps with.
    public let weights: GRUWeights
    /// The compiled variant of the kernels this cell uses; the widest this CPU runs unless set.
    /// A path the CPU cannot run falls back to ``GRUKernelPath/baseline``.
    public var kernelPath: GRUKernelPath = .best {
        didSet { projectedInput = [] }
    }
    /// For tests only: a kernel path that ``GRUKernelPath`` does not name (the AVX-512 code
    /// compiled for AVX2, which checks that code's logic on CPUs without AVX-512).
    var testingPath: cgru_path? {
        didSet { projectedInput = [] }
    }
    /// W·x + b_i of one step, padded to whole panels.
    private var projection: [Float]
    /// The x that `projection` was computed from: a step with the same x (h edited, a gate
    /// pinned, a value nudged on the screen) skips the input product, a third of a step.
    private var projectedInput: [Float] = []
    /// The kernels' working space for one step.
    private var scratch: [Float]

    /// A cell with its scratch space sized for the weights.
    public init(weights: GRUWeights) {
        self.weights = weights
        let h = Int32(weights.hiddenSize)
        projection = [Float](repeating: 0, count: cgru_projection_count(h, 1))
        scratch = [Float](repeating: 0, count: cgru_scratch_count(h))
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
        precondition(x.count == inputSize && h.count == hiddenSize, "x and h must match the cell's sizes")
        precondition(trace.x.count == inputSize && trace.h.count == hiddenSize, "trace must match the cell's sizes")
        Self.checkPins(pins, hiddenSize: hiddenSize)
        // Sharing the caller's buffers costs no allocation and keeps x and h_prev exact.
        trace.x = x
        trace.hPrev = h
        Self.markPins(pins, in: &trace)
        if x != projectedInput {
            let path = cPath
            withModel { model in
                x.withUnsafeBufferPointer { xb in
                    projection.withUnsafeMutableBufferPointer { gx in
                        cgru_project(path, model, xb.baseAddress, 1, gx.baseAddress)
                    }
                }
            }
            projectedInput = x
        }
        let row = projection
        row.withUnsafeBufferPointer { gx in
            stepAfterProjection(gx.baseAddress!, h: h, pins: pins, into: &trace)
        }
    }

    /// A step that returns a fresh trace; convenient where allocation does not matter.
    public mutating func step(x: [Float], h: [Float], pins: GatePins = GatePins()) -> GRUTrace {
        var trace = GRUTrace(inputSize: inputSize, hiddenSize: hiddenSize)
        step(x: x, h: h, pins: pins, into: &trace)
        return trace
    }

    /// Steps through a whole sequence from `h0`, handing every step's full trace to `body`
    /// (step index from 0) and returning the final state.
    ///
    /// The input projections W·x + b_i are computed for many steps at once (a blocked
    /// matrix–matrix product), so each step only does the recurrent work. The trace passed to
    /// `body` is reused: a step allocates nothing unless `body` keeps a copy of it. Pins apply
    /// to every step. Lengths are the caller's to check, as for ``step(x:h:pins:into:)``.
    @discardableResult
    public mutating func run(
        inputs: [[Float]], h0: [Float], pins: GatePins = GatePins(),
        body: (Int, GRUTrace) throws -> Void
    ) rethrows -> [Float] {
        let flat = Self.flatten(inputs, inputSize: inputSize)
        return try run(flatInputs: flat, h0: h0, pins: pins, body: body)
    }

    /// ``run(inputs:h0:pins:body:)`` with the inputs in one row-major array (I values per step).
    @discardableResult
    public mutating func run(
        flatInputs: [Float], h0: [Float], pins: GatePins = GatePins(),
        body: (Int, GRUTrace) throws -> Void
    ) rethrows -> [Float] {
        let i = inputSize, n = hiddenSize
        precondition(flatInputs.count % i == 0, "inputs must hold I values per step")
        precondition(h0.count == n, "h0 must match the cell's hidden size")
        Self.checkPins(pins, hiddenSize: n)
        let steps = flatInputs.count / i
        var trace = GRUTrace(inputSize: i, hiddenSize: n)
        // Copied rather than shared: the buffer is written again two steps later.
        trace.h.withUnsafeMutableBufferPointer { h in
            h0.withUnsafeBufferPointer { h.baseAddress!.update(from: $0.baseAddress!, count: n) }
        }
        Self.markPins(pins, in: &trace)
        guard steps > 0 else { return h0 }
        let stride = cgru_projection_stride(Int32(n))
        let chunk = Self.chunkSteps
        var projections = [Float](repeating: 0, count: cgru_projection_count(Int32(n), Int32(min(chunk, steps))))
        let path = cPath
        for first in Swift.stride(from: 0, to: steps, by: chunk) {
            let count = min(chunk, steps - first)
            withModel { model in
                flatInputs.withUnsafeBufferPointer { xb in
                    projections.withUnsafeMutableBufferPointer { gx in
                        cgru_project(path, model, xb.baseAddress! + first * i, Int32(count), gx.baseAddress)
                    }
                }
            }
            for t in 0..<count {
                trace.x.withUnsafeMutableBufferPointer { x in
                    flatInputs.withUnsafeBufferPointer { xb in
                        x.baseAddress!.update(from: xb.baseAddress! + (first + t) * i, count: i)
                    }
                }
                // The last state becomes h_prev and its buffer is reused for the new state.
                swap(&trace.hPrev, &trace.h)
                let state = trace.hPrev
                projections.withUnsafeBufferPointer { gx in
                    // Alternating the order of the weights finds more of them in cache.
                    stepAfterProjection(
                        gx.baseAddress! + t * stride, h: state, pins: pins, backwards: (first + t) % 2 == 1,
                        into: &trace)
                }
                try body(first + t, trace)
            }
        }
        return trace.h
    }

    /// The state after a whole sequence, without traces: the fastest way through it.
    public mutating func finalState(inputs: [[Float]], h0: [Float], pins: GatePins = GatePins()) -> [Float] {
        finalState(flatInputs: Self.flatten(inputs, inputSize: inputSize), h0: h0, pins: pins)
    }

    /// ``finalState(inputs:h0:pins:)`` with the inputs in one row-major array (I values per step).
    public func finalState(flatInputs: [Float], h0: [Float], pins: GatePins = GatePins()) -> [Float] {
        precondition(flatInputs.count % inputSize == 0, "inputs must hold I values per step")
        precondition(h0.count == hiddenSize, "h0 must match the cell's hidden size")
        Self.checkPins(pins, hiddenSize: hiddenSize)
        let steps = flatInputs.count / inputSize
        var work = [Float](repeating: 0, count: cgru_run_work_count(Int32(hiddenSize)))
        var state = h0
        let path = cPath
        withModel { model in
            Self.withPins(pins) { pinR, pinZ in
                flatInputs.withUnsafeBufferPointer { xb in
                    work.withUnsafeMutableBufferPointer { wb in
                        state.withUnsafeMutableBufferPointer { hb in
                            cgru_run(
                                path, model, xb.baseAddress, Int32(steps), hb.baseAddress,
                                pinR, pinZ, wb.baseAddress, hb.baseAddress)
                        }
                    }
                }
            }
        }
        return state
    }

    /// Steps projected at once by ``run(flatInputs:h0:pins:body:)``.
    static let chunkSteps = 64

    /// Steps projected at once by ``finalState(flatInputs:h0:pins:)`` (the kernel chooses).
    static func finalStateChunkSteps(hiddenSize: Int) -> Int {
        Int(cgru_run_chunk_steps(Int32(hiddenSize)))
    }

    /// The recurrent part of a step, once the row W·x + b_i is in place: writes every field of
    /// `trace` from r_pre on (x, h_prev and pinned are the caller's).
    private mutating func stepAfterProjection(
        _ row: UnsafePointer<Float>, h: [Float], pins: GatePins, backwards: Bool = false,
        into trace: inout GRUTrace
    ) {
        let path = cPath
        let packed = weights.packed
        var model = modelDescription
        withExtendedLifetime(packed) {
            scratch.withUnsafeMutableBufferPointer { work in
                Self.withPins(pins) { pinR, pinZ in
                    h.withUnsafeBufferPointer { hb in
                        Self.withFields(of: &trace) { fields, hOut in
                            cgru_step(
                                path, &model, row, hb.baseAddress, pinR, pinZ, work.baseAddress, fields, hOut,
                                backwards ? 1 : 0)
                        }
                    }
                }
            }
        }
    }

    /// The kernel path to call.
    var cPath: cgru_path { testingPath ?? kernelPath.cPath }

    /// The kernels' view of this cell; valid while `weights.packed` lives.
    private var modelDescription: cgru_model {
        cgru_model(
            input_size: Int32(inputSize), hidden_size: Int32(hiddenSize),
            reset_after: weights.resetAfter ? 1 : 0, packed: weights.packed.base)
    }

    /// Calls `body` with the kernels' view of this cell.
    func withModel<R>(_ body: (UnsafePointer<cgru_model>) throws -> R) rethrows -> R {
        var model = modelDescription
        return try withExtendedLifetime(weights.packed) { try body(&model) }
    }

    static func withPins<R>(
        _ pins: GatePins, _ body: (UnsafePointer<Float>?, UnsafePointer<Float>?) throws -> R
    ) rethrows -> R {
        func pointer(_ values: [Float]?, _ inner: (UnsafePointer<Float>?) throws -> R) rethrows -> R {
            guard let values else { return try inner(nil) }
            return try values.withUnsafeBufferPointer { try inner($0.baseAddress) }
        }
        return try pointer(pins.r) { r in try pointer(pins.z) { z in try body(r, z) } }
    }

    /// Calls `body` with pointers into every field a step writes, so the kernel fills the
    /// trace's own buffers directly.
    private static func withFields(
        of trace: inout GRUTrace, _ body: (UnsafePointer<cgru_fields>, UnsafeMutablePointer<Float>) -> Void
    ) {
        trace.rPre.withUnsafeMutableBufferPointer { rPre in
            trace.r.withUnsafeMutableBufferPointer { r in
                trace.zPre.withUnsafeMutableBufferPointer { zPre in
                    trace.z.withUnsafeMutableBufferPointer { z in
                        trace.candidatePre.withUnsafeMutableBufferPointer { candidatePre in
                            trace.candidate.withUnsafeMutableBufferPointer { candidate in
                                trace.kept.withUnsafeMutableBufferPointer { kept in
                                    trace.added.withUnsafeMutableBufferPointer { added in
                                        trace.h.withUnsafeMutableBufferPointer { h in
                                            var fields = cgru_fields(
                                                r_pre: rPre.baseAddress, r: r.baseAddress,
                                                z_pre: zPre.baseAddress, z: z.baseAddress,
                                                candidate_pre: candidatePre.baseAddress,
                                                candidate: candidate.baseAddress,
                                                kept: kept.baseAddress, added: added.baseAddress,
                                                candidate_state: nil)
                                            body(&fields, h.baseAddress!)
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

    private static func markPins(_ pins: GatePins, in trace: inout GRUTrace) {
        // Reassigning only on change keeps the common step free of allocation.
        if trace.pinned.contains(.r) != (pins.r != nil) || trace.pinned.contains(.z) != (pins.z != nil) {
            trace.pinned = pins.gates
        }
    }

    /// Pins made for another hidden size would make the kernel read past their end.
    private static func checkPins(_ pins: GatePins, hiddenSize: Int) {
        precondition(
            (pins.r?.count ?? hiddenSize) == hiddenSize && (pins.z?.count ?? hiddenSize) == hiddenSize,
            "pins must match the cell's hidden size")
    }

    private static func flatten(_ inputs: [[Float]], inputSize: Int) -> [Float] {
        var flat = [Float]()
        flat.reserveCapacity(inputs.count * inputSize)
        for x in inputs {
            precondition(x.count == inputSize, "every input must match the cell's input size")
            flat.append(contentsOf: x)
        }
        return flat
    }
}
