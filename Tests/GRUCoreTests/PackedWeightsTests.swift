@testable import GRUCore
import Testing

/// The packed layout is the only copy of the weights, so every canonical number must come back
/// out of it unchanged, for sizes that fill whole panels and sizes that leave padding.
@Suite struct PackedWeightsTests {
    /// Distinct, exactly representable values, so a misplaced weight cannot hide.
    private static func values(_ count: Int, tag: Float) -> [Float] {
        (0..<count).map { tag * 10_000 + Float($0) }
    }

    private static func weights(inputSize i: Int, hiddenSize h: Int, resetAfter: Bool) throws -> GRUWeights {
        try GRUWeights(
            inputSize: i, hiddenSize: h, variant: .pytorch, resetAfter: resetAfter,
            inputWeights: values(3 * h * i, tag: 1), recurrentWeights: values(3 * h * h, tag: 2),
            inputBias: values(3 * h, tag: 3), recurrentBias: values(3 * h, tag: 4))
    }

    @Test(arguments: [(1, 1), (4, 5), (3, 31), (2, 32), (7, 33), (1, 70)])
    func canonicalArraysComeBackUnchanged(sizes: (Int, Int)) throws {
        let (i, h) = sizes
        for resetAfter in [false, true] {
            let w = try Self.weights(inputSize: i, hiddenSize: h, resetAfter: resetAfter)
            #expect(w.inputWeights == Self.values(3 * h * i, tag: 1))
            #expect(w.recurrentWeights == Self.values(3 * h * h, tag: 2))
            #expect(w.inputBias == Self.values(3 * h, tag: 3))
            #expect(w.recurrentBias == Self.values(3 * h, tag: 4))
        }
    }

    @Test func singleWeightsReadTheirOwnPlace() throws {
        let (i, h) = (3, 33)
        for resetAfter in [false, true] {
            let w = try Self.weights(inputSize: i, hiddenSize: h, resetAfter: resetAfter)
            for block in GateBlock.allCases {
                for unit in [0, 1, 31, 32] {
                    let row = block.rawValue * h + unit
                    #expect(w.inputWeight(block, unit: unit, input: 2) == 10_000 + Float(row * i + 2))
                    #expect(w.recurrentWeight(block, unit: unit, from: 32) == 20_000 + Float(row * h + 32))
                    #expect(w.inputBias(block, unit: unit) == 30_000 + Float(row))
                    #expect(w.recurrentBias(block, unit: unit) == 40_000 + Float(row))
                }
            }
        }
    }

    @Test func changingTheResetRuleRepacksTheSameNumbers() throws {
        var w = try Self.weights(inputSize: 2, hiddenSize: 33, resetAfter: false)
        let before = w
        w.resetAfter = true
        #expect(w.resetAfter && w != before)
        #expect(w.recurrentWeights == before.recurrentWeights && w.recurrentBias == before.recurrentBias)
        w.resetAfter = false
        #expect(w == before)
    }

    @Test func paddingRowsAreZero() throws {
        // The kernels multiply whole panels, so padding must not add anything.
        let w = try Self.weights(inputSize: 2, hiddenSize: 5, resetAfter: false)
        let packed = w.packed
        let nonZero = (0..<packed.count).filter { packed.base[$0] != 0 }.count
        // No canonical value is zero, so exactly the canonical values are non-zero, and the
        // rest of the layout (2 × 3H = 30 rows of padding per panel column) is zero.
        #expect(nonZero == 3 * 5 * 2 + 3 * 5 * 5 + 3 * 5 + 3 * 5)
        #expect(packed.count > nonZero)
    }

    @Test func drawsCanBeMadeOutOfOrder() {
        var random = SeededGenerator(seed: 99)
        for index in 0..<50 {
            #expect(random.uniform(-2, 3) == SeededGenerator.uniform(seed: 99, draw: index, -2, 3))
        }
    }
}

/// A step with the same x reuses the input product; it must give exactly what a fresh cell gives.
@Suite struct ProjectionReuseTests {
    @Test func sameInputNewStateMatchesAFreshCell() throws {
        let weights = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 3, hiddenSize: 37, seed: 5)
        var cell = GRUCell(weights: weights)
        let x1: [Float] = [0.5, -1, 2], x2: [Float] = [0.25, 0, -3]
        let h1 = [Float](repeating: 0.1, count: 37), h2 = (0..<37).map { Float($0) / 37 - 0.5 }
        for (x, h) in [(x1, h1), (x1, h2), (x2, h2), (x1, h1)] {
            var fresh = GRUCell(weights: weights)
            #expect(cell.step(x: x, h: h) == fresh.step(x: x, h: h))
        }
        // Changing the kernel path recomputes the product on the new path.
        cell.kernelPath = .baseline
        var baseline = GRUCell(weights: weights)
        baseline.kernelPath = .baseline
        #expect(cell.step(x: x1, h: h2) == baseline.step(x: x1, h: h2))
    }
}
