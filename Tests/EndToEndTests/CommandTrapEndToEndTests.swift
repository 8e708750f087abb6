import Foundation
import Testing

/// Commands a class might type on the `:` line that must not surprise it, in a real terminal:
/// an export never replaces a file unless asked with `export!`, and an absurd count is refused
/// with one clear message and the state left as it was.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct CommandTrapEndToEndTests {
    static func command(_ pane: TmuxHarness, _ line: String) throws {
        try pane.sendKeys(":")
        _ = try pane.waitFor("\n:")
        try pane.sendText(line)
        try pane.sendKeys("Enter")
    }

    @Test(arguments: KeyTrapEndToEndTests.terms)
    func exportReplacesAFileOnlyWithTheBang(term: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slide.txt").path
        let pane = try KeyTrapEndToEndTests.start(["--scene", "seed-doc"], term: term, width: 100, height: 30)
        defer { pane.kill() }
        _ = try pane.waitFor("t=0")

        try Self.command(pane, "export \(file)")
        _ = try pane.waitFor("saved the screen to")
        let first = try String(contentsOfFile: file, encoding: .utf8)
        #expect(first.contains("t=0"), "\(first)")

        // A step, then the same export: refused, the file as it was.
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try Self.command(pane, "export \(file)")
        let refused = try pane.waitFor("already exists")
        #expect(refused.contains("export!"), "the message does not say how to replace it:\n\(refused)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == first)

        // export! replaces it with the screen as it is now.
        try Self.command(pane, "export! \(file)")
        _ = try pane.waitFor("saved the screen to")
        let second = try String(contentsOfFile: file, encoding: .utf8)
        #expect(second != first && second.contains("t=1"), "\(second)")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test(arguments: KeyTrapEndToEndTests.terms)
    func anAbsurdStepCountIsOneClearMessage(term: String) throws {
        let pane = try KeyTrapEndToEndTests.start(["--scene", "seed-doc"], term: term, width: 120, height: 30)
        defer { pane.kill() }
        let before = KeyTrapEndToEndTests.cell(try pane.waitFor("t=0"))
        try Self.command(pane, "step 99999999999999999999")
        let screen = try pane.waitFor("step takes a whole number of steps from 1 to 100000")
        #expect(screen.contains("got '99999999999999999999'"), "\(screen)")
        #expect(KeyTrapEndToEndTests.cell(screen) == before, "the refused step changed the cell:\n\(screen)")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
