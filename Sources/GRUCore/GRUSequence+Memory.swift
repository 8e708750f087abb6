import CGRUKernel
import Foundation

/// Memory over time, computed exactly from the recorded steps (the definitions and the
/// derivative formulas are in ``GRUReference``):
///
/// - *retention*: ∏_{k=s+1..t} z_k[j], the share of h_s[j] the direct z⊙h path still carries
///   at t — the gate path alone;
/// - *influence*: ‖∂h_t/∂x_s‖_F through the whole recurrence (both gates and the candidate's
///   recurrent weights), and ‖∂h_t[j]/∂x_s‖₂ for one unit. A pinned gate is a constant, so no
///   derivative flows through it.
///
/// Influence for one t is reverse mode: ∂h_t/∂h_k is carried back from k = t to 0, an H×H
/// matrix, and at each k multiplied into ∂h_k/∂x_k; that is O(t·H²·(H+I)), spread over the
/// cores by rows. The whole T×T matrix is forward mode: ∂h_k/∂x_s for every s ≤ k is carried
/// forward together, O(T²·H²·I). Every step's vectors are recomputed from the states kept.
/// Influence is computed in Float32 and reads 0 below about 1.2e-38 (the derivative kernels count
/// subnormal numbers as zero: many CPUs compute with them a hundred times slower).
extension GRUSequence {
    // MARK: Retention

    /// The gate `gate` of `unit` at every step of `range` (computed steps; all of them by
    /// default), bit for bit the trace's, in O(range·(I+H)) without recomputing the other units.
    public func gateHistory(_ gate: Gate, unit: Int, in range: Range<Int>? = nil) -> [Float] {
        let range = range ?? 0..<computedCount
        precondition(unit >= 0 && unit < hiddenSize, "unit \(unit) is outside 0..<\(hiddenSize)")
        precondition(range.lowerBound >= 0 && range.upperBound <= computedCount, "steps \(range) are not all computed")
        var out = [Float](repeating: 0, count: range.count)
        guard !range.isEmpty else { return out }
        let path = cell.cPath
        withStored { stored in
            cell.withModel { model in
                GRUCell.withPins(pins) { pinR, pinZ in
                    out.withUnsafeMutableBufferPointer { o in
                        cgru_unit_gates(
                            path, model, stored.inputs, stored.states, stored.h0, Int32(range.lowerBound),
                            Int32(range.count), Int32(unit), pinR, pinZ,
                            gate == .r ? o.baseAddress : nil, gate == .z ? o.baseAddress : nil)
                    }
                }
            }
        }
        return out
    }

    /// Retention of `unit` at step t: element s (0…t) is ∏_{k=s+1..t} z_k[unit], so element t
    /// is 1. O(t·(I+H)).
    public func retention(at t: Int, unit: Int) -> [Float] {
        precondition(t >= 0 && t < computedCount, "step \(t) is not computed")
        return Self.retention(updateGates: gateHistory(.z, unit: unit, in: 0..<(t + 1)), at: t)
    }

    /// Retention at step t from a unit's update gate over steps 0…t or more (``gateHistory(_:unit:in:)``
    /// from step 0), for callers that keep the history and move t: O(t) at most, and only as
    /// far back as the product stays above 0 (a product that reached 0 stays 0, so the earlier
    /// steps are filled with 0 at once): a cursor moving through a long sequence whose gates
    /// forget pays for the steps still remembered, not for the whole past.
    public static func retention(updateGates z: [Float], at t: Int) -> [Float] {
        precondition(t >= 0 && t < z.count, "step \(t) is outside the history of \(z.count) steps")
        return [Float](unsafeUninitializedCapacity: t + 1) { result, initialized in
            result[t] = 1
            var product: Float = 1
            var s = t - 1
            z.withUnsafeBufferPointer { gates in
                while s >= 0 && product != 0 {
                    product *= gates[s + 1]
                    result[s] = product
                    s -= 1
                }
            }
            if s >= 0 { result.baseAddress!.initialize(repeating: 0, count: s + 1) }
            initialized = t + 1
        }
    }

