import CGRUKernel
import Foundation
import Testing
@testable import GRUCore

/// Influence and retention against PyTorch's autograd, the readable reference and finite
/// differences; and the matrix products under them against plain loops, on every kernel path.
@Suite struct InfluenceTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/influence")

    /// Relative agreement with a floor for values near zero.
    static func close(_ a: Float, _ b: Double, _ tolerance: Double = 1e-4, floor: Double = 1e-6) -> Bool {
        abs(Double(a) - b) <= tolerance * max(abs(b), floor)
    }

    @Test(arguments: ["reset-after", "reset-after-pinned-z", "reset-before", "reset-before-pinned", "reset-before-pinned-r"])
    func matchesTorchAutograd(_ name: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("\(name).json"))
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let i = try #require(json["input_size"] as? Int), h = try #require(json["hidden_size"] as? Int)
        let resetAfter = try #require(json["reset_after"] as? Bool)
        func floats(_ key: String) -> [Float] { (json[key] as? [Double] ?? []).map(Float.init) }
        let weights = try GRUWeights(
            inputSize: i, hiddenSize: h, variant: resetAfter ? .pytorch : .tfGRUCell, resetAfter: resetAfter,
            inputWeights: floats("input_weights"), recurrentWeights: floats("recurrent_weights"),
            inputBias: floats("input_bias"), recurrentBias: floats("recurrent_bias"))
        var pins = GatePins()
        if let r = json["pin_r"] as? [Double] { try pins.pin(.r, to: r.map(Float.init), hiddenSize: h) }
        if let z = json["pin_z"] as? [Double] { try pins.pin(.z, to: z.map(Float.init), hiddenSize: h) }
        let inputs = try #require(json["inputs"] as? [[Double]]).map { $0.map(Float.init) }
        var sequence = try GRUSequence(weights: weights, h0: floats("h0"), pins: pins, steps: inputs)
        try sequence.compute()
        let expected = try #require(json["influence"] as? [[Double]])
        let unit = try #require(json["unit"] as? Int)
        let last = inputs.count - 1
        let matrix = try sequence.influenceMatrix()
        for t in 0..<inputs.count {
            for s in 0..<inputs.count {
                #expect(Self.close(matrix[t, s], expected[t][s]), "\(name) [\(t)][\(s)]: \(matrix[t, s]) vs \(expected[t][s])")
            }
        }
        let row = try sequence.influence(at: last, units: [unit])
        let unitExpected = try #require(json["unit_influence"] as? [Double])
        let single = try sequence.unitInfluence(at: last, unit: unit)
        for s in 0...last {
            #expect(Self.close(row.total[s], expected[last][s]), "\(name) row \(s)")
            #expect(Self.close(row.perUnit[unit]?[s] ?? -1, unitExpected[s]), "\(name) unit \(unit) at \(s)")
            #expect(Self.close(single[s], unitExpected[s]), "\(name) one row at \(s)")
        }
        let retention = try #require(json["retention"] as? [Double])
        for (s, value) in sequence.retention(at: last, unit: unit).enumerated() {
            #expect(Self.close(value, retention[s], 1e-5, floor: 1e-12), "\(name) retention \(s)")
        }
    }

    static let cases: [(variant: GRUVariant, inputSize: Int, hiddenSize: Int, pin: Set<Gate>)] = [
        (.pytorch, 3, 5, []), (.tfGRUCell, 2, 6, []), (.keras, 4, 3, [.z]), (.tfGRUCell, 3, 4, [.r]),
        (.pytorch, 2, 4, [.r, .z]), (.tfGRUCell, 1, 9, [.r, .z]),
    ]

    static func pins(_ gates: Set<Gate>, hiddenSize: Int) throws -> GatePins {
        var pins = GatePins()
        for gate in gates { try pins.pin(gate, to: randomValues(hiddenSize, seed: 77).map(abs), hiddenSize: hiddenSize) }
        return pins
    }

    @Test func theReferenceAgreesWithFiniteDifferences() throws {
        for (index, c) in Self.cases.enumerated() {
            let weights = try WeightInitializer.weights(variant: c.variant, inputSize: c.inputSize, hiddenSize: c.hiddenSize, seed: UInt64(index))
            let pins = try Self.pins(c.pin, hiddenSize: c.hiddenSize)
            let reference = GRUReference(weights: weights)
            let inputs = (0..<7).map { randomValues(c.inputSize, scale: 1.5, seed: UInt64(10 * index + $0)) }
            let h0 = randomValues(c.hiddenSize, seed: UInt64(index))
            let analytic = reference.influence(inputs: inputs, h0: h0, pins: pins)
            let numeric = Self.finiteDifferences(reference, inputs: inputs, h0: h0, pins: pins)
            for t in 0..<7 {
                for s in 0..<7 {
                    #expect(abs(analytic[t][s] - numeric[t][s]) <= 1e-6 * max(1, numeric[t][s]), "case \(index) [\(t)][\(s)]")
                }
            }
        }
    }

    /// ‖∂h_t/∂x_s‖_F by central differences of the all-Double forward pass.
    static func finiteDifferences(_ reference: GRUReference, inputs: [[Float]], h0: [Float], pins: GatePins) -> [[Double]] {
        let steps = inputs.count, eps = 1e-6
        let base = inputs.map { $0.map(Double.init) }, start = h0.map(Double.init)
        var squares = [[Double]](repeating: [Double](repeating: 0, count: steps), count: steps)
        for s in 0..<steps {
            for k in 0..<inputs[s].count {
                var plus = base, minus = base
                plus[s][k] += eps
                minus[s][k] -= eps
                let up = reference.doubleStates(inputs: plus, h0: start, pins: pins)
                let down = reference.doubleStates(inputs: minus, h0: start, pins: pins)
                for t in s..<steps {
                    for j in up[t].indices {
                        let d = (up[t][j] - down[t][j]) / (2 * eps)
                        squares[t][s] += d * d
                    }
                }
            }
        }
        return squares.map { $0.map { $0.squareRoot() } }
    }

    @Test(arguments: GRUKernelPath.available)
    func theEngineAgreesWithTheReferenceAndFiniteDifferences(_ path: GRUKernelPath) throws {
        for (index, c) in Self.cases.enumerated() {
            let weights = try WeightInitializer.weights(variant: c.variant, inputSize: c.inputSize, hiddenSize: c.hiddenSize, seed: UInt64(index))
            let pins = try Self.pins(c.pin, hiddenSize: c.hiddenSize)
            let inputs = (0..<9).map { randomValues(c.inputSize, scale: 1.5, seed: UInt64(10 * index + $0)) }
            let h0 = randomValues(c.hiddenSize, seed: UInt64(index))
            var sequence = try GRUSequence(weights: weights, h0: h0, pins: pins, steps: inputs)
            sequence.kernelPath = path
            try sequence.compute()
            let reference = GRUReference(weights: weights)
            let expected = reference.influence(inputs: inputs, h0: h0, pins: pins)
            let numeric = Self.finiteDifferences(reference, inputs: inputs, h0: h0, pins: pins)
            let matrix = try sequence.influenceMatrix()
            let unit = c.hiddenSize - 1
            let unitExpected = reference.influence(inputs: inputs, h0: h0, pins: pins, unit: unit)
            for t in 0..<9 {
                let row = try sequence.influence(at: t, units: [0, unit])
                let single = try sequence.unitInfluence(at: t, unit: unit)
                for s in 0..<9 {
                    let want = expected[t][s]
                    if s > t {
                        #expect(matrix[t, s] == 0)
                        continue
                    }
                    #expect(Self.close(matrix[t, s], want), "\(path) case \(index) matrix [\(t)][\(s)]: \(matrix[t, s]) vs \(want)")
                    #expect(Self.close(matrix[t, s], numeric[t][s], 1e-3), "\(path) case \(index) vs finite differences [\(t)][\(s)]")
                    #expect(Self.close(row.total[s], want), "\(path) case \(index) row \(t) [\(s)]")
                    #expect(Self.close(row.perUnit[unit]![s], unitExpected[t][s]), "\(path) case \(index) unit row \(t) [\(s)]")
                    #expect(Self.close(single[s], unitExpected[t][s]), "\(path) case \(index) one row \(t) [\(s)]")
                }
                #expect(row.perUnit.keys.sorted() == [0, unit])
            }
        }
    }

    @Test func workersAndGroupsGiveTheSameNumbers() throws {
        // Big enough for several threads in both modes; the matrix also in groups of 7 inputs.
        for variant in [GRUVariant.pytorch, .tfGRUCell] {
            let weights = try WeightInitializer.weights(variant: variant, inputSize: 8, hiddenSize: 64, seed: 3)
            var sequence = try GRUSequence(
                weights: weights, h0: randomValues(64, seed: 4), inputs: randomValues(8 * 150, scale: 1.5, seed: 5))
            try sequence.compute()
            let full = try sequence.influenceMatrix()
            let grouped = try sequence.influenceMatrix(tangentBudget: 64 * 8 * 7) { _ in true }
            let row = try sequence.influence(at: 149)
            let early = try sequence.influence(at: 70)
            for s in 0..<150 {
                #expect(abs(full[149, s] - row.total[s]) <= 1e-4 * max(row.total[s], 1e-6), "\(variant) row vs matrix at \(s)")
                #expect(abs(full[149, s] - grouped[149, s]) <= 1e-5 * max(full[149, s], 1e-6), "\(variant) grouped at \(s)")
                if s <= 70 { #expect(abs(full[70, s] - early.total[s]) <= 1e-4 * max(early.total[s], 1e-6)) }
            }
            #expect(full.values == grouped.values || zip(full.values, grouped.values).allSatisfy { abs($0 - $1) <= 1e-5 * max(abs($1), 1e-6) })
        }
    }

    @Test func influenceStopsWhenAsked() throws {
        let weights = try WeightInitializer.weights(variant: .pytorch, inputSize: 2, hiddenSize: 8)
        var sequence = try GRUSequence(weights: weights, h0: [Float](repeating: 0, count: 8), inputs: randomValues(2 * 300, seed: 1))
        try sequence.compute()
        var calls = 0
        #expect(throws: GRUInterrupted.self) { _ = try sequence.influence(at: 299) { _ in calls += 1; return false } }
        #expect(calls == 1)
        var reports: [GRUProgress] = []
        #expect(throws: GRUInterrupted.self) { _ = try sequence.influenceMatrix { reports.append($0); return reports.count < 2 } }
        #expect(reports.count == 2 && reports[0].total == 300 * 301 / 2 && reports[1].done > reports[0].done)
    }

    @Test(arguments: TestedPath.all)
    func matrixProductsMatchPlainLoops(_ path: TestedPath) throws {
        let cPath: cgru_path
        switch path {
        case let .kernel(kernel): cPath = kernel.cPath
        case .avx512OnAVX2: cPath = CGRU_PATH_AVX512_CHECK
        }
        var work = [Float](repeating: 0, count: cgru_gemm_work_count())
        // Sizes around the tile (6 × 8/16/32) and the blocking (256 deep, 256 wide, 96 tall).
        for (m, n, k) in [(1, 1, 1), (2, 50, 7), (1, 70, 300), (6, 16, 5), (7, 17, 3), (13, 40, 300), (97, 33, 257), (5, 300, 20), (100, 9, 0)] {
            let lda = k + 3, ldb = n + 2, ldc = n + 5
            let a = randomValues(m * lda, seed: 1), b = randomValues(max(k, 1) * ldb, seed: 2)
            for accumulate in [false, true] {
                var c = randomValues(m * ldc, seed: 3)
                let before = c
                work.withUnsafeMutableBufferPointer { w in
                    cgru_gemm(cPath, Int32(m), Int32(n), Int32(k), a, lda, b, ldb, &c, ldc, accumulate ? 1 : 0, w.baseAddress)
                }
                for row in 0..<m {
                    for column in 0..<ldc {
                        guard column < n else {
                            #expect(c[row * ldc + column] == before[row * ldc + column], "padding kept")
                            continue
                        }
                        var sum = accumulate ? Double(before[row * ldc + column]) : 0
                        for x in 0..<k { sum += Double(a[row * lda + x]) * Double(b[x * ldb + column]) }
                        #expect(abs(Double(c[row * ldc + column]) - sum) <= 1e-5 * Double(max(k, 1)), "\(path) \(m)×\(n)×\(k) [\(row), \(column)]")
                    }
                }
            }
        }
    }
}
