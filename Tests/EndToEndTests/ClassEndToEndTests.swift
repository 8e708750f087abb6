import Foundation
import Testing

/// Issue 13 through a real terminal: presentation mode, a recording, exports of the screen and
/// of a panel, under LANG=C and NO_COLOR too. Every wait is for the screen, never for time.
@Suite(.serialized) struct ClassEndToEndTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-class-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func presentationModeAtEightyColumnsUnderLangCAndNoColor() throws {
        let pane = try ScreenEndToEndTests.start(["--scene", "seed-doc", "--present"], environment: ["LANG": "C", "NO_COLOR": "1"])
        defer { pane.kill() }
        let screen = try pane.waitFor("signed bars +/-2, fixed")
        let ascii = screen.unicodeScalars.allSatisfy(\.isASCII)
        // The big header, tall bars in ASCII, the mix line under each unit; nothing outside ASCII.
        #expect(screen.contains("step t = 0   h' = z*h + (1-z)*h~"))
        #expect(screen.contains("h' -0.275"))
        #expect(ascii, "\(screen)")
        #expect(screen.contains("pinned: z"))
        // Steps keep the scale: bars compare across steps.
        try pane.sendKeys("Space", "Space")
        let stepped = try pane.waitFor("t=2")
        #expect(stepped.contains("signed bars +/-2, fixed"))
        // Leaving presentation mode by command.
        try pane.sendText(":present off")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("presentation mode off")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func recordingAndExportsOfTheScreenAndOfAPanel() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = folder.appendingPathComponent("class.cast").path
        let text = folder.appendingPathComponent("screen.txt").path
        let panel = folder.appendingPathComponent("why.svg").path
        let pane = try ScreenEndToEndTests.start(["--scene", "seed-doc"], width: 120, height: 40)
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-doc")
        try pane.sendText(":record \(cast)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("REC")
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try pane.sendText(":record")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("frames")
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        // asciicast v2: a JSON header, then [time, "o", text] events, in time order.
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 120 && header["height"] as? Int == 40)
        #expect(lines.count >= 3)
        var last = 0.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let time = try #require(event[0] as? Double)
            #expect(time >= last && event[1] as? String == "o")
            last = time
        }
        // The first frame draws the whole screen (REC in its header); later ones only what changed.
        #expect(lines[1].contains("REC") && lines[1].contains("scene seed-doc"))
        // Plain text of the screen: the negative bars read as right-aligned blocks.
        try pane.sendText(":export \(text)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("saved the screen")
        let saved = try String(contentsOfFile: text, encoding: .utf8)
        #expect(saved.contains("t=1") && saved.contains("h′"))
        // A panel exported: ':' over it keeps it on screen for the picture.
        try pane.sendText(":why z 4")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("W_z")
        try pane.sendText(":export \(panel)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("saved the screen")
        let svg = try String(contentsOfFile: panel, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("W_z"))
        try pane.sendKeys("Escape", "q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}

/// Undo and redo through a real terminal: `u` and Ctrl-R as vim users expect.
@Suite struct UndoKeysEndToEndTests {
    @Test func uUndoesAndCtrlRRedoesAndTheStatusLineSaysWhat() throws {
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        // An edit of x[0], then new random weights.
        try pane.sendKeys("Tab", "5", "Enter")
        _ = try pane.waitFor("x[0] = 5")
        try pane.sendKeys("r")
        _ = try pane.waitFor("u takes them back")
        try pane.sendKeys("u")
        _ = try pane.waitFor("undid: new random")
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("u")
        let undone = try pane.waitFor("undid: x[0] = 5")
        #expect(undone.split(separator: "\n").contains { $0.hasPrefix("x ") && $0.contains("1.000") })
        try pane.sendKeys("C-r")
        let redone = try pane.waitFor("redid: x[0] = 5")
        #expect(redone.split(separator: "\n").contains { $0.hasPrefix("x ") && $0.contains("5.000") })
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
