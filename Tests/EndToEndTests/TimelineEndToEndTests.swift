import Foundation
import Testing

/// The time cursor and the timeline in a real terminal (tmux, send-keys, capture-pane; every
/// wait is for something drawn): a sequence loaded with --inputs, End and Home, an edit of a
/// past x changing the future, clicks on the timeline, and strips that still read as strips
/// with NO_COLOR, in 8 colours and in ASCII under LANG=C.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct TimelineEndToEndTests {
    static func start(_ arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxHarness {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": ""]
        for (key, value) in environment { env[key] = value }
        return try TmuxHarness(command: [BuiltBinary.path] + arguments, width: width, height: height, environment: env)
    }

    /// The h row of the screen, the line that starts with "h ".
    static func hRow(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.hasPrefix("h ") }.map(String.init) ?? ""
    }

    /// The lines of the timeline's strips: a unit number, then a run of strip characters.
    static func strips(_ screen: String, levels: String) -> [Substring] {
        screen.split(separator: "\n").filter { line in
            let words = line.split(separator: " ")
            return words.count == 2 && Int(words[0]) != nil && words[1].count >= 20 && words[1].allSatisfy { levels.contains($0) }
        }
    }

    static func finish(_ pane: TmuxHarness, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try pane.sendKeys("q")
        #expect(try pane.waitForExit() == 0, sourceLocation: sourceLocation)
        let state = try pane.terminalState()
        #expect(state.isSane, "terminal left broken: \(state.problems)", sourceLocation: sourceLocation)
    }

    /// 30 steps of four inputs, as a text file.
    static func inputsFile() throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-seq-\(getpid()).txt")
        let rows = (0..<30).map { t in (0..<4).map { j in String(format: "%.3f", sin(0.3 * Double(t) + Double(j))) }.joined(separator: " ") }
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aLoadedSequenceEndAndHome() throws {
        let file = try Self.inputsFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let pane = try Self.start(["--inputs", file.path])
        defer { pane.kill() }
        // The memory rows are drawn after the strips: once they show, the frame is whole.
        _ = try pane.waitFor("influence: largest")
        var screen = try pane.capture()
        #expect(screen.contains("t=0/30") && screen.contains("1 step per column"))
        #expect(Self.strips(screen, levels: "▁▂▃▄▅▆▇█").count == 5)
        try pane.sendKeys("End")
        screen = try pane.waitFor("t=29/30")
        // The h row is the state entering the last step; the table's h′ is its final h: both
        // as trace computes them.
        let trace = try BuiltBinary.run(["trace", "--inputs", file.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.stdout.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 30)
        let entering = try #require(steps[29]["h_prev"] as? [Double]), final = try #require(steps[29]["h"] as? [Double])
        let row = Self.hRow(screen)
        for value in entering { #expect(row.contains(String(format: "%.3f", value)), "h row \(row) lacks \(value)") }
        for value in final {
            let shown = String(format: "%.2f", value).replacingOccurrences(of: "-0.00", with: "0.00")
            #expect(screen.contains(shown), "the table lacks h′ \(value)")
        }
        try pane.sendKeys("Home")
        screen = try pane.waitFor("t=0/30")
        #expect(Self.hRow(screen).contains("0.000   0.000   0.000"))
        try Self.finish(pane)
    }

    @Test func editingAPastInputChangesTheFuture() throws {
        let pane = try Self.start(["--scene", "remember-first"])
        defer { pane.kill() }
        _ = try pane.waitFor("t=0/40")
        try pane.sendKeys("End")
        let before = Self.hRow(try pane.waitFor("t=39/40"))
        try pane.sendKeys("Home")
        _ = try pane.waitFor("t=0/40")
        // Focus moves h → units → x; Enter on x[0], type the new first input.
        #expect(try pane.capture().contains("x      0.800"))
        try pane.sendKeys("Tab", "Tab", "Enter")
        _ = try pane.waitFor("editing x[0]")
        try pane.sendText("-0.8")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("x[0] = -0.8")
        try pane.sendKeys("End")
        let after = Self.hRow(try pane.waitFor("t=39/40"))
        #expect(after != before)
        // The same what-if through the repl: the h row at t = 39 is the state entering it.
        let repl = try BuiltBinary.run(["repl"], stdin: "scene remember-first\nx = -0.8 1\ngoto end\n")
        let line = try #require(repl.stdout.split(separator: "\n").last { $0.hasPrefix("t = 39 of 40") })
        let numbers = (line.split(separator: "[").last ?? "").dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(numbers.count == 4)
        for value in numbers { #expect(after.contains(String(format: "%.3f", value)), "h row \(after) lacks \(value)") }
        try Self.finish(pane)
    }

    @Test func aClickOnTheTimelineMovesTheCursor() throws {
        let pane = try Self.start(["--scene", "remember-first"], environment: ["TERM": "xterm-256color"])
        defer { pane.kill() }
        let screen = try pane.waitFor("t=0/40")
        // The strip of unit 2 is the third strip row; its values start at column 6.
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(rows.firstIndex { $0.hasPrefix("   0  ") && $0.contains("▃▃▃▃") })
        try pane.sendMouse(.left, x: 6 + 17, y: first + 2, encoding: .sgr)
        _ = try pane.waitFor("t=17/40")
        try pane.sendKeys("Right")
        _ = try pane.waitFor("t=18/40")
        _ = try pane.waitFor("memory of unit 2 at t=18")
        try Self.finish(pane)
    }

    @Test func stripsReadWithoutColourInEightColoursAndInASCII() throws {
        // NO_COLOR: no colour escapes at all, and the strips are still blocks of heights.
        let plain = try Self.start(["--scene", "remember-first"], environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        defer { plain.kill() }
        _ = try plain.waitFor("t=0/40")
        try plain.sendKeys("End")
        var screen = try plain.waitFor("t=39/40")
        #expect(Self.strips(screen, levels: "▁▂▃▄▅▆▇█").count == 4)
        let escapes = try plain.capture(escapes: true)
        #expect(escapes.range(of: #"\[[0-9;]*(3[0-7]|38;5|4[0-7]|48;5)[;m]"#, options: .regularExpression) == nil, "colour escapes under NO_COLOR")
        try Self.finish(plain)

        // 8 colours (TERM=xterm): the strips are coloured with the 8 base colours only.
        let eight = try Self.start(["--scene", "remember-first"], environment: ["TERM": "xterm"])
        defer { eight.kill() }
        _ = try eight.waitFor("t=0/40")
        try eight.sendKeys("End")
        screen = try eight.waitFor("t=39/40")
        #expect(Self.strips(screen, levels: "▁▂▃▄▅▆▇█").count == 4)
        let coloured = try eight.capture(escapes: true)
        #expect(coloured.range(of: #"\[[0-9;]*3[0-7]m"#, options: .regularExpression) != nil)
        #expect(coloured.range(of: "38;5;") == nil)
        try Self.finish(eight)

        // LANG=C: ASCII density, the memory rows named in ASCII.
        let ascii = try Self.start(["--scene", "remember-first"], environment: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        defer { ascii.kill() }
        _ = try ascii.waitFor("t=0/40")
        try ascii.sendKeys("End")
        screen = try ascii.waitFor("t=39/40")
        #expect(Self.strips(screen, levels: " .:-=+*#%@").count == 4, "\(screen)")
        #expect(screen.contains("prodz") && screen.contains("dh/dx"))
        try Self.finish(ascii)
    }
}
