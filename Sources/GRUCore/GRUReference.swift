import Foundation

/// The GRU written the plainest way: the specification of gruscope's maths.
///
/// Everything fast in GRUCore (the C kernels of ``GRUCell``, the sequences of ``GRUSequence``
/// and the derivatives behind their influence) computes what this type says, and the tests
/// hold them to it. It reads like the formulas, loop by loop, in Double where sums are taken;
/// it is slow on purpose and allocates freely.
///
/// One step, for input x (I values) and state h (H values), with the weights' canonical
/// arrays (``GRUWeights``: W 3H×I and U 3H×H with row blocks r, z, candidate, and the biases
/// b_i, b_h of 3H each):
///
///     a_r = W_r·x + b_ir + U_r·h + b_hr          r = σ(a_r)      (or the pinned r)
///     a_z = W_z·x + b_iz + U_z·h + b_hz          z = σ(a_z)      (or the pinned z)
///     reset before (resetAfter == false):  a_c = W_c·x + b_ic + U_c·(r⊙h) + b_hc
///     reset after  (resetAfter == true):   a_c = W_c·x + b_ic + r⊙n,   n = U_c·h + b_hc
///     h̃ = tanh(a_c)
///     h′ = z⊙h + (1−z)⊙h̃          kept = z⊙h,   added = (1−z)⊙h̃
///
/// A pinned gate is a constant: it takes the given values, and no derivative flows through it
/// (its pre-activation is still computed and reported).
///
/// The derivatives of one step, by the chain rule on those lines, for unit i and k:
///
///     α_i = (h_i − h̃_i)·z_i(1−z_i)    (0 when z is pinned)     ∂h′_i/∂a_z,i
///     β_i = (1−z_i)(1−h̃_i²)                                      ∂h′_i/∂a_c,i
///     ρ_i = r_i(1−r_i)                (0 when r is pinned)      ∂r_i/∂a_r,i
///
///     reset before:
///       ∂h′_i/∂h_k = z_i·δ_ik + α_i·U_z[i,k]
///                    + β_i·(U_c[i,k]·r_k + Σ_m U_c[i,m]·h_m·ρ_m·U_r[m,k])
///       ∂h′_i/∂x_k = α_i·W_z[i,k] + β_i·(W_c[i,k] + Σ_m U_c[i,m]·h_m·ρ_m·W_r[m,k])
///     reset after:
///       ∂h′_i/∂h_k = z_i·δ_ik + α_i·U_z[i,k] + β_i·(r_i·U_c[i,k] + n_i·ρ_i·U_r[i,k])
///       ∂h′_i/∂x_k = α_i·W_z[i,k] + β_i·(W_c[i,k] + n_i·ρ_i·W_r[i,k])
///
/// Over a sequence, h_t depends on x_s (s ≤ t) through the chain
/// ∂h_t/∂x_s = (∂h_t/∂h_{t−1})···(∂h_{s+1}/∂h_s)·(∂h_s/∂x_s), an H×I matrix; its Frobenius
/// norm is the *influence* of x_s on h_t, and the norm of its row j the influence on unit j.
/// The *retention* of unit j from s to t is ∏_{k=s+1..t} z_k[j], the share of h_s[j] that the
/// direct path (the z⊙h term alone) still carries at t.
public struct GRUReference: Sendable {
    /// The weights this reference computes with.
    public let weights: GRUWeights
    private let inputWeights: [Float]
    private let recurrentWeights: [Float]
    private let inputBias: [Float]
    private let recurrentBias: [Float]

    /// A reference for these weights (it copies their canonical arrays once).
    public init(weights: GRUWeights) {
        self.weights = weights
        inputWeights = weights.inputWeights
        recurrentWeights = weights.recurrentWeights
        inputBias = weights.inputBias
        recurrentBias = weights.recurrentBias
    }

    private var hiddenSize: Int { weights.hiddenSize }
    private var inputSize: Int { weights.inputSize }

    /// Row `row` of W·x + b_i, in Double.
    private func input(_ row: Int, _ x: [Float]) -> Double {
        var sum = Double(inputBias[row])
        for k in 0..<inputSize { sum += Double(inputWeights[row * inputSize + k]) * Double(x[k]) }
        return sum
    }

    /// Row `row` of U·v + b_h, in Double.
    private func recurrent(_ row: Int, _ v: [Float]) -> Double {
        var sum = Double(recurrentBias[row])
        for k in 0..<hiddenSize { sum += Double(recurrentWeights[row * hiddenSize + k]) * Double(v[k]) }
        return sum
    }

