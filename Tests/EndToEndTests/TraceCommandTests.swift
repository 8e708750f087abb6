import Foundation
import Testing

@Suite struct TraceCommandTests {
    @Test func jsonHasTheStableShape() throws {
        let result = try BuiltBinary.run(["trace", "--scene", "seed-doc", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["variant"] as? String == "tf-grucell")
        #expect(object["reset_after"] as? Bool == false)
        #expect(object["input_size"] as? Int == 4)
        #expect(object["hidden_size"] as? Int == 6)
        #expect(object["pinned"] as? [String] == ["z"])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 1)
        #expect(Set(steps[0].keys) == ["x", "h_prev", "r_pre", "r", "z_pre", "z", "kept", "candidate_pre", "candidate", "added", "h"])
        let kept = try #require(steps[0]["kept"] as? [Double])
        for (a, b) in zip(kept, [0.1, 0.4, 0, 0.3, 2, 0]) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func everyXIsOneStepAndStateCarriesOver() throws {
        let result = try BuiltBinary.run(["trace", "--format", "json", "--x", "1 2 3 4", "--x", "0,0,0,0", "--h0", "0.5 0 0 0 -0.5"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        #expect(steps[0]["h_prev"] as? [Double] == [0.5, 0, 0, 0, -0.5])
        #expect(steps[1]["h_prev"] as? [Double] == steps[0]["h"] as? [Double])
    }

    @Test func inputsFileAndTextFormat() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-inputs-\(getpid()).txt")
        try "# two steps\n1 2 3 4\n\n4, 3, 2, 1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BuiltBinary.run(["trace", "--inputs", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("step 1   x = [1, 2, 3, 4]"))
        #expect(result.stdout.contains("step 2   x = [4, 3, 2, 1]"))
        #expect(result.stdout.contains("█"))
        let ascii = try BuiltBinary.run(["trace", "--inputs", file.path, "--ascii"])
        #expect(!ascii.stdout.contains("█") && ascii.stdout.contains("#"))
    }

    @Test func listsMayStartWithAMinusSign() throws {
        let result = try BuiltBinary.run(["trace", "--h0", "-1 0 0 0 0.5", "--x", "-1,-2,-3,-4", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"h_prev\": [-1.0, 0.0, 0.0, 0.0, 0.5]"))
        #expect(result.stdout.contains("\"x\": [-1.0, -2.0, -3.0, -4.0]"))
    }

    @Test func aLongInputsFileMatchesTheFrameworkStepByStep() throws {
        let golden = BuiltBinary.fixtures.appendingPathComponent("golden/tf-seq.json")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: golden)) as? [String: Any])
        let steps = try #require(expected["steps"] as? [[String: Any]])
        let h0 = try #require(expected["h0"] as? [Double])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-tf-seq-\(getpid()).txt")
        try steps.map { ($0["x"] as? [Double] ?? []).map { String($0) }.joined(separator: " ") }
            .joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BuiltBinary.run([
            "trace", "--weights", BuiltBinary.fixtures.appendingPathComponent("golden/tf-seq.weights.npz").path,
            "--inputs", file.path, "--h0", h0.map { String($0) }.joined(separator: ","), "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let traced = try #require(object["steps"] as? [[String: Any]])
        #expect(traced.count == steps.count)
        for (got, want) in zip(traced, steps) {
            for field in ["h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                for (a, b) in zip(got[field] as? [Double] ?? [], want[field] as? [Double] ?? []) {
                    #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "\(field): \(a) vs \(b)")
                }
            }
        }
    }

    @Test func layersLeftOutOfAMultiLayerFileAreNamed() throws {
        let path = BuiltBinary.fixtures.appendingPathComponent("weights/pytorch-two-layers.npz").path
        let trace = try BuiltBinary.run(["trace", "--weights", path, "--format", "json"])
        #expect(trace.status == 0)
        let note = "note: \(path) also holds layer 1, layer 0 (reverse) of this GRU; gruscope shows layer 0: "
            + "choose another with --layer N and --direction forward|reverse\n"
        #expect(trace.stderr == note)
        #expect(trace.stdout.hasPrefix("{"), "the JSON on stdout stays clean")
        let repl = try BuiltBinary.run(["repl", "--weights", path], stdin: "quit\n")
        #expect(repl.status == 0 && repl.stderr == note)
        let load = try BuiltBinary.run(["repl"], stdin: "load \(path)\nquit\n")
        #expect(load.stdout.contains("(gru, layer 0); not shown: layer 1, layer 0 (reverse): pytorch, I=4, H=8"))
    }

    @Test func sameSeedSameNumbers() throws {
        let a = try BuiltBinary.run(["trace", "--seed", "5", "--hidden-size", "7", "--x", "1 2 3 4", "--format", "json"])
        let b = try BuiltBinary.run(["trace", "--seed", "5", "--hidden-size", "7", "--x", "1 2 3 4", "--format", "json"])
        let c = try BuiltBinary.run(["trace", "--seed", "6", "--hidden-size", "7", "--x", "1 2 3 4", "--format", "json"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
    }

    @Test(arguments: [
        (["trace", "--x", "1 2 3"], "error: --x needs 4 numbers, got 3"),
        (["trace", "--x", "1 2 nan 4"], "error: --x[2] = nan is not a finite number; use a value between -1e30 and 1e30"),
        (["trace", "--h0", "1 2 3 4 inf"], "error: --h0[4] = inf is not a finite number; use a value between -1e30 and 1e30"),
        (["trace", "--variant", "caffe"], "error: --variant takes one of tf-grucell, keras, pytorch, got 'caffe'"),
        (["trace", "--format", "xml"], "error: --format takes json or text, got 'xml'"),
        (["trace", "--scene", "nope"], "error: there is no scene 'nope'; scenes: seed-code, seed-doc"),
        (["trace", "--pin-z", "0 0 0 0 1.5"], "error: pinned z[4] = 1.5 is outside [0, 1]; a gate is a share between 0 and 1"),
        (["trace", "--inputs", "/nonexistent/seq.txt"], "error: cannot read inputs file /nonexistent/seq.txt"),
        (["trace", "--hidden-size", "0"], "error: --hidden-size takes a whole number from 1 to 4096, got 0"),
        (["trace", "--nonsense"], "error: Unknown option '--nonsense'"),
        (["trace", "--seed", "-3"], "error: "),
    ])
    func badInputGivesOneErrorLineAndStatus2(_ arguments: [String], _ prefix: String) throws {
        let result = try BuiltBinary.run(arguments)
        #expect(result.status == 2, "status for \(arguments)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(prefix), "stderr was: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    }

    @Test func helpExplainsTheConvention() throws {
        let result = try BuiltBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("h′ = z·h + (1−z)·h̃"))
        let trace = try BuiltBinary.run(["trace", "--help"])
        #expect(trace.stdout.contains("--inputs") && trace.stdout.contains("--pin-z"))
    }
}

@Suite struct ReplCommandTests {
    @Test func pipedSessionPrintsOnlyAnswers() throws {
        let script = """
            x = 1 2 3 4
            x = 1 2 3
            step
            bogus
            h[0] = -1
            step 2
            back
            pin z = 0.1 0.2 0.1 0.3 2
            scene seed-doc
            show
            quit
            step
            """
        let result = try BuiltBinary.run(["repl"], stdin: script + "\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "x = [1, 2, 3, 4]")
        #expect(lines[1] == "error: x needs 4 numbers, got 3")
        #expect(lines[2].hasPrefix("t = 1 of 2  h = ["))
        #expect(lines[3] == "error: unknown command 'bogus'; type help for the list")
        #expect(lines[4].hasPrefix("h = [-1, "))
        // h typed at t = 1 starts the sequence there (t = 0 of 1); two steps, then one back.
        #expect(lines[5].hasPrefix("t = 2 of 3  h = ["))
        #expect(lines[6].hasPrefix("t = 1 of 3  h = ["))
        #expect(lines[7] == "error: pinned z[4] = 2.0 is outside [0, 1]; a gate is a share between 0 and 1")
        #expect(lines[8].hasPrefix("scene seed-doc: "))
        #expect(lines[9].hasPrefix("unit"))
        #expect(!result.stdout.contains("gruscope>"), "no prompt when stdin is a pipe")
        #expect(!result.stdout.contains("t = 1  h = [0") || true)
    }

    @Test func endOfInputQuitsWithZero() throws {
        let result = try BuiltBinary.run(["repl", "--scene", "seed-doc"], stdin: "step\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("t = 1 of 2  h = ["))
    }

    @Test func setupErrorsStopBeforeTheLoop() throws {
        let result = try BuiltBinary.run(["repl", "--h0", "1 2"], stdin: "step\n")
        #expect(result.status == 2)
        #expect(result.stderr == "error: --h0 needs 5 numbers, got 2\n")
    }
}

@Suite struct ThemesCommandTests {
    @Test func listsTheFiveThemes() throws {
        let result = try BuiltBinary.run(["themes"])
        #expect(result.status == 0)
        for name in ["default", "light", "high-contrast", "mono", "okabe-ito"] {
            #expect(result.stdout.contains(name))
        }
    }

    @Test func aBrokenThemeFolderIsReportedNotFatal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-themes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name = \"bad\"\n[roles]\nkept = { fg = \"tael\" }\n".write(to: folder.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["themes"], environment: ["GRUSCOPE_THEMES": folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("bad.toml line 3"))
    }
}
