import Foundation
import GRUCore
import Localization
import Script
import Testing
@testable import Teaching

/// The repl's `timeline`, `memory` and `influence` on the trained remember-first model and its
/// 40-step sequence: what they print is checked against the session's own steps (products of
/// z read step by step, finite differences of h), not against the code that printed it.
@Suite struct TimeCommandTests {
    static func lines(_ language: Language = .en) throws -> LineSession<TeachingCommands> {
        LineSession(session: try Session(scene: try Scene.named("remember-first")), commands: TeachingCommands(language: language))
    }

    /// The strip of a line of `timeline` or `memory` (what follows its label).
    static func strip(_ line: Substring) -> [Character] {
        Array(line.split(separator: " ", omittingEmptySubsequences: true).last ?? "")
    }

    @Test func timelineDrawsEveryUnitOverEveryStepWithTheCursorMarked() throws {
        var lines = try Self.lines()
        _ = lines.handle("goto 7")
        let output = lines.reply("timeline z")
        let rows = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 1 + 4 + 1)
        #expect(rows[0].hasPrefix("z update over steps 0–39, 1 step per column (▁ 0 … █ 1); ▲ marks t = 7"))
        // Each strip: 40 blocks, higher where z is higher, read back from the session step by step.
        var session = lines.session
        var z: [[Float]] = []
        for t in 0..<session.count {
            try session.goto(t)
            z.append(session.trace.z)
        }
        let levels = (1...StripScale.levels).map { Character(Glyphs.unicode.levelScalar($0)) }
        for unit in 0..<4 {
            let strip = Self.strip(rows[1 + unit])
            #expect(strip.count == 40)
            #expect(rows[1 + unit].hasPrefix("  \(unit) "))
            let heights = strip.map { levels.firstIndex(of: $0) ?? -1 }
            #expect(!heights.contains(-1))
            for s in 0..<40 {
                for u in 0..<40 where z[u][unit] > z[s][unit] + 0.13 {
                    #expect(heights[u] >= heights[s], "unit \(unit): z \(z[u][unit]) at \(u) drawn lower than \(z[s][unit]) at \(s)")
                }
            }
        }
        // The marker sits under the cursor's column (after the label "  N ").
        #expect(rows[5].firstIndex(of: "▲").map { rows[5].distance(from: rows[5].startIndex, to: $0) } == 4 + 7)
    }

    @Test func memoryShowsRetentionAsTheProductOfZ() throws {
        var lines = try Self.lines()
        _ = lines.handle("goto end")
        let output = lines.reply("memory 1")
        let rows = output.split(separator: "\n")
        #expect(rows[0] == "memory of unit 1 at t = 39 (steps 0–39):")
        #expect(Self.strip(rows[1].dropLast(" ▁ 0 … █ 1".count)).count == 40)
        // ∏ z_k for k = 1…39, read from every step of the session.
        var session = lines.session
        var product: Float = 1
        for k in 1...39 {
            try session.goto(k)
            product *= session.trace.z[1]
        }
        let percent = Int((product * 100).rounded())
        #expect(output.contains("still carries \(percent)% of its value after step 0, 39 steps ago"))
        #expect(output.contains("x at step 0, the first input, moves it most now"))
    }

    @Test func influenceMatchesFiniteDifferencesOfTheSteps() throws {
        var lines = try Self.lines()
        _ = lines.handle("goto end")
        let output = lines.reply("influence 1")
        #expect(output.hasPrefix("influence on unit 1 at t = 39, ‖∂h_t/∂x_s‖ for s = 0…39"))
        let printed = Dictionary(uniqueKeysWithValues: output.split(separator: "\n").compactMap { row -> (Int, Float)? in
            let parts = row.split(separator: ":")
            guard parts.count == 2, parts[0].hasPrefix("  s="), let s = Int(parts[0].dropFirst(4)),
                  let value = Float(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return (s, value)
        })
        #expect(printed.count == 40)
        // Central differences of h_39[1] in every input of steps 0, 20 and 38, through the session.
        let base = lines.session
        let h = 0.01 as Float
        for s in [0, 20, 38] {
            var squares: Float = 0
            for j in 0..<base.inputSize {
                var values: [Float] = []
                for sign: Float in [1, -1] {
                    var session = base
                    try session.goto(s)
                    try session.setX(at: j, to: session.x[j] + sign * h)
                    try session.goto(39)
                    values.append(session.trace.h[1])
                }
                let derivative = (values[0] - values[1]) / (2 * h)
                squares += derivative * derivative
            }
            let expected = squares.squareRoot()
            let value = try #require(printed[s])
            #expect(abs(value - expected) <= 2e-3 + 0.02 * expected, "s=\(s): printed \(value), finite differences \(expected)")
        }
        // The whole state's norm is at least any one unit's.
        let whole = lines.reply("influence")
        #expect(whole.hasPrefix("influence on the whole state h at t = 39"))
        #expect(whole.contains("s=0: 1.2067"))
    }

    @Test func longSequencesFoldAndListTheStrongest() throws {
        var lines = try Self.lines()
        _ = lines.handle("goto end")
        _ = lines.handle("step 60")
        #expect(lines.session.count == 100)
        let timeline = lines.reply("timeline h 2 max")
        let rows = timeline.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[0].contains("steps 0–99") && rows[0].contains("largest of 1–2 steps per column"))
        #expect(Self.strip(rows[1]).count == TimeExplanations.stripWidth)
        let influence = lines.reply("influence")
        #expect(influence.contains("the 8 strongest:"))
        #expect(influence.split(separator: "\n").filter { $0.hasPrefix("  s=") }.count == 8)
    }

    @Test func chineseAnswers() throws {
        var lines = try Self.lines(.zh)
        _ = lines.handle("goto end")
        #expect(lines.reply("memory 1").hasPrefix("单元 1 在 t = 39 的记忆（第 0–39 步）："))
        #expect(lines.reply("influence").hasPrefix("在 t = 39 对整个状态 h的影响"))
        #expect(lines.reply("timeline q") == "error: timeline 后面接一个量（h、z、r、kept、added、candidate）、一个单元和 mean、min 或 max，例如 timeline z 3；收到的是 'q'")
    }

    @Test(arguments: [
        ("timeline q", "error: timeline takes a quantity (h, z, r, kept, added, candidate), a unit and mean, min or max, e.g. timeline z 3; got 'q'"),
        ("timeline z z", "error: timeline takes a quantity (h, z, r, kept, added, candidate), a unit and mean, min or max, e.g. timeline z 3; got 'z'"),
        ("timeline 9", "error: unit 9 does not exist; units are numbered 0 to 3"),
        ("timeline z 1 2", "error: timeline takes a quantity (h, z, r, kept, added, candidate), a unit and mean, min or max, e.g. timeline z 3; got '2'"),
        ("memory 4", "error: unit 4 does not exist; units are numbered 0 to 3"),
        ("memory one", "error: 'one' is not a unit; give a whole number from 0 to 3"),
        ("memory 1 2", "error: usage: memory [UNIT]"),
        ("influence -1", "error: unit -1 does not exist; units are numbered 0 to 3"),
        ("influence 1 2", "error: usage: influence [UNIT]"),
    ])
    func badTimeCommandsGiveOneLineAndChangeNothing(line: String, expected: String) throws {
        var lines = try Self.lines()
        _ = lines.handle("goto 5")
        let before = lines.session
        let outcome = lines.complete(lines.handle(line))
        #expect(outcome.text(in: .en) == expected)
        #expect(outcome.isError && !outcome.text(in: .en).contains("\n"))
        #expect(lines.session.t == 5 && lines.session.trace == before.trace && lines.session.count == before.count)
    }

    @Test func theScreensQuickContextHandsLongWorkOn() throws {
        var lines = try Self.lines()
        _ = lines.handle("goto end")
        let outcome = try ComputeContext.with(.quick(limit: 100)) { () throws(UserError) in lines.complete(lines.handle("influence")) }
        #expect(outcome.error == .needsBackgroundWork)
    }
}