    /// How many steps back from t the retention first falls to one half or below: "half of a
    /// value written n steps ago is gone". nil when even step 0's value keeps more than half.
    public static func halfLife(retention: [Float]) -> Int? {
        let t = retention.count - 1
        guard t >= 1 else { return nil }
        for n in 1...t where retention[t - n] <= 0.5 { return n }
        return nil
    }

    /// ``halfLife(retention:)`` of `unit` at step t.
    public func halfLife(at t: Int, unit: Int) -> Int? {
        Self.halfLife(retention: retention(at: t, unit: unit))
    }

    // MARK: Influence at one step

    /// ‖∂h_t/∂x_s‖_F for s = 0…t, and ‖∂h_t[j]/∂x_s‖₂ for each unit j in `units`, in one reverse
    /// sweep. Asks `shouldContinue` (on the calling thread) between blocks of steps; `false`
    /// stops it with ``GRUInterrupted``.
    public func influence(
        at t: Int, units: [Int] = [], _ shouldContinue: (GRUProgress) -> Bool = { _ in true }
    ) throws(GRUInterrupted) -> GRUInfluence {
        precondition(t >= 0 && t < computedCount, "step \(t) is not computed")
        precondition(units.allSatisfy { $0 >= 0 && $0 < hiddenSize }, "units must be in 0..<\(hiddenSize)")
        let sweep = try reverseSweep(at: t, rows: Array(0..<hiddenSize), keep: units, shouldContinue)
        return GRUInfluence(step: t, total: sweep.total, perUnit: sweep.perUnit)
    }

    /// ‖∂h_t[unit]/∂x_s‖₂ for s = 0…t alone: a reverse sweep of one row, O(t·H·(H+I)), a few
    /// milliseconds where ``influence(at:units:_:)`` takes about H times longer.
    public func unitInfluence(
        at t: Int, unit: Int, _ shouldContinue: (GRUProgress) -> Bool = { _ in true }
    ) throws(GRUInterrupted) -> [Float] {
        precondition(t >= 0 && t < computedCount, "step \(t) is not computed")
        precondition(unit >= 0 && unit < hiddenSize, "unit \(unit) is outside 0..<\(hiddenSize)")
        return try reverseSweep(at: t, rows: [unit], keep: [unit], shouldContinue).total
    }

