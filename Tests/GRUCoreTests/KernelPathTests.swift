import Foundation
import Testing
@testable import GRUCore

/// Every compiled kernel path this CPU runs, forced one at a time, against the frameworks'
/// traces, a plain reference and each other; and the sequence API against single steps.
@Suite struct KernelPathTests {
    static let goldenCases = [
        "tf-seed-code", "tf-seed-doc", "tf-seq", "tf-saturated", "tf-wide",
        "keras-reset-before", "keras-reset-after", "pytorch-seq", "pytorch-wide",
    ]

    /// Sizes around the vector widths (4, 8, 16) and the panel height (32), both conventions.
    static let shapes: [(inputSize: Int, hiddenSize: Int, variant: GRUVariant)] = [
        (1, 1, .pytorch), (4, 5, .tfGRUCell), (3, 7, .keras), (8, 16, .pytorch), (5, 17, .tfGRUCell),
        (40, 33, .pytorch), (33, 64, .tfGRUCell), (17, 70, .keras), (2, 100, .tfGRUCell),
    ]

    @Test func theBaselineIsAlwaysAvailable() throws {
        #expect(GRUKernelPath.baseline.isAvailable)
        #expect(GRUKernelPath.best.isAvailable)
        #expect(GRUKernelPath.available.contains(GRUKernelPath.best))
        let weights = try WeightInitializer.weights(variant: .pytorch, inputSize: 1, hiddenSize: 1)
        #expect(GRUCell(weights: weights).kernelPath == .best)
    }

    @Test func theAVX512CodeComputesExactlyWhatTheAVX2CodeDoes() throws {
        // Same formulas and the same order of additions per output: only the vector width and
        // the blocking differ, so the results must be identical, not merely close.
        guard GRUKernelPath.avx2.isAvailable else { return }
        for (index, shape) in Self.shapes.enumerated() {
            let weights = try WeightInitializer.weights(
                variant: shape.variant, inputSize: shape.inputSize, hiddenSize: shape.hiddenSize,
                seed: UInt64(index))
            let inputs = randomValues(40 * shape.inputSize, seed: UInt64(index))
            let h0 = randomValues(shape.hiddenSize, seed: 1)
            var avx2 = GRUCell(weights: weights), wide = avx2
            avx2.kernelPath = .avx2
            TestedPath.avx512OnAVX2.configure(&wide)
            #expect(avx2.finalState(flatInputs: inputs, h0: h0) == wide.finalState(flatInputs: inputs, h0: h0))
            let x = Array(inputs.prefix(shape.inputSize))
            #expect(avx2.step(x: x, h: h0) == wide.step(x: x, h: h0))
        }
    }

