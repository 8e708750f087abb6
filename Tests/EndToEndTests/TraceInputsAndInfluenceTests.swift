import Foundation
import Testing

/// `trace --influence` against PyTorch's autograd, `--inputs` in every form a user has, and the
/// bench's size check, run as a user runs them.
@Suite struct TraceInputsAndInfluenceTests {
    static let influence = BuiltBinary.fixtures.appendingPathComponent("influence")

    @Test(arguments: ["reset-after", "reset-before"])
    func influenceMatchesTorchAutograd(_ name: String) throws {
        let data = try Data(contentsOf: Self.influence.appendingPathComponent("\(name).json"))
        let expected = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let h0 = try #require(expected["h0"] as? [Double])
        let result = try BuiltBinary.run([
            "trace", "--weights", Self.influence.appendingPathComponent("\(name).weights.npz").path,
            "--inputs", Self.influence.appendingPathComponent("\(name).inputs.npy").path,
            "--h0", h0.map { String(Float($0)) }.joined(separator: " "), "--influence", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let got = try #require(object["influence"] as? [[Double]])
        let want = try #require(expected["influence"] as? [[Double]])
        #expect(got.count == want.count && (object["steps"] as? [Any])?.count == want.count)
        for (t, (row, wantRow)) in zip(got, want).enumerated() {
            #expect(row.count == want.count)
            for (s, (a, b)) in zip(row, wantRow).enumerated() {
                #expect(abs(a - b) <= 1e-4 * max(abs(b), 1e-6), "\(name) [\(t)][\(s)]: \(a) vs \(b)")
                if s > t { #expect(a == 0) }
            }
        }
        let text = try BuiltBinary.run([
            "trace", "--weights", Self.influence.appendingPathComponent("\(name).weights.npz").path,
            "--inputs", Self.influence.appendingPathComponent("\(name).inputs.npy").path, "--influence",
        ])
        #expect(text.status == 0 && text.stdout.contains("influence ‖∂h/∂x‖: row = the state after that step"))
        #expect(text.stdout.contains("\n  12 "), "a row for the last step")
    }

    @Test func inputsFromStandardInputAndEveryFormatAgree() throws {
        let fixtures = BuiltBinary.fixtures.appendingPathComponent("inputs")
        var documents: Set<String> = []
        for name in ["steps-f32.npy", "steps-f64.npy", "steps.npz", "steps.csv", "steps-header.csv", "steps-quoted.csv"] {
            let result = try BuiltBinary.run(["trace", "--inputs", fixtures.appendingPathComponent(name).path, "--format", "json"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            documents.insert(result.stdout)
        }
        let piped = try BuiltBinary.run(["trace", "--inputs", "-", "--format", "json"], stdin: "1 2 3 4\n0.5 -0.25 0 0.001\n-1 0 1 2.5\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        documents.insert(piped.stdout)
        let devStdin = try BuiltBinary.run(["trace", "--inputs", "/dev/stdin", "--format", "json"], stdin: "1,2,3,4\n0.5,-0.25,0,1e-3\n-1,0,1,2.5\n")
        documents.insert(devStdin.stdout)
        #expect(documents.count == 1, "every form gives the same trace")
    }

    @Test(arguments: [
        (["trace", "--inputs", "/dev/null"], "error: /dev/null holds no input vectors"),
        (["trace", "--inputs", "/"], "error: / is a directory; give a file with one input vector per line"),
        (["trace", "--inputs", "/nonexistent/x.npy"], "error: cannot read inputs file /nonexistent/x.npy: no such file"),
        (["trace", "--inputs", "-", "--influence", "--hidden-size", "2"], "error: standard input line 2 has 3 numbers, expected 4"),
    ])
    func badInputsGiveOneLine(_ arguments: [String], _ prefix: String) throws {
        let result = try BuiltBinary.run(arguments, stdin: "1 2 3 4\n1 2 3\n")
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func influenceRefusesTooManySteps() throws {
        let lines = String(repeating: "1 2 3 4\n", count: 4097)
        let result = try BuiltBinary.run(["trace", "--inputs", "-", "--influence"], stdin: lines)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --influence takes at most 4096 steps (a T×T matrix), got 4097; trace a shorter stretch of the sequence\n")
    }

    @Test func benchChecksStepsAgainstTheWeightFilesInputSize() throws {
        // I = 5000 from the file: T×I = 5·10⁹ must be refused before anything is allocated,
        // although --input-size (32 by default) would allow a million steps.
        let i = 5000
        let zeros = { (count: Int) in "[" + [String](repeating: "0", count: count).joined(separator: ",") + "]" }
        let json = "{\"variant\": \"pytorch\", \"weight_ih\": [\(zeros(i)), \(zeros(i)), \(zeros(i))], "
            + "\"weight_hh\": [[0], [0], [0]], \"bias_ih\": [0, 0, 0], \"bias_hh\": [0, 0, 0]}"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-wide-\(getpid()).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BuiltBinary.run(["bench", "--weights", file.path, "--steps", "1000000"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --steps must be at least 1 and T×I at most 50000000, got T=1000000, I=5000"), "\(result.stderr)")
        let fine = try BuiltBinary.run(["bench", "--weights", file.path, "--steps", "20", "--runs", "1"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func benchSequenceReportsAgainstTheRun() throws {
        let result = try BuiltBinary.run(["bench", "--sequence", "--hidden-size", "8", "--input-size", "3", "--steps", "30",
                                          "--runs", "1", "--slow-runs", "1", "--matrix", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String ?? "" } == [
            "run (baseline)", "sequence: every h kept", "trace of one step", "retention of one unit",
            "influence on one unit", "influence on h_T−1", "influence matrix T×T",
        ])
        #expect(rows.first?["ratio"] as? Double == 1)
    }
}