    /// Reverse mode from h_t[rows]: the Frobenius norm over `rows` for every s ≤ t, and the
    /// rows in `keep` one by one.
    private func reverseSweep(
        at t: Int, rows: [Int], keep: [Int], _ shouldContinue: (GRUProgress) -> Bool
    ) throws(GRUInterrupted) -> (total: [Float], perUnit: [Int: [Float]]) {
        let n = hiddenSize, i = inputSize, steps = t + 1
        let derivative = GRUDerivativeWeights(weights: weights)
        let workers = Self.workerCount(work: steps * rows.count * n * (n + i), parts: rows.count / 16)
        // Worker w owns rows[split[w] ..< split[w+1]] of ∂h_t/∂h_k for the whole sweep, in two
        // buffers it alternates between (`current` says which holds the matrix now).
        let split = (0...workers).map { $0 * rows.count / workers }
        let most = rows.count / workers + 1
        let perWorker = 2 * most * n + most * (i + 1) + cgru_reverse_work_count(Int32(n), Int32(most))
        let memory = SharedFloats(count: workers * perWorker + workers * steps + keep.count * steps)
        let current = SharedFloats(count: workers)
        defer { memory.free(); current.free() }
        let partialOffset = workers * perWorker, keptOffset = partialOffset + workers * steps
        let keepIndex = Dictionary(keep.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // ∂h_t[row]/∂h_t is the row of the identity.
        for w in 0..<workers {
            let a = memory.base + w * perWorker
            for (local, row) in rows[split[w]..<split[w + 1]].enumerated() { a[local * n + row] = 1 }
        }
        var block = GRUStepBlock(hiddenSize: n)
        let chunk = GRUCell.chunkSteps
        var coefficients = [Float](repeating: 0, count: chunk * 3 * n)
        let path = cell.cPath
        var end = steps
        while end > 0 {
            let range = max(0, end - chunk)..<end
            withStored { stored in cell.replay(stored, range: range, pins: pins, into: &block) }
            withStepValues(block, derivative: derivative, coefficients: &coefficients) { values, model, coefficientBase in
                let context = SharedContext(values: values, model: model, coefficients: coefficientBase)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let own = split[w + 1] - split[w]
                    guard own > 0 else { return }
                    let base = memory.base + w * perWorker
                    let partial = memory.base + partialOffset, kept = memory.base + keptOffset
                    var a = base, aOut = base + own * n
                    let x = base + 2 * own * n, squares = x + own * i, work = squares + own
                    if current.base[w] != 0 { swap(&a, &aOut) }
                    for k in range.reversed() {
                        let local = k - range.lowerBound
                        var stepValues = context.values[local]
                        cgru_reverse_step(
                            path, context.model, &stepValues, context.coefficients + local * 3 * n, Int32(own),
                            a, aOut, x, squares, work)
                        var sum: Float = 0
                        for j in 0..<own {
                            sum += squares[j]
                            if let slot = keepIndex[rows[split[w] + j]] { kept[slot * steps + k] = squares[j].squareRoot() }
                        }
                        partial[w * steps + k] = sum
                        swap(&a, &aOut)
                        current.base[w] = current.base[w] == 0 ? 1 : 0
                    }
                }
            }
            end = range.lowerBound
            if end > 0 && !shouldContinue(GRUProgress(done: steps - end, total: steps)) {
                throw GRUInterrupted(done: steps - end, total: steps)
            }
        }
        let partial = memory.base + partialOffset, kept = memory.base + keptOffset
        var total = [Float](repeating: 0, count: steps)
        for k in 0..<steps {
            var sum: Float = 0
            for w in 0..<workers { sum += partial[w * steps + k] }
            total[k] = sum.squareRoot()
        }
        var perUnit: [Int: [Float]] = [:]
        for (slot, unit) in keep.enumerated() {
            perUnit[unit] = Array(UnsafeBufferPointer(start: kept + slot * steps, count: steps))
        }
        return (total, perUnit)
    }

    // MARK: The influence matrix

    /// The steps whose whole influence matrix ``influenceMatrix(_:)`` computes at the most
    /// (T×T numbers: 64 MiB).
    public static let maximumInfluenceSteps = 4096

    /// ‖∂h_t/∂x_s‖_F for every s ≤ t < T (0 above the diagonal), by forward mode over all
    /// inputs at once; every step must be computed and T ≤ ``maximumInfluenceSteps``. Asks
    /// `shouldContinue` (on the calling thread) between blocks of steps; progress counts
    /// (t, s) pairs.
    public func influenceMatrix(_ shouldContinue: (GRUProgress) -> Bool = { _ in true }) throws(GRUInterrupted) -> GRUInfluenceMatrix {
        try influenceMatrix(tangentBudget: 1 << 24, shouldContinue)
    }

