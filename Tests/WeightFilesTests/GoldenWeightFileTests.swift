import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Every golden case loaded through the weight-file loader, from JSON and from .npz, then
/// stepped through the framework's own trace.
@Suite struct GoldenWeightFileTests {
    static let cases = [
        "tf-seed-code", "tf-seed-doc", "tf-seq", "tf-saturated", "tf-wide",
        "keras-reset-before", "keras-reset-after", "pytorch-seq", "pytorch-wide",
    ]
    static let fields = ["h_prev", "r", "z", "kept", "candidate", "added", "h"]

    static func flat(_ value: Any?) -> [Float] {
        if let numbers = value as? [Double] { return numbers.map(Float.init) }
        if let rows = value as? [Any] { return rows.flatMap { flat($0) } }
        return []
    }

    @Test(arguments: cases, ["weights.json", "weights.npz"])
    func matchesFrameworkTrace(_ name: String, _ format: String) throws {
        let loaded = try WeightFile.load(path: Fixtures.golden("\(name).\(format)"))
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.golden("\(name).json")))
        let trace = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expectedVariant = try #require(trace["variant"] as? String)
        #expect(loaded.weights.variant.rawValue == expectedVariant)
        #expect(loaded.weights.inputSize == trace["input_size"] as? Int)
        #expect(loaded.weights.hiddenSize == trace["hidden_size"] as? Int)
        if let resetAfter = trace["reset_after"] as? Bool {
            #expect(loaded.weights.resetAfter == resetAfter)
        }
        #expect(loaded.prefix == nil)
        var cell = GRUCell(weights: loaded.weights)
        var state = Self.flat(trace["h0"])
        let steps = try #require(trace["steps"] as? [[String: Any]])
        #expect(!steps.isEmpty)
        for (t, expected) in steps.enumerated() {
            let got = cell.step(x: Self.flat(expected["x"]), h: state)
            for field in Self.fields where expected[field] != nil {
                let want = Self.flat(expected[field])
                let have = got[try #require(TraceField(rawValue: field))]
                #expect(have.count == want.count, "\(name) step \(t) \(field) length")
                for (k, (a, b)) in zip(have, want).enumerated() {
                    let scale = max(1, abs(b))
                    #expect(abs(a - b) <= 1e-5 * scale, "\(name).\(format) step \(t) \(field)[\(k)]: \(a) vs \(b)")
                }
            }
            state = got.h
        }
    }

    @Test(arguments: cases)
    func jsonAndNPZAgree(_ name: String) throws {
        let json = try WeightFile.load(path: Fixtures.golden("\(name).weights.json"))
        let npz = try WeightFile.load(path: Fixtures.golden("\(name).weights.npz"))
        #expect(json.weights == npz.weights)
        #expect(json.path.hasSuffix("\(name).weights.json"))
    }
}
