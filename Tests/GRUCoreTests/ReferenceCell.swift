@testable import GRUCore

/// The cell's formulas written the plainest way (Double sums, the library's sigmoid and tanh),
/// to check the kernels on sizes and conventions the golden traces do not cover.
struct ReferenceCell {
    let weights: GRUWeights

    func step(x: [Float], h: [Float], pins: GatePins = GatePins()) -> GRUTrace {
        let n = weights.hiddenSize, i = weights.inputSize
        let w = weights.inputWeights, u = weights.recurrentWeights
        let inputBias = weights.inputBias, recurrentBias = weights.recurrentBias
        func input(_ row: Int) -> Double {
            var sum = Double(inputBias[row])
            for k in 0..<i { sum += Double(w[row * i + k]) * Double(x[k]) }
            return sum
        }
        func recurrent(_ row: Int, _ v: [Float]) -> Double {
            var sum = Double(recurrentBias[row])
            for k in 0..<n { sum += Double(u[row * n + k]) * Double(v[k]) }
            return sum
        }
        var trace = GRUTrace(inputSize: i, hiddenSize: n)
        trace.x = x
        trace.hPrev = h
        trace.pinned = pins.gates
        for j in 0..<n {
            trace.rPre[j] = Float(input(j) + recurrent(j, h))
            trace.zPre[j] = Float(input(n + j) + recurrent(n + j, h))
            trace.r[j] = pins.r?[j] ?? Activation.sigmoid(trace.rPre[j])
            trace.z[j] = pins.z?[j] ?? Activation.sigmoid(trace.zPre[j])
        }
        let resetState = (0..<n).map { trace.r[$0] * h[$0] }
        for j in 0..<n {
            let row = 2 * n + j
            let pre = weights.resetAfter
                ? input(row) + Double(trace.r[j]) * recurrent(row, h)
                : input(row) + recurrent(row, resetState)
            trace.candidatePre[j] = Float(pre)
            trace.candidate[j] = Activation.tanh(trace.candidatePre[j])
            trace.kept[j] = trace.z[j] * h[j]
            trace.added[j] = (1 - trace.z[j]) * trace.candidate[j]
            trace.h[j] = trace.kept[j] + trace.added[j]
        }
        return trace
    }
}

/// Whether two traces agree field by field within `tolerance`·max(1, |value|).
func traceDifferences(_ a: GRUTrace, _ b: GRUTrace, tolerance: Float) -> [String] {
    var differences: [String] = []
    for field in TraceField.allCases {
        for (k, (x, y)) in zip(a[field], b[field]).enumerated() where !(abs(x - y) <= tolerance * max(1, abs(y))) {
            differences.append("\(field.rawValue)[\(k)]: \(x) vs \(y)")
        }
        if a[field].count != b[field].count { differences.append("\(field.rawValue) length") }
    }
    if a.pinned != b.pinned { differences.append("pinned \(a.pinned) vs \(b.pinned)") }
    return differences
}

/// Uniform values on [-scale, scale) from the seeded generator.
func randomValues(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in random.uniform(-scale, scale) }
}
