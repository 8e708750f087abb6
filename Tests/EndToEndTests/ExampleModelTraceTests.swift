import Foundation
import Testing

/// The trained example models run as a teacher runs them: `gruscope trace --weights … --inputs …
/// --format json` on every suggested sequence of examples/, against PyTorch's own trace.
@Suite struct ExampleModelTraceTests {
    static let examples = BuiltBinary.fixtures
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// (model, sequence) for every examples/MODEL/inputs/SEQUENCE.txt.
    static let cases: [String] = {
        let manager = FileManager.default
        let models = ((try? manager.contentsOfDirectory(atPath: examples.path)) ?? []).sorted()
        return models.flatMap { model -> [String] in
            let inputs = examples.appendingPathComponent("\(model)/inputs").path
            let files = ((try? manager.contentsOfDirectory(atPath: inputs)) ?? []).filter { $0.hasSuffix(".txt") }
            return files.sorted().map { "\(model)/\(String($0.dropLast(4)))" }
        }
    }()

    @Test func everyExampleHasSequences() {
        #expect(Set(Self.cases.map { String($0.split(separator: "/")[0]) }).count >= 4, "\(Self.cases)")
    }

    @Test(arguments: cases)
    func traceMatchesPyTorch(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let model = parts[0], sequence = parts[1]
        let folder = Self.examples.appendingPathComponent(model)
        let result = try BuiltBinary.run([
            "trace", "--weights", folder.appendingPathComponent("weights.npz").path,
            "--inputs", folder.appendingPathComponent("inputs/\(sequence).txt").path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let traced = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let golden = BuiltBinary.fixtures.appendingPathComponent("examples/\(model)/\(sequence).json")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: golden)) as? [String: Any])
        #expect(traced["variant"] as? String == "pytorch")
        #expect(traced["hidden_size"] as? Int == expected["hidden_size"] as? Int)
        let got = try #require(traced["steps"] as? [[String: Any]])
        let want = try #require(expected["steps"] as? [[String: Any]])
        #expect(got.count == want.count)
        for (t, (a, b)) in zip(got, want).enumerated() {
            for field in ["x", "h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                let mine = a[field] as? [Double] ?? [], torch = b[field] as? [Double] ?? []
                #expect(mine.count == torch.count && !mine.isEmpty, "\(name) step \(t + 1) \(field)")
                for (k, (x, y)) in zip(mine, torch).enumerated() {
                    #expect(abs(x - y) <= 1e-5 * max(1, abs(y)), "\(name) step \(t + 1) \(field)[\(k)]: gruscope \(x), torch \(y)")
                }
            }
        }
    }
}