    /// ``influenceMatrix(_:)`` carrying at most `tangentBudget` tangent values at once (the
    /// inputs are taken in groups that fit, each group carried from its first step to the end).
    func influenceMatrix(
        tangentBudget: Int, _ shouldContinue: (GRUProgress) -> Bool
    ) throws(GRUInterrupted) -> GRUInfluenceMatrix {
        precondition(isComputed, "every step must be computed first")
        precondition(count <= Self.maximumInfluenceSteps, "at most \(Self.maximumInfluenceSteps) steps")
        let steps = count, n = hiddenSize, i = inputSize
        var matrix = [Float](repeating: 0, count: steps * steps)
        guard steps > 0 else { return GRUInfluenceMatrix(steps: 0, values: []) }
        let derivative = GRUDerivativeWeights(weights: weights)
        // Inputs carried forward together: their tangents (H × group·I) within the budget.
        let group = max(1, min(steps, tangentBudget / (n * i)))
        let pairs = steps * (steps + 1) / 2
        var done = 0
        let maxWorkers = Self.workerCount(work: .max, parts: .max)
        let forwardWork = cgru_forward_work_count(Int32(n))
        let jacobianWork = cgru_input_jacobian_work_count(Int32(n), Int32(i))
        let tangentCount = n * group * i
        let memory = SharedFloats(count: tangentCount + group * i + maxWorkers * forwardWork + jacobianWork)
        defer { memory.free() }
        let tangents = memory.base, squares = tangents + tangentCount
        let worksOffset = tangentCount + group * i, jacobianScratch = memory.base + worksOffset + maxWorkers * forwardWork
        var block = GRUStepBlock(hiddenSize: n)
        var coefficients = [Float](repeating: 0, count: GRUCell.chunkSteps * 3 * n)
        let path = cell.cPath
        try matrix.withUnsafeMutableBufferPointer { buffer throws(GRUInterrupted) in
            let result = buffer.baseAddress!
            for first in stride(from: 0, to: steps, by: group) {
                let last = min(steps, first + group)
                let ld = (last - first) * i
                for start in stride(from: first, to: steps, by: GRUCell.chunkSteps) {
                    let range = start..<min(steps, start + GRUCell.chunkSteps)
                    withStored { stored in cell.replay(stored, range: range, pins: pins, into: &block) }
                    withStepValues(block, derivative: derivative, coefficients: &coefficients) { values, model, coefficientBase in
                        for k in range {
                            let local = k - range.lowerBound
                            var stepValues = values[local]
                            let stepCoefficients = coefficientBase + local * 3 * n
                            // The inputs first..<min(k, last) carried through step k.
                            let carried = (min(k, last) - first) * i
                            if carried > 0 {
                                let workers = Self.workerCount(work: carried * n * n, parts: carried / 64)
                                let context = SharedContext(values: [stepValues], model: model, coefficients: stepCoefficients)
                                DispatchQueue.concurrentPerform(iterations: workers) { w in
                                    let from = w * carried / workers, to = (w + 1) * carried / workers
                                    var own = context.values[0]
                                    cgru_forward_step(
                                        path, context.model, &own, context.coefficients, Int32(to - from),
                                        memory.base + from, ld, memory.base + tangentCount + from,
                                        memory.base + worksOffset + w * forwardWork)
                                }
                                for s in first..<min(k, last) {
                                    result[k * steps + s] = Self.blockNorm(squares + (s - first) * i, count: i)
                                }
                            }
                            // Input k joins: ∂h_k/∂x_k.
                            if k < last {
                                let b = (k - first) * i
                                cgru_input_jacobian(
                                    path, model, &stepValues, stepCoefficients, tangents + b, ld, squares + b, jacobianScratch)
                                result[k * steps + k] = Self.blockNorm(squares + b, count: i)
                            }
                            done += min(k + 1, last) - first
                        }
                    }
                    if done < pairs && !shouldContinue(GRUProgress(done: done, total: pairs)) {
                        throw GRUInterrupted(done: done, total: pairs)
                    }
                }
            }
        }
        return GRUInfluenceMatrix(steps: steps, values: matrix)
    }

    // MARK: Plumbing

    /// The square root of the sum of `count` squares.
    private static func blockNorm(_ squares: UnsafePointer<Float>, count: Int) -> Float {
        var sum: Float = 0
        for c in 0..<count { sum += squares[c] }
        return sum.squareRoot()
    }

