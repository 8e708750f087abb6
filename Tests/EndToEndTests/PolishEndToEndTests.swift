import Foundation
import Testing

/// Loose ends of issues 12 and 13 through a real terminal: undo and redo under LANG=C and in
/// Chinese, the character model's x row and timeline, and exports that keep the time panels.
/// Every wait is for the screen, never for time.
@Suite(.serialized) struct PolishEndToEndTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-polish-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The status line: the last line but one of the pane.
    static func statusLine(_ screen: String) -> String {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.count >= 2 ? String(lines[lines.count - 2]) : ""
    }

    @Test func undoAndRedoUnderLangCSayWhatInASCII() throws {
        let pane = try ScreenEndToEndTests.start(["--scene", "seed-doc"], environment: ["LANG": "C", "NO_COLOR": "1"])
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-doc")
        // The help panel names both keys, in ASCII.
        try pane.sendKeys("?")
        let help = try pane.waitFor("redo what u undid")
        let helpASCII = help.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(help.contains("C-r") && help.contains("undo the last change") && helpASCII, "\(help)")
        try pane.sendKeys("Escape")
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try pane.sendKeys("r")
        let weights = try pane.waitFor("u takes them back")
        let weightsASCII = weights.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(weightsASCII, "\(weights)")
        try pane.sendKeys("u")
        let undone = try pane.waitFor("undid: new random")
        let undoneASCII = undone.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(undoneASCII, "\(undone)")
        try pane.sendKeys("u")
        let step = try pane.waitFor("undid: step from t=0 to t=1")
        let stepASCII = step.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(step.contains("t=0") && stepASCII, "\(step)")
        try pane.sendKeys("C-r")
        let redone = try pane.waitFor("redid: step from t=0 to t=1")
        let redoneASCII = redone.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(redoneASCII, "\(redone)")
        try pane.sendKeys("C-r", "C-r")
        let nothing = try pane.waitFor("there is nothing to redo")
        #expect(Self.statusLine(nothing).contains("error: there is nothing to redo"), "\(nothing)")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func undoAndRedoInChinese() throws {
        let pane = try ScreenEndToEndTests.start(["--scene", "seed-doc", "--lang", "zh"])
        defer { pane.kill() }
        _ = try pane.waitFor("t=0")
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try pane.sendKeys("u")
        _ = try pane.waitFor("已撤销：")
        try pane.sendKeys("C-r")
        let redone = try pane.waitFor("已重做：")
        #expect(Self.statusLine(redone).hasPrefix("已重做："), "\(redone)")
        try pane.sendKeys("u", "u")
        _ = try pane.waitFor("没有可以撤销的")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func theCharacterModelShowsItsCharacters() throws {
        let pane = try ScreenEndToEndTests.start(["--scene", "chars"])
        defer { pane.kill() }
        let first = try pane.waitFor("= \"h\"")
        let xRow = try #require(first.split(separator: "\n").first { $0.hasPrefix("x ") })
        #expect(xRow.hasSuffix("= \"h\""), "\(first)")
        // The timeline spells the sequence under its ruler (waited for too: on a busy machine a
        // capture can catch the frame half written, the x row drawn and the timeline not yet).
        _ = try pane.waitFor("hello")
        try pane.sendKeys(")")
        _ = try pane.waitFor("= \"e\"")
        try pane.sendText(":x = 0.5")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("not a character")
        try pane.sendText(":inputs \"the cat\"")
        try pane.sendKeys("Enter")
        let cat = try pane.waitFor("the␣cat")
        #expect(cat.contains("= \"t\""), "\(cat)")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func theCharacterModelUnderLangC() throws {
        let pane = try ScreenEndToEndTests.start(["--scene", "chars"], environment: ["LANG": "C"])
        defer { pane.kill() }
        _ = try pane.waitFor("= \"h\"")
        try pane.sendText(":inputs \"the cat\"")
        try pane.sendKeys("Enter")
        let cat = try pane.waitFor("the_cat")
        let catASCII = cat.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(catASCII, "\(cat)")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func exportsKeepTheTimelineAndTheMemoryPanel() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("timeline.txt").path
        let svg = folder.appendingPathComponent("timeline.svg").path
        let pane = try ScreenEndToEndTests.start(["--scene", "remember-first"], width: 120, height: 40)
        defer { pane.kill() }
        _ = try pane.waitFor("∂h/∂x")
        try pane.sendKeys("End")
        _ = try pane.waitFor("t=39")
        try pane.sendText(":export \(text)")
        try pane.sendKeys("Enter")
        // The screen as the status line says it was saved: the status line is drawn last, so
        // every row above it is this frame's (the header alone may show a frame half drawn).
        let screen = try pane.waitFor("saved the screen")
        let saved = try String(contentsOfFile: text, encoding: .utf8)
        // The ruler, the strips, the retention and influence rows and the memory story.
        for part in ["∏z", "∂h/∂x", "step per column", "memory of unit"] {
            #expect(saved.contains(part), "\(part) is missing from the export:\n\(saved)")
        }
        // Every line of the screen's timeline is in the file as the screen shows it.
        let strips = screen.split(separator: "\n").filter { $0.contains("▇▇▇▇") || $0.contains("▁▁▁▁") }
        #expect(!strips.isEmpty)
        for line in strips { #expect(saved.contains(line.trimmingCharacters(in: .whitespaces)), "\(line)") }
        try pane.sendText(":export \(svg)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("saved the screen to \(svg)")
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        // A word is one <text> element in the picture.
        #expect(picture.contains("<svg") && picture.contains(">∏z<") && picture.contains(">memory<") && picture.contains(">∂h/∂x<"))
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
