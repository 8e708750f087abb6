@testable import GRUCore
import Testing

/// Keras's and ONNX's arrays are packed where they lie, with no canonical copy in between; each
/// must give exactly the weights of the canonical route, written here as the plain loops of the
/// layouts' definitions. Sizes leave panels that cross gate blocks (H not a multiple of 32).
@Suite struct FrameworkPackingTests {
    /// Distinct, exactly representable values, so a misplaced weight cannot hide.
    private static func values(_ count: Int, tag: Float) -> [Float] {
        (0..<count).map { tag * 100_000 + Float($0) }
    }

    /// Canonical block → Keras column block (and ONNX row block): [z, r, h].
    private static let zrh: [GateBlock: Int] = [.update: 0, .reset: 1, .candidate: 2]

    @Test(arguments: [(1, 1), (3, 5), (2, 33), (7, 40)])
    func kerasPacksAsTheCanonicalRoute(sizes: (Int, Int)) throws {
        let (i, h) = sizes
        for resetAfter in [false, true] {
            let kernel = Self.values(i * 3 * h, tag: 1), recurrent = Self.values(h * 3 * h, tag: 2)
            let bias = Self.values((resetAfter ? 2 : 1) * 3 * h, tag: 3)
            var w = [Float](repeating: 0, count: 3 * h * i), u = [Float](repeating: 0, count: 3 * h * h)
            var bi = [Float](repeating: 0, count: 3 * h), bh = [Float](repeating: 0, count: 3 * h)
            for block in GateBlock.allCases {
                for j in 0..<h {
                    let row = block.rawValue * h + j, column = Self.zrh[block]! * h + j
                    for k in 0..<i { w[row * i + k] = kernel[k * 3 * h + column] }
                    for k in 0..<h { u[row * h + k] = recurrent[k * 3 * h + column] }
                    bi[row] = bias[column]
                    if resetAfter { bh[row] = bias[3 * h + column] }
                }
            }
            let direct = try GRUWeights.keras(
                inputSize: i, hiddenSize: h, resetAfter: resetAfter, kernel: kernel, recurrentKernel: recurrent, bias: bias)
            let canonical = try GRUWeights(
                inputSize: i, hiddenSize: h, variant: .keras, resetAfter: resetAfter,
                inputWeights: w, recurrentWeights: u, inputBias: bi, recurrentBias: bh)
            #expect(direct == canonical)
            #expect(direct.inputWeights == w && direct.recurrentWeights == u && direct.inputBias == bi && direct.recurrentBias == bh)
        }
    }

    @Test(arguments: [(3, 5), (2, 33)])
    func onnxPacksEachDirectionAsTheCanonicalRoute(sizes: (Int, Int)) throws {
        let (i, h) = sizes
        let directions = 2
        let wAll = Self.values(directions * 3 * h * i, tag: 1), rAll = Self.values(directions * 3 * h * h, tag: 2)
        let bAll = Self.values(directions * 6 * h, tag: 3)
        for d in 0..<directions {
            for withBias in [true, false] {
                for resetAfter in [false, true] {
                    var w = [Float](repeating: 0, count: 3 * h * i), u = [Float](repeating: 0, count: 3 * h * h)
                    var bi = [Float](repeating: 0, count: 3 * h), bh = [Float](repeating: 0, count: 3 * h)
                    for block in GateBlock.allCases {
                        for j in 0..<h {
                            let row = block.rawValue * h + j, source = d * 3 * h + Self.zrh[block]! * h + j
                            for k in 0..<i { w[row * i + k] = wAll[source * i + k] }
                            for k in 0..<h { u[row * h + k] = rAll[source * h + k] }
                            if withBias {
                                bi[row] = bAll[d * 6 * h + Self.zrh[block]! * h + j]
                                bh[row] = bAll[d * 6 * h + 3 * h + Self.zrh[block]! * h + j]
                            }
                        }
                    }
                    let direct = try GRUWeights.onnx(
                        inputSize: i, hiddenSize: h, variant: .pytorch, resetAfter: resetAfter, direction: d,
                        w: wAll, r: rAll, b: withBias ? bAll : nil)
                    let canonical = try GRUWeights(
                        inputSize: i, hiddenSize: h, variant: .pytorch, resetAfter: resetAfter,
                        inputWeights: w, recurrentWeights: u, inputBias: bi, recurrentBias: bh)
                    #expect(direct == canonical, "direction \(d), biases \(withBias), reset after \(resetAfter)")
                }
            }
        }
    }

    @Test func onnxArraysTooShortForTheDirectionAreRefused() {
        let (i, h) = (3, 5)
        #expect(throws: GRUWeightsError.wrongCount(name: "W", expected: 2 * 3 * h * i, actual: 3 * h * i)) {
            try GRUWeights.onnx(
                inputSize: i, hiddenSize: h, variant: .pytorch, resetAfter: true, direction: 1,
                w: Self.values(3 * h * i, tag: 1), r: Self.values(2 * 3 * h * h, tag: 2), b: nil)
        }
    }

    @Test func aNonFiniteKerasWeightIsNamedAtItsCanonicalPlace() {
        let (i, h) = (2, 3)
        var kernel = Self.values(i * 3 * h, tag: 1)
        // Keras kernel[1][0] is column 0 of block z: canonical update row 0 (row h), input 1.
        kernel[1 * 3 * h + 0] = .nan
        #expect(throws: GRUWeightsError.nonFinite(name: "input weights", index: h * i + 1)) {
            try GRUWeights.keras(
                inputSize: i, hiddenSize: h, resetAfter: true, kernel: kernel,
                recurrentKernel: Self.values(h * 3 * h, tag: 2), bias: Self.values(6 * h, tag: 3))
        }
    }

    @Test func finiteCheckFindsTheFirstNaNOrInfinity() {
        let finite: [Float] = [0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        #expect(FiniteCheck.firstNonFinite(finite) == nil)
        #expect(FiniteCheck.firstNonFinite([Float]()) == nil)
        for bad: Float in [.nan, .infinity, -.infinity, .signalingNaN] {
            for at in [0, 4095, 4096, 9999] {
                var values = [Float](repeating: 1.5, count: 10_000)
                values[at] = bad
                values[9_999] = .nan
                #expect(FiniteCheck.firstNonFinite(values) == at, "\(bad) at \(at)")
            }
        }
    }

    @Test func largeBuffersHoldWhatWasWritten() {
        let count = (LargeBuffer.hugePageThreshold / 4) * 2 + 7  // past the huge-page size, unaligned end
        let values = LargeBuffer.floats(count: count) { out in
            for k in 0..<count { out[k] = Float(k % 1000) }
        }
        #expect(values.count == count && values[0] == 0 && values[count - 1] == Float((count - 1) % 1000))
        #expect(LargeBuffer.floats(count: 0) { _ in Issue.record("nothing to write") }.isEmpty)
    }
}