    /// Worker threads for `work` multiply-adds split into at most `parts` parts: one below about
    /// a million (a thread's start costs more), else up to the cores (8 at the most).
    static func workerCount(work: Int, parts: Int) -> Int {
        guard work >= 1 << 20 else { return 1 }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, parts))
    }

    /// Calls `body` with each step of `block` as the kernels read it, the derivative model and the
    /// steps' coefficients (3H each, step by step).
    private func withStepValues(
        _ block: GRUStepBlock, derivative: GRUDerivativeWeights, coefficients: inout [Float],
        _ body: ([cgru_step_values], UnsafePointer<cgru_derivative_model>, UnsafePointer<Float>) -> Void
    ) {
        let n = hiddenSize
        withStored { stored in
            block.r.withUnsafeBufferPointer { r in
                block.z.withUnsafeBufferPointer { z in
                    block.candidate.withUnsafeBufferPointer { candidate in
                        block.candidateState.withUnsafeBufferPointer { state in
                            let values = (0..<block.count).map { k in
                                cgru_step_values(
                                    h_prev: stored.stateBefore(block.first + k, hiddenSize: n),
                                    r: r.baseAddress! + k * n, z: z.baseAddress! + k * n,
                                    candidate: candidate.baseAddress! + k * n,
                                    candidate_state: state.baseAddress! + k * n)
                            }
                            derivative.withModel(pins: pins) { model in
                                coefficients.withUnsafeMutableBufferPointer { c in
                                    for (k, value) in values.enumerated() {
                                        var v = value
                                        cgru_step_coefficients(model, &v, c.baseAddress! + k * 3 * n)
                                    }
                                    body(values, model, UnsafePointer(c.baseAddress!))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// ‖∂h_t/∂x_s‖ for one t: how strongly each past input still moves the state.
public struct GRUInfluence: Sendable, Equatable {
    /// t.
    public var step: Int
    /// ‖∂h_t/∂x_s‖_F (the H×I Jacobian's Frobenius norm) for s = 0…t.
    public var total: [Float]
    /// ‖∂h_t[j]/∂x_s‖₂ for s = 0…t, for the units asked for.
    public var perUnit: [Int: [Float]]
}

/// ‖∂h_t/∂x_s‖_F for every pair: row t, column s, 0 above the diagonal.
public struct GRUInfluenceMatrix: Sendable, Equatable {
    /// T.
    public var steps: Int
    /// T×T, row-major.
    public var values: [Float]

    /// ‖∂h_t/∂x_s‖_F (0 for s > t).
    public subscript(t: Int, s: Int) -> Float { values[t * steps + s] }

    /// Row t: s = 0…T−1.
    public func row(_ t: Int) -> ArraySlice<Float> { values[(t * steps)..<((t + 1) * steps)] }
}

/// The canonical W and U the derivative kernels multiply by (rebuilt from the packed layout for
/// each computation, O(H·(H+I)), so a session keeps no second copy).
struct GRUDerivativeWeights {
    let inputSize: Int, hiddenSize: Int, resetAfter: Bool
    let input: [Float], recurrent: [Float]

    init(weights: GRUWeights) {
        inputSize = weights.inputSize
        hiddenSize = weights.hiddenSize
        resetAfter = weights.resetAfter
        input = weights.inputWeights
        recurrent = weights.recurrentWeights
    }

    func withModel<R>(pins: GatePins, _ body: (UnsafePointer<cgru_derivative_model>) -> R) -> R {
        input.withUnsafeBufferPointer { w in
            recurrent.withUnsafeBufferPointer { u in
                var model = cgru_derivative_model(
                    input_size: Int32(inputSize), hidden_size: Int32(hiddenSize), reset_after: resetAfter ? 1 : 0,
                    pinned_r: pins.r == nil ? 0 : 1, pinned_z: pins.z == nil ? 0 : 1,
                    input_weights: w.baseAddress, recurrent_weights: u.baseAddress)
                return body(&model)
            }
        }
    }
}

/// Floats shared by the worker threads of one computation, each writing its own part.
struct SharedFloats: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>

    init(count: Int) {
        base = .allocate(capacity: max(1, count))
        base.initialize(repeating: 0, count: max(1, count))
    }

    func free() { base.deallocate() }
}

/// What every worker of a step reads; the pointers are valid for the call that made it.
final class SharedContext: @unchecked Sendable {
    let values: [cgru_step_values]
    let model: UnsafePointer<cgru_derivative_model>
    let coefficients: UnsafePointer<Float>

    init(values: [cgru_step_values], model: UnsafePointer<cgru_derivative_model>, coefficients: UnsafePointer<Float>) {
        self.values = values
        self.model = model
        self.coefficients = coefficients
    }
}