    /// One step: the sums in Double, each vector rounded to Float as the trace stores it.
    public func step(x: [Float], h: [Float], pins: GatePins = GatePins()) -> GRUTrace {
        precondition(x.count == inputSize && h.count == hiddenSize, "x and h must match the weights' sizes")
        let n = hiddenSize
        var trace = GRUTrace(inputSize: inputSize, hiddenSize: n)
        trace.x = x
        trace.hPrev = h
        trace.pinned = pins.gates
        for j in 0..<n {
            trace.rPre[j] = Float(input(j, x) + recurrent(j, h))
            trace.zPre[j] = Float(input(n + j, x) + recurrent(n + j, h))
            trace.r[j] = pins.r?[j] ?? Activation.sigmoid(trace.rPre[j])
            trace.z[j] = pins.z?[j] ?? Activation.sigmoid(trace.zPre[j])
        }
        let resetState = (0..<n).map { trace.r[$0] * h[$0] }
        for j in 0..<n {
            let row = 2 * n + j
            let pre = weights.resetAfter
                ? input(row, x) + Double(trace.r[j]) * recurrent(row, h)
                : input(row, x) + recurrent(row, resetState)
            trace.candidatePre[j] = Float(pre)
            trace.candidate[j] = Activation.tanh(trace.candidatePre[j])
            trace.kept[j] = trace.z[j] * h[j]
            trace.added[j] = (1 - trace.z[j]) * trace.candidate[j]
            trace.h[j] = trace.kept[j] + trace.added[j]
        }
        return trace
    }

    /// Every step of a sequence from `h0`, each from the last one's h.
    public func run(inputs: [[Float]], h0: [Float], pins: GatePins = GatePins()) -> [GRUTrace] {
        var state = h0
        return inputs.map { x in
            let trace = step(x: x, h: state, pins: pins)
            state = trace.h
            return trace
        }
    }

    /// Every state of a sequence with every operation in Double (the weights as stored): the
    /// function whose derivatives ``stepJacobians(x:h:pins:)`` are, precise enough for finite
    /// differences.
    public func doubleStates(inputs: [[Double]], h0: [Double], pins: GatePins = GatePins()) -> [[Double]] {
        let n = hiddenSize, i = inputSize
        func sigmoid(_ a: Double) -> Double { 1 / (1 + exp(-a)) }
        func row(_ matrix: [Float], _ r: Int, _ width: Int, _ v: [Double]) -> Double {
            var sum = 0.0
            for k in 0..<width { sum += Double(matrix[r * width + k]) * v[k] }
            return sum
        }
        var h = h0
        return inputs.map { x in
            var r = [Double](repeating: 0, count: n), z = r, next = r
            for j in 0..<n {
                let aR = row(inputWeights, j, i, x) + Double(inputBias[j]) + row(recurrentWeights, j, n, h) + Double(recurrentBias[j])
                let aZ = row(inputWeights, n + j, i, x) + Double(inputBias[n + j])
                    + row(recurrentWeights, n + j, n, h) + Double(recurrentBias[n + j])
                r[j] = pins.r.map { Double($0[j]) } ?? sigmoid(aR)
                z[j] = pins.z.map { Double($0[j]) } ?? sigmoid(aZ)
            }
            let resetState = (0..<n).map { r[$0] * h[$0] }
            for j in 0..<n {
                let c = 2 * n + j
                let inputPart = row(inputWeights, c, i, x) + Double(inputBias[c])
                let candidate = weights.resetAfter
                    ? tanh(inputPart + r[j] * (row(recurrentWeights, c, n, h) + Double(recurrentBias[c])))
                    : tanh(inputPart + row(recurrentWeights, c, n, resetState) + Double(recurrentBias[c]))
                next[j] = z[j] * h[j] + (1 - z[j]) * candidate
            }
            h = next
            return next
        }
    }

