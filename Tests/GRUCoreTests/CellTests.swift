import Testing
@testable import GRUCore

@Suite struct CellTests {
    @Test func sigmoidIsStableAtTheExtremes() {
        #expect(Activation.sigmoid(1e30) == 1)
        #expect(Activation.sigmoid(-1e30) == 0)
        #expect(Activation.sigmoid(0) == 0.5)
        #expect(Activation.sigmoid(-100) > 0 || Activation.sigmoid(-100) == 0)
        #expect(!Activation.sigmoid(-1e30).isNaN)
        #expect(Activation.tanh(1e30) == 1)
        #expect(Activation.tanh(-1e30) == -1)
    }

    @Test func hugeInputsSaturateCleanly() throws {
        let weights = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 4, hiddenSize: 5)
        var cell = GRUCell(weights: weights)
        for value: Float in [1e30, -1e30] {
            let trace = cell.step(x: [value, -value, value, value], h: [1e30, -1e30, 0, 1, -1])
            for field in TraceField.allCases {
                #expect(trace[field].allSatisfy { $0.isFinite }, "\(field) is not finite for \(value)")
            }
            #expect(trace.r.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(trace.candidate.allSatisfy { abs($0) == 1 })
        }
    }

    @Test func pinnedGatesReplaceTheComputedOnes() throws {
        let weights = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 4, hiddenSize: 6)
        var cell = GRUCell(weights: weights)
        var pins = GatePins()
        try pins.pin(.z, to: [0.1, 0.2, 0.1, 0.3, 0.5, 0.0], hiddenSize: 6)
        let trace = cell.step(x: [1, 2, 3, 1], h: [1, 2, 0, 1, 4, 3], pins: pins)
        #expect(trace.z == [0.1, 0.2, 0.1, 0.3, 0.5, 0.0])
        let expectedKept: [Float] = [0.1, 0.4, 0, 0.3, 2, 0]
        for (a, b) in zip(trace.kept, expectedKept) { #expect(abs(a - b) < 1e-6) }
        #expect(trace.pinned == [.z])
        let free = cell.step(x: [1, 2, 3, 1], h: [1, 2, 0, 1, 4, 3])
        #expect(free.zPre == trace.zPre, "pre-activations are reported even when pinned")
        #expect(free.z != trace.z)
    }

    @Test func pinsRefuseBadValues() {
        var pins = GatePins()
        #expect(throws: GatePinError.self) { try pins.pin(.r, to: [0.5, .nan], hiddenSize: 2) }
        #expect(throws: GatePinError.self) { try pins.pin(.r, to: [0.5, 1.5], hiddenSize: 2) }
        #expect(throws: GatePinError.self) { try pins.pin(.r, to: [0.5], hiddenSize: 2) }
        #expect(pins == GatePins())
    }

    @Test func seedsAreDeterministic() throws {
        for variant in GRUVariant.allCases {
            let a = try WeightInitializer.weights(variant: variant, inputSize: 3, hiddenSize: 4, seed: 7)
            let b = try WeightInitializer.weights(variant: variant, inputSize: 3, hiddenSize: 4, seed: 7)
            let c = try WeightInitializer.weights(variant: variant, inputSize: 3, hiddenSize: 4, seed: 8)
            #expect(a == b)
            #expect(a != c)
        }
        var random = SeededGenerator(seed: 42)
        // Pinned values: the same on every machine and Swift version.
        #expect(random.next() == 13_679_457_532_755_275_413)
    }

    @Test func tensorFlowDefaultsFollowTheArticle() throws {
        let w = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 4, hiddenSize: 5)
        #expect(w.inputBias[0..<10].allSatisfy { $0 == 1 }, "gate bias 1.0")
        #expect(w.inputBias[10..<15].allSatisfy { $0 == 0 }, "candidate bias 0.0")
        let gateLimit = (6 / Float(4 + 5 + 10)).squareRoot()
        #expect(w.inputWeights[0..<40].allSatisfy { abs($0) <= gateLimit })
        #expect(!w.resetAfter)
    }

    @Test func tensorFlowDefaultsAreTheConvertedKernels() throws {
        // The direct draw must give exactly what drawing TensorFlow's kernels and converting
        // them gives, so seeds keep their weights.
        for (i, h, seed) in [(4, 5, UInt64(2017)), (3, 7, 1), (1, 1, 9), (5, 33, 3)] {
            var random = SeededGenerator(seed: seed)
            let gates = WeightInitializer.glorot(rows: i + h, columns: 2 * h, using: &random)
            let candidate = WeightInitializer.glorot(rows: i + h, columns: h, using: &random)
            let converted = try GRUWeights.tensorFlow(
                inputSize: i, hiddenSize: h, gatesKernel: gates, gatesBias: [Float](repeating: 1, count: 2 * h),
                candidateKernel: candidate, candidateBias: [Float](repeating: 0, count: h))
            #expect(try WeightInitializer.weights(variant: .tfGRUCell, inputSize: i, hiddenSize: h, seed: seed) == converted)
        }
    }

    @Test func pyTorchDefaultsAreTheSequentialDraws() throws {
        // Drawn straight into the packed layout, yet the same numbers as drawing weight_ih,
        // weight_hh, bias_ih and bias_hh one after another.
        for (i, h, seed) in [(4, 5, UInt64(2017)), (2, 35, 11)] {
            var random = SeededGenerator(seed: seed)
            let bound = 1 / Float(h).squareRoot()
            func draw(_ count: Int) -> [Float] { (0..<count).map { _ in random.uniform(-bound, bound) } }
            let weightIH = draw(3 * h * i), weightHH = draw(3 * h * h), biasIH = draw(3 * h), biasHH = draw(3 * h)
            let expected = try GRUWeights.pyTorch(
                inputSize: i, hiddenSize: h, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH)
            #expect(try WeightInitializer.weights(variant: .pytorch, inputSize: i, hiddenSize: h, seed: seed) == expected)
        }
    }

    @Test func orthogonalRecurrentBlocksForKeras() throws {
        let w = try WeightInitializer.weights(variant: .keras, inputSize: 2, hiddenSize: 4)
        for block in GateBlock.allCases {
            for a in 0..<4 {
                for b in 0..<4 {
                    var dot: Float = 0
                    for k in 0..<4 { dot += w.recurrentWeight(block, unit: a, from: k) * w.recurrentWeight(block, unit: b, from: k) }
                    #expect(abs(dot - (a == b ? 1 : 0)) < 1e-5)
                }
            }
        }
    }

    @Test func dotProductMatchesScalarSumAtEveryLength() {
        for count in 0..<80 {
            let a = (0..<count).map { Float($0 % 7) - 3 }
            let b = (0..<count).map { Float($0 % 5) * 0.5 }
            let expected = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let got = a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    DotProduct.dot(pa.baseAddress ?? UnsafePointer(bitPattern: 16)!, pb.baseAddress ?? UnsafePointer(bitPattern: 16)!, count: count)
                }
            }
            #expect(got == expected, "length \(count)")
        }
    }
}
