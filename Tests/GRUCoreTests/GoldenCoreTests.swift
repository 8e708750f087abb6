import Foundation
import Testing
@testable import GRUCore

/// The cell and the reference (the specification) against the frameworks' traces, reading the weight JSON with Foundation alone so
/// that a fault in the core cannot hide behind the weight-file loader.
@Suite struct GoldenCoreTests {
    static let golden = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: golden.appendingPathComponent(name))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func flat(_ value: Any?) -> [Float] {
        if let numbers = value as? [Double] { return numbers.map(Float.init) }
        if let rows = value as? [Any] { return rows.flatMap { flat($0) } }
        return []
    }

    static func weights(_ name: String, inputSize i: Int, hiddenSize h: Int) throws -> GRUWeights {
        let w = try json("\(name).weights.json")
        switch w["variant"] as? String {
        case "tf-grucell":
            return try .tensorFlow(
                inputSize: i, hiddenSize: h,
                gatesKernel: flat(w["gates/kernel"]), gatesBias: flat(w["gates/bias"]),
                candidateKernel: flat(w["candidate/kernel"]), candidateBias: flat(w["candidate/bias"]))
        case "keras":
            let bias = flat(w["bias"])
            return try .keras(
                inputSize: i, hiddenSize: h, resetAfter: bias.count == 6 * h,
                kernel: flat(w["kernel"]), recurrentKernel: flat(w["recurrent_kernel"]), bias: bias)
        default:
            return try .pyTorch(
                inputSize: i, hiddenSize: h,
                weightIH: flat(w["weight_ih"]), weightHH: flat(w["weight_hh"]),
                biasIH: flat(w["bias_ih"]), biasHH: flat(w["bias_hh"]))
        }
    }

    @Test(arguments: [
        "tf-seed-code", "tf-seed-doc", "tf-seq", "tf-saturated", "tf-wide",
        "keras-reset-before", "keras-reset-after", "pytorch-seq", "pytorch-wide",
    ])
    func matchesFramework(_ name: String) throws {
        let trace = try Self.json("\(name).json")
        let i = try #require(trace["input_size"] as? Int), h = try #require(trace["hidden_size"] as? Int)
        let weights = try Self.weights(name, inputSize: i, hiddenSize: h)
        var cell = GRUCell(weights: weights)
        let reference = GRUReference(weights: weights)
        var state = Self.flat(trace["h0"])
        let steps = try #require(trace["steps"] as? [[String: Any]])
        for (t, expected) in steps.enumerated() {
            let got = cell.step(x: Self.flat(expected["x"]), h: state)
            let specified = reference.step(x: Self.flat(expected["x"]), h: state)
            for field in ["h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                let want = Self.flat(expected[field])
                for (k, (a, b)) in zip(specified[TraceField(rawValue: field)!], want).enumerated() {
                    #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "reference \(name) step \(t) \(field)[\(k)]: \(a) vs \(b)")
                }
            }
            for field in ["h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                let want = Self.flat(expected[field])
                let have = got[TraceField(rawValue: field)!]
                for (k, (a, b)) in zip(have, want).enumerated() {
                    let scale = max(1, abs(b))
                    #expect(abs(a - b) <= 1e-5 * scale, "\(name) step \(t) \(field)[\(k)]: \(a) vs \(b)")
                }
            }
            state = got.h
        }
    }
}