    /// The Jacobians of one step in Double, row-major: `state` = ∂h′/∂h (H×H) and
    /// `input` = ∂h′/∂x (H×I), term by term as the formulas above say.
    public func stepJacobians(x: [Float], h: [Float], pins: GatePins = GatePins())
        -> (state: [Double], input: [Double])
    {
        precondition(x.count == inputSize && h.count == hiddenSize, "x and h must match the weights' sizes")
        let n = hiddenSize, i = inputSize
        func sigmoid(_ a: Double) -> Double { 1 / (1 + exp(-a)) }
        var r = [Double](repeating: 0, count: n), z = r, rho = r, zSlope = r
        for j in 0..<n {
            let rValue = sigmoid(input(j, x) + recurrent(j, h))
            let zValue = sigmoid(input(n + j, x) + recurrent(n + j, h))
            r[j] = pins.r.map { Double($0[j]) } ?? rValue
            z[j] = pins.z.map { Double($0[j]) } ?? zValue
            rho[j] = pins.r == nil ? rValue * (1 - rValue) : 0
            zSlope[j] = pins.z == nil ? zValue * (1 - zValue) : 0
        }
        let w = inputWeights.map(Double.init), u = recurrentWeights.map(Double.init)
        func wAt(_ block: GateBlock, _ j: Int, _ k: Int) -> Double { w[(block.rawValue * n + j) * i + k] }
        func uAt(_ block: GateBlock, _ j: Int, _ k: Int) -> Double { u[(block.rawValue * n + j) * n + k] }
        var candidate = [Double](repeating: 0, count: n), recurrentPart = candidate
        for j in 0..<n {
            let row = 2 * n + j
            if weights.resetAfter {
                recurrentPart[j] = recurrent(row, h)
                candidate[j] = tanh(input(row, x) + r[j] * recurrentPart[j])
            } else {
                var sum = Double(recurrentBias[row])
                for m in 0..<n { sum += uAt(.candidate, j, m) * r[m] * Double(h[m]) }
                candidate[j] = tanh(input(row, x) + sum)
            }
        }
        var state = [Double](repeating: 0, count: n * n), inputJacobian = [Double](repeating: 0, count: n * i)
        for j in 0..<n {
            let alpha = (Double(h[j]) - candidate[j]) * zSlope[j]
            let beta = (1 - z[j]) * (1 - candidate[j] * candidate[j])
            for k in 0..<n {
                var throughCandidate: Double
                if weights.resetAfter {
                    throughCandidate = r[j] * uAt(.candidate, j, k) + recurrentPart[j] * rho[j] * uAt(.reset, j, k)
                } else {
                    throughCandidate = uAt(.candidate, j, k) * r[k]
                    for m in 0..<n { throughCandidate += uAt(.candidate, j, m) * Double(h[m]) * rho[m] * uAt(.reset, m, k) }
                }
                state[j * n + k] = (j == k ? z[j] : 0) + alpha * uAt(.update, j, k) + beta * throughCandidate
            }
            for k in 0..<i {
                var throughCandidate = wAt(.candidate, j, k)
                if weights.resetAfter {
                    throughCandidate += recurrentPart[j] * rho[j] * wAt(.reset, j, k)
                } else {
                    for m in 0..<n { throughCandidate += uAt(.candidate, j, m) * Double(h[m]) * rho[m] * wAt(.reset, m, k) }
                }
                inputJacobian[j * i + k] = alpha * wAt(.update, j, k) + beta * throughCandidate
            }
        }
        return (state, inputJacobian)
    }

    /// The influence of every input on every later state, by multiplying the step Jacobians out:
    /// element [t][s] is ‖∂h_t/∂x_s‖_F for s ≤ t and 0 above the diagonal. With `unit`, the
    /// norm of row `unit` only: ‖∂h_t[unit]/∂x_s‖₂. O(T²·H²·I): for checking, on small cells.
    public func influence(inputs: [[Float]], h0: [Float], pins: GatePins = GatePins(), unit: Int? = nil) -> [[Double]] {
        let n = hiddenSize, i = inputSize, steps = inputs.count
        let traces = run(inputs: inputs, h0: h0, pins: pins)
        let jacobians = inputs.indices.map { t in stepJacobians(x: inputs[t], h: traces[t].hPrev, pins: pins) }
        var result = [[Double]](repeating: [Double](repeating: 0, count: steps), count: steps)
        for s in 0..<steps {
            var chain = jacobians[s].input  // ∂h_t/∂x_s, H×I, for t = s first
            for t in s..<steps {
                if t > s {
                    let step = jacobians[t].state
                    var next = [Double](repeating: 0, count: n * i)
                    for a in 0..<n { for b in 0..<n { for c in 0..<i { next[a * i + c] += step[a * n + b] * chain[b * i + c] } } }
                    chain = next
                }
                let rows = unit.map { $0..<($0 + 1) } ?? 0..<n
                var squares = 0.0
                for a in rows { for c in 0..<i { squares += chain[a * i + c] * chain[a * i + c] } }
                result[t][s] = squares.squareRoot()
            }
        }
        return result
    }

    /// ∏_{k=s+1..t} z_k[unit] for s = 0…t, from the steps' z.
    public func retention(inputs: [[Float]], h0: [Float], pins: GatePins = GatePins(), at t: Int, unit: Int) -> [Double] {
        let traces = run(inputs: Array(inputs[0...t]), h0: h0, pins: pins)
        var result = [Double](repeating: 1, count: t + 1)
        for s in stride(from: t - 1, through: 0, by: -1) {
            result[s] = result[s + 1] * Double(traces[s + 1].z[unit])
        }
        return result
    }
}
