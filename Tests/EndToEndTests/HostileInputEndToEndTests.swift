import Foundation
import Testing

/// Issue 10 in a real terminal: what a class might paste or type must never end the screen.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct HostileInputEndToEndTests {
    @Test func aCombiningMarkOnTheCommandLine() throws {
        // Crash 2: `:a` + U+0301 + `b` trapped with "String index is out of bounds".
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        try pane.sendText("a\u{301}")
        try pane.sendText("b")
        _ = try pane.waitFor(":a\u{301}b")
        try pane.sendKeys("Escape")
        _ = try pane.waitFor("Tab focus")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func aCombiningMarkInAValue() throws {
        // `1` + U+0301 + `x` in a value: refused as not a number, the old value stays.
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("Tab")
        try pane.sendText("1")
        try pane.sendText("\u{301}")
        try pane.sendText("x")
        try pane.sendKeys("Enter")
        let screen = try pane.waitFor("is not a number")
        #expect(screen.contains("x[0] = '1\u{301}x' is not a number"))
        // The edit stays open with the text; Esc keeps the old value.
        try pane.sendKeys("Escape")
        _ = try pane.waitFor("1.000   2.000   3.000   4.000")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func tenThousandCharactersPastedIntoTheCommandLineScrollToTheCursor() throws {
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        let pasted = (0..<10_000).map { String($0 % 10) }.joined() + "END"
        try pane.sendText(pasted)
        // The line shows its end, where the cursor is, after the mark for text to the left.
        // tmux types the paste key by key; the wait is generous for a busy 2-core machine.
        let screen = try pane.waitFor(String(pasted.suffix(40)), timeout: 30)
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix(":") })
        #expect(line == ":‹" + pasted.suffix(77), "the line shows the end of the text, where the cursor is")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("error")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}

extension HostileInputEndToEndTests {
    /// A file that takes long to read (here a FIFO nobody writes to, which never ends) shows at
    /// once that it is being read; Esc drops it and the screen goes on unchanged.
    @Test func aReadThatDoesNotEndIsShownAndEscDropsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("never.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        try pane.sendText("inputs \(fifo)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("(Esc, q or Ctrl-C stops it)")
        try pane.sendKeys("Escape")
        _ = try pane.waitFor("stopped; nothing changed")
        try pane.sendKeys(":")
        try pane.sendText("step")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("t = 1")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