    @Test(arguments: TestedPath.all, goldenCases)
    func matchesFrameworkOnEveryPath(_ path: TestedPath, _ name: String) throws {
        let trace = try GoldenCoreTests.json("\(name).json")
        let i = try #require(trace["input_size"] as? Int), h = try #require(trace["hidden_size"] as? Int)
        let weights = try GoldenCoreTests.weights(name, inputSize: i, hiddenSize: h)
        let steps = try #require(trace["steps"] as? [[String: Any]])
        let inputs = steps.map { GoldenCoreTests.flat($0["x"]) }
        let h0 = GoldenCoreTests.flat(trace["h0"])
        var cell = GRUCell(weights: weights)
        path.configure(&cell)
        var stepped: [GRUTrace] = []
        var state = h0
        for x in inputs {
            stepped.append(cell.step(x: x, h: state))
            state = stepped[stepped.count - 1].h
        }
        var sequenced: [GRUTrace] = []
        let final = cell.run(inputs: inputs, h0: h0) { _, trace in sequenced.append(trace) }
        #expect(final == state)
        #expect(cell.finalState(inputs: inputs, h0: h0) == state)
        for (t, expected) in steps.enumerated() {
            for field in ["h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                let want = GoldenCoreTests.flat(expected[field])
                let fieldName = try #require(TraceField(rawValue: field))
                for (label, got) in [("step", stepped[t]), ("run", sequenced[t])] {
                    for (k, (a, b)) in zip(got[fieldName], want).enumerated() {
                        #expect(abs(a - b) <= 1e-5 * max(1, abs(b)),
                                "\(path) \(label) \(name) step \(t) \(field)[\(k)]: \(a) vs \(b)")
                    }
                }
            }
        }
    }

    @Test(arguments: TestedPath.all)
    func matchesTheReferenceAtAwkwardSizes(_ path: TestedPath) throws {
        for (index, shape) in Self.shapes.enumerated() {
            let weights = try WeightInitializer.weights(
                variant: shape.variant, inputSize: shape.inputSize, hiddenSize: shape.hiddenSize,
                seed: UInt64(index))
            var cell = GRUCell(weights: weights)
            path.configure(&cell)
            let reference = GRUReference(weights: weights)
            var state = randomValues(shape.hiddenSize, seed: 100 + UInt64(index))
            for t in 0..<4 {
                let x = randomValues(shape.inputSize, scale: 3, seed: UInt64(1000 * index + t))
                let got = cell.step(x: x, h: state)
                let want = reference.step(x: x, h: state)
                let differences = traceDifferences(got, want, tolerance: 1e-5)
                #expect(differences.isEmpty, "\(path) I=\(shape.inputSize) H=\(shape.hiddenSize) \(shape.variant) step \(t): \(differences.prefix(5))")
                state = got.h
            }
        }
    }

    @Test func pathsAgreeWithEachOther() throws {
        let paths = TestedPath.all
        for (index, shape) in Self.shapes.enumerated() {
            let weights = try WeightInitializer.weights(
                variant: shape.variant, inputSize: shape.inputSize, hiddenSize: shape.hiddenSize)
            let inputs = (0..<5).map { randomValues(shape.inputSize, seed: UInt64(7 * index + $0)) }
            let h0 = randomValues(shape.hiddenSize, seed: 99)
            let finals = paths.map { path -> [Float] in
                var cell = GRUCell(weights: weights)
                path.configure(&cell)
                return cell.finalState(inputs: inputs, h0: h0)
            }
            for (path, final) in zip(paths, finals) {
                for (a, b) in zip(final, finals[0]) {
                    #expect(abs(a - b) <= 1e-5, "\(path) vs \(paths[0]) at I=\(shape.inputSize) H=\(shape.hiddenSize)")
                }
            }
        }
    }

    @Test(arguments: TestedPath.all)
    func theSequenceMatchesStepByStepExactly(_ path: TestedPath) throws {
        // More steps than one projected chunk, and a count that does not fill the last one.
        let steps = GRUCell.chunkSteps * 2 + 3
        for (index, shape) in Self.shapes.enumerated() {
            let weights = try WeightInitializer.weights(
                variant: shape.variant, inputSize: shape.inputSize, hiddenSize: shape.hiddenSize,
                seed: UInt64(index))
            let inputs = (0..<steps).map { randomValues(shape.inputSize, scale: 2, seed: UInt64(31 * index + $0)) }
            let h0 = randomValues(shape.hiddenSize, seed: UInt64(index))
            var cell = GRUCell(weights: weights)
            path.configure(&cell)
            var expected: [GRUTrace] = []
            var state = h0
            for x in inputs {
                expected.append(cell.step(x: x, h: state))
                state = expected[expected.count - 1].h
            }
            var seen: [Int] = []
            var mismatches = 0
            let final = cell.run(inputs: inputs, h0: h0) { t, trace in
                seen.append(t)
                if trace != expected[t] { mismatches += 1 }
            }
            #expect(seen == Array(0..<steps))
            #expect(mismatches == 0, "\(path) I=\(shape.inputSize) H=\(shape.hiddenSize): \(mismatches) steps differ")
            #expect(final == state)
            #expect(cell.finalState(inputs: inputs, h0: h0) == state)
            #expect(cell.finalState(flatInputs: inputs.flatMap { $0 }, h0: h0) == state)
        }
    }

    @Test(arguments: TestedPath.all)
    func theFastPathCrossesChunksExactly(_ path: TestedPath) throws {
        // A hidden size large enough that the kernel projects the inputs in several chunks.
        for variant in [GRUVariant.pytorch, .tfGRUCell] {
            let i = 3, h = 600
            let chunk = GRUCell.finalStateChunkSteps(hiddenSize: h)
            let steps = 2 * chunk + 3
            let weights = try WeightInitializer.weights(variant: variant, inputSize: i, hiddenSize: h)
            var cell = GRUCell(weights: weights)
            path.configure(&cell)
            let inputs = randomValues(steps * i, seed: 12)
            let h0 = randomValues(h, seed: 13)
            var state = h0
            for t in 0..<steps {
                state = cell.step(x: Array(inputs[t * i..<(t + 1) * i]), h: state).h
            }
            #expect(chunk < steps / 2)
            #expect(cell.finalState(flatInputs: inputs, h0: h0) == state, "\(path) \(variant)")
        }
    }

    @Test(arguments: TestedPath.all)
    func pinsApplyOnEveryPathAndEveryStep(_ path: TestedPath) throws {
        for variant in GRUVariant.allCases {
            let weights = try WeightInitializer.weights(variant: variant, inputSize: 3, hiddenSize: 11)
            var pins = GatePins()
            try pins.pin(.z, to: randomValues(11, seed: 5).map { abs($0) }, hiddenSize: 11)
            try pins.pin(.r, to: randomValues(11, seed: 6).map { abs($0) }, hiddenSize: 11)
            var cell = GRUCell(weights: weights)
            path.configure(&cell)
            let reference = GRUReference(weights: weights)
            let inputs = (0..<3).map { randomValues(3, seed: UInt64($0)) }
            var state = randomValues(11, seed: 8)
            var sequenced: [GRUTrace] = []
            cell.run(inputs: inputs, h0: state, pins: pins) { _, trace in sequenced.append(trace) }
            for (t, x) in inputs.enumerated() {
                let got = cell.step(x: x, h: state, pins: pins)
                let differences = traceDifferences(got, reference.step(x: x, h: state, pins: pins), tolerance: 1e-5)
                #expect(differences.isEmpty, "\(path) \(variant): \(differences.prefix(3))")
                #expect(got.z == pins.z && got.r == pins.r && got.pinned == [.r, .z])
                #expect(sequenced[t] == got)
                state = got.h
            }
        }
    }

    @Test(arguments: TestedPath.all)
    func activationsMatchTheLibraryOverAWideRange(_ path: TestedPath) throws {
        // Big weights spread the pre-activations over about ±40, through every branch of the
        // kernels' exp, sigmoid and tanh.
        let i = 16, h = 64
        let weights = try GRUWeights(
            inputSize: i, hiddenSize: h, variant: .pytorch, resetAfter: true,
            inputWeights: randomValues(3 * h * i, scale: 4, seed: 1),
            recurrentWeights: randomValues(3 * h * h, scale: 0.5, seed: 2),
            inputBias: randomValues(3 * h, scale: 3, seed: 3), recurrentBias: randomValues(3 * h, seed: 4))
        var cell = GRUCell(weights: weights)
        path.configure(&cell)
        var state = [Float](repeating: 0, count: h)
        var checked = 0
        for t in 0..<50 {
            let x = randomValues(i, scale: Float(t % 5 + 1) * 0.5, seed: UInt64(t))
            let trace = cell.step(x: x, h: state)
            for j in 0..<h {
                for (got, pre, exact) in [
                    (trace.r[j], trace.rPre[j], Activation.sigmoid(trace.rPre[j])),
                    (trace.z[j], trace.zPre[j], Activation.sigmoid(trace.zPre[j])),
                    (trace.candidate[j], trace.candidatePre[j], Activation.tanh(trace.candidatePre[j])),
                ] {
                    // A few units in the last place of the value, or of its distance from 1.
                    let allowed = 4 * max(abs(exact).ulp, Float(1).ulp / 2)
                    #expect(abs(got - exact) <= allowed, "\(path) f(\(pre)) = \(got), library \(exact)")
                    checked += 1
                }
                #expect(trace.h[j] == trace.kept[j] + trace.added[j])
            }
            state = trace.h
        }
        #expect(checked == 50 * h * 3)
    }

    @Test(arguments: TestedPath.all)
    func activationsMatchTheLibraryOnADenseGrid(_ path: TestedPath) throws {
        // Identity input weights and no recurrence: every pre-activation is the input itself, so
        // the kernels' sigmoid and tanh meet every value of the grid, the ends of their branches
        // (|x| = 0.55, where exp leaves its range near ±88) and the extremes.
        let n = 16
        var identity = [Float](repeating: 0, count: 3 * n * n)
        for block in 0..<3 { for j in 0..<n { identity[(block * n + j) * n + j] = 1 } }
        let weights = try GRUWeights(
            inputSize: n, hiddenSize: n, variant: .pytorch, resetAfter: true,
            inputWeights: identity, recurrentWeights: [Float](repeating: 0, count: 3 * n * n),
            inputBias: [Float](repeating: 0, count: 3 * n), recurrentBias: [Float](repeating: 0, count: 3 * n))
        var cell = GRUCell(weights: weights)
        path.configure(&cell)
        var values = (-10_000...10_000).map { Float($0) / 100 }
        let edge: Float = 0.55
        values += [edge, -edge, edge.nextUp, edge.nextDown, 87.3, 87.7, 88, 88.4, 88.8, 89, 90, -87.3, -87.7,
                   -88, -88.4, -88.8, -89, -90, 1e-30, -1e-30, 1e-8, 1e4, -1e4, 1e30, -1e30, .greatestFiniteMagnitude,
                   -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 0, -0.0]
        while values.count % n != 0 { values.append(0.25) }
        let inputs = stride(from: 0, to: values.count, by: n).map { Array(values[$0..<$0 + n]) }
        var worst: (Float, Float, Float) = (0, 0, 0)
        var failures = 0
        let zeros = [Float](repeating: 0, count: n)
        for x in inputs {
            let trace = cell.step(x: x, h: zeros)
            for j in 0..<n {
                for (got, exact) in [(trace.r[j], Activation.sigmoid(x[j])), (trace.candidate[j], Activation.tanh(x[j]))] {
                    let allowed = 4 * max(abs(exact).ulp, Float(1).ulp / 2)
                    if !(abs(got - exact) <= allowed) {
                        failures += 1
                        worst = (x[j], got, exact)
                    }
                }
            }
        }
        #expect(failures == 0, "\(path): \(failures) values off, e.g. f(\(worst.0)) = \(worst.1), library \(worst.2)")
    }

    @Test(arguments: TestedPath.all)
    func hugeValuesSaturateCleanlyOnEveryPath(_ path: TestedPath) throws {
        for variant in GRUVariant.allCases {
            let weights = try WeightInitializer.weights(variant: variant, inputSize: 4, hiddenSize: 5)
            var cell = GRUCell(weights: weights)
            path.configure(&cell)
            for value: Float in [1e30, -1e30, 1e4, -1e4, 90, -90] {
                let trace = cell.step(x: [value, -value, value, value], h: [value, -value, 0, 1, -1])
                for field in TraceField.allCases {
                    #expect(trace[field].allSatisfy { $0.isFinite }, "\(path) \(variant) \(field) for \(value)")
                }
                #expect(trace.r.allSatisfy { $0 >= 0 && $0 <= 1 })
                #expect(trace.candidate.allSatisfy { abs($0) <= 1 })
                if abs(value) >= 1e30 {
                    #expect(trace.r.allSatisfy { $0 == 0 || $0 == 1 }, "\(path) \(variant) r for \(value): \(trace.r)")
                }
            }
        }
    }

    @Test func streamingTracesReusesItsBuffers() throws {
        // A field replaced by a fresh array each step would show up at a second address (the
        // new one is made while the old is still held). Every field must stay put, h and h_prev
        // trading their two buffers. (A copy on write of h alone could slip through, malloc
        // handing back the buffer just freed; the swap in `run` is what prevents that.)
        let weights = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 4, hiddenSize: 37)
        var cell = GRUCell(weights: weights)
        let inputs = (0..<200).map { randomValues(4, seed: UInt64($0)) }
        var pins = GatePins()
        try pins.pin(.z, to: [Float](repeating: 0.5, count: 37), hiddenSize: 37)
        for pinned in [GatePins(), pins] {
            var addresses: [TraceField: Set<UInt>] = [:]
            cell.run(inputs: inputs, h0: [Float](repeating: 0, count: 37), pins: pinned) { _, trace in
                for field in TraceField.allCases {
                    let address = trace[field].withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
                    addresses[field, default: []].insert(address)
                }
            }
            for field in TraceField.allCases {
                let expected = field == .h || field == .hPrev ? 2 : 1
                #expect(addresses[field]?.count == expected, "\(field.rawValue) lived at \(addresses[field]?.count ?? 0) addresses")
            }
            #expect(addresses[.h] == addresses[.hPrev])
        }
    }

    @Test func anEmptySequenceKeepsTheState() throws {
        var cell = GRUCell(weights: try WeightInitializer.weights(variant: .pytorch, inputSize: 2, hiddenSize: 3))
        var calls = 0
        let final = cell.run(inputs: [], h0: [1, 2, 3]) { _, _ in calls += 1 }
        #expect(final == [1, 2, 3])
        #expect(calls == 0)
        #expect(cell.finalState(inputs: [], h0: [1, 2, 3]) == [1, 2, 3])
    }

    @Test func aCopiedCellStepsOnItsOwn() throws {
        let weights = try WeightInitializer.weights(variant: .keras, inputSize: 2, hiddenSize: 9)
        var a = GRUCell(weights: weights)
        var b = a
        let first = a.step(x: [1, -1], h: [Float](repeating: 0.5, count: 9))
        let second = b.step(x: [1, -1], h: [Float](repeating: 0.5, count: 9))
        #expect(first == second)
    }
}
