import Foundation
import GRUCore
import Testing
@testable import Script

/// The trace document's bytes: the same as they always were (every number spelled as Swift's
/// `description` spells it), and the shape of its influence part.
@Suite struct TraceJSONTests {
    /// The document as it was written before the byte writer, String by String.
    static func reference(weights: GRUWeights, pinned: [Gate], steps: [GRUTrace]) -> String {
        let names = pinned.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let header = "{\"variant\": \"\(weights.variant.rawValue)\", \"reset_after\": \(weights.resetAfter), "
            + "\"input_size\": \(weights.inputSize), \"hidden_size\": \(weights.hiddenSize), "
            + "\"pinned\": [\(names)], \"steps\": ["
        let body = steps.enumerated().map { index, trace in
            (index == 0 ? "\n  " : ",\n  ") + "{" + TraceField.allCases.map { field in
                "\"\(field.rawValue)\": [" + trace[field].map(\.description).joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "}"
        }.joined()
        return header + body + "\n]}\n"
    }

    @Test func theDocumentIsByteForByteWhatItWas() throws {
        for variant in GRUVariant.allCases {
            let weights = try WeightInitializer.weights(variant: variant, inputSize: 3, hiddenSize: 40, seed: 4)
            var pins = GatePins()
            if variant == .keras { try pins.pin(.z, to: (0..<40).map { Float($0) / 39 }, hiddenSize: 40) }
            var cell = GRUCell(weights: weights)
            var traces: [GRUTrace] = []
            // Inputs from tiny to huge, so every spelling rule and the slow path are met.
            let scales: [Float] = [1e-30, 1e-6, 0.5, 3, 1e4, 1e8, 1e30]
            let inputs = (0..<200).map { t in (0..<3).map { k in scales[(t + k) % scales.count] * Float((t * 7 + k) % 11 - 5) } }
            cell.run(inputs: inputs, h0: [Float](repeating: 0.25, count: 40), pins: pins) { _, trace in traces.append(trace) }
            let written = TraceJSON.document(weights: weights, pinned: pins.gates, steps: traces)
            #expect(written == Self.reference(weights: weights, pinned: pins.gates, steps: traces), "\(variant)")
        }
    }

    @Test func influenceIsATriangleAfterTheSteps() throws {
        let weights = try WeightInitializer.weights(variant: .pytorch, inputSize: 2, hiddenSize: 3)
        var sequence = try GRUSequence(weights: weights, h0: [0, 0, 0], steps: [[1, 2], [3, 4], [5, 6]])
        try sequence.compute()
        var traces: [GRUTrace] = []
        sequence.forEachTrace(in: 0..<3) { _, trace in traces.append(trace) }
        let matrix = try sequence.influenceMatrix()
        let document = TraceJSON.document(weights: weights, pinned: [], steps: traces, influence: matrix)
        let object = try #require(JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let rows = try #require(object["influence"] as? [[Double]])
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 3 })
        for t in 0..<3 {
            for s in 0..<3 {
                #expect(Float(rows[t][s]) == matrix[t, s])
                if s > t { #expect(rows[t][s] == 0) } else { #expect(rows[t][s] > 0) }
            }
        }
        #expect(document.contains("\n], \"influence\": [\n  ["))
        #expect(document.hasSuffix("]\n]}\n"))
    }

    @Test func exactSpellingsAreSwiftsOwn() {
        var values: [Float] = [0, -0.0, 1, -1, 0.1, 1e-4, 9.9999e-5, 1e-5, 16777216, 16777218, 1e7, 3e7, 0.5, 4194303.75,
                               .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity,
                               .nan, 1e-19, 4.3e-19, 3.3e7, 123.456, 8388607.5]
        // Every power of two and its neighbours across the fast range and past it.
        for exponent in -150...128 {
            let power = Float(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown, -power]
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Float(bitPattern: UInt32(truncatingIfNeeded: state >> 32)))
        }
        var mismatches: [String] = []
        for value in values where ExactFloatText.string(value) != value.description {
            mismatches.append("\(value.bitPattern): \(ExactFloatText.string(value)) vs \(value.description)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Every Float32 of the fast range against `description`: minutes in a release build, so only
    /// with GRUSCOPE_EXHAUSTIVE=1 (`GRUSCOPE_EXHAUSTIVE=1 swift test -c release --filter everyFloat`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GRUSCOPE_EXHAUSTIVE"] == "1"))
    func everyFloatOfTheFastRangeIsSwiftsOwn() {
        let first = UInt32(66) << 23, last = (UInt32(152) << 23) - 1
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let counts = Counts(workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var bad = 0
            var bits = first + UInt32(w)
            while bits <= last {
                for sign: UInt32 in [0, 1 << 31] {
                    let value = Float(bitPattern: bits | sign)
                    if ExactFloatText.string(value) != value.description { bad += 1 }
                }
                bits += UInt32(workers)
            }
            counts.set(w, bad)
        }
        #expect(counts.total == 0)
    }

    final class Counts: @unchecked Sendable {
        private var values: [Int]
        private let lock = NSLock()
        init(_ n: Int) { values = [Int](repeating: 0, count: n) }
        func set(_ index: Int, _ value: Int) { lock.lock(); values[index] = value; lock.unlock() }
        var total: Int { lock.lock(); defer { lock.unlock() }; return values.reduce(0, +) }
    }
}
