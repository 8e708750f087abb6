import Foundation
import Testing

/// The session in a real terminal: sequences, save and open, the last session resumed after the
/// screen was killed, and long work that keeps the screen answering and can be stopped.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct SessionEndToEndTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "gruscope-e2e-session-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func start(_ arguments: [String], state: String) throws -> TmuxHarness {
        try ScreenEndToEndTests.start(arguments, environment: ["XDG_STATE_HOME": state])
    }

    static func command(_ pane: TmuxHarness, _ line: String) throws {
        try pane.sendKeys(":")
        try pane.sendText(line)
        try pane.sendKeys("Enter")
    }

    @Test func saveThenOpenShowsTheSameStep() throws {
        let folder = try Self.folder()
        let pane = try Self.start([], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try Self.command(pane, "inputs 1 0 0 0 | 0 1 0 0 | 0 0 1 0 | 0 0 0 1")
        _ = try pane.waitFor("sequence: 4 steps")
        try Self.command(pane, "goto 2")
        _ = try pane.waitFor("t=2")
        let row = ScreenEndToEndTests.hRow(try pane.capture())
        try Self.command(pane, "save \(folder)/class.toml")
        _ = try pane.waitFor("saved the session to")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)

        let again = try Self.start(["--open", "\(folder)/class.toml"], state: folder + "/other")
        defer { again.kill() }
        let screen = try again.waitFor("t=2")
        #expect(ScreenEndToEndTests.hRow(screen) == row)
        try again.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(again)
    }

    /// The screen without its last two lines (the status line, which says what was undone, and
    /// the key bar): everything a change and its undo must leave exactly as it was.
    static func picture(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(3).joined(separator: "\n")
    }

    /// Runs a ':' line and waits for its answer on the status line.
    static func command(_ pane: TmuxHarness, _ line: String, answer: String) throws -> String {
        try command(pane, line)
        return try pane.waitFor(answer)
    }

    @Test func everyKindOfChangeIsUndoneAndRedoneOnScreen() throws {
        let folder = try Self.folder()
        let pane = try Self.start([], state: folder)
        defer { pane.kill() }
        // The whole first frame (the key bar is drawn last), not its first lines.
        _ = try pane.waitFor("scene seed-code")
        let start = Self.picture(try pane.waitFor("q quit"))
        // Each change made the way a class makes it, then taken back and made again.
        let changes: [(name: String, make: () throws -> Void, undid: String)] = [
            ("edit x", { try pane.sendKeys("Tab", "5", "Enter"); _ = try pane.waitFor("5.000") }, "undid: x[0] = 5 at t=0"),
            ("step", { try pane.sendKeys("Space"); _ = try pane.waitFor("t=1") }, "undid: step from t=0 to t=1"),
            ("new weights", { try pane.sendKeys("r"); _ = try pane.waitForAbsence(of: "scene seed-code") }, "undid: "),
            ("pin", { _ = try Self.command(pane, "pin z = 0.9", answer: "z pinned") }, "undid: pin z"),
            ("sequence", { _ = try Self.command(pane, "generate sine 12", answer: "sequence: 12 steps") }, "undid: "),
        ]
        for change in changes {
            try change.make()
            let after = Self.picture(try pane.capture())
            #expect(after != start, "\(change.name) changed the screen")
            let undone = try Self.command(pane, "undo", answer: change.undid)
            #expect(Self.picture(undone) == start, "undo of \(change.name) gives the screen back")
            let redone = try Self.command(pane, "redo", answer: "redid: ")
            #expect(Self.picture(redone) == after, "redo of \(change.name) makes it again")
            _ = try Self.command(pane, "undo", answer: change.undid)
        }
        _ = try Self.command(pane, "undo", answer: "error: there is nothing to undo")
        #expect(Self.picture(try pane.capture()) == start)
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func aKilledScreenResumesWhereItWas() throws {
        let folder = try Self.folder()
        let pane = try Self.start(["--scene", "parity"], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("t=0")
        try Self.command(pane, "goto 7")
        _ = try pane.waitFor("t=7")
        try pane.sendKeys("Tab", "Tab", "Down", "Down")
        let screen = try pane.capture()
        let row = ScreenEndToEndTests.hRow(screen)
        // The SSH link drops: the terminal sends SIGHUP. The last change is kept on the way out.
        Foundation.kill(try pane.commandPID(), SIGHUP)
        #expect(try pane.waitForExit() == 128 + SIGHUP)
        #expect(FileManager.default.fileExists(atPath: folder + "/gruscope/last-session.toml"))

        let resumed = try Self.start(["--resume"], state: folder)
        defer { resumed.kill() }
        let back = try resumed.waitFor("t=7")
        #expect(ScreenEndToEndTests.hRow(back) == row)
        #expect(back.contains("parity") || back.contains("example"))
        _ = try Self.command(resumed, "undo", answer: "error: there is nothing to undo")
        try resumed.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(resumed)
    }

    @Test func longWorkShowsProgressAndEscStopsItLeavingTheStateAsItWas() throws {
        let folder = try Self.folder()
        let pane = try Self.start(["--input-size", "64", "--hidden-size", "512"], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("H=512")
        let before = ScreenEndToEndTests.hRow(try pane.capture())
        try Self.command(pane, "step 100000")
        // What it does and how far it is, e.g. "step 100000: 3% (Esc, q or Ctrl-C stops it)".
        _ = try pane.waitFor("% (Esc, q or Ctrl-C stops it)")
        // Keys still answer while it runs.
        try pane.sendKeys("Space")
        _ = try pane.waitFor("busy with step 100000")
        try pane.sendKeys("Escape")
        let screen = try pane.waitFor("stopped; nothing changed")
        #expect(screen.contains("t=0"))
        #expect(ScreenEndToEndTests.hRow(screen) == before)
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func aLongInputsFileLoadsBesideTheScreenAndEscLeavesTheSequenceAsItWas() throws {
        let folder = try Self.folder()
        // 100 000 steps at I=4, H=512: read at once, then seconds of computing.
        var text = ""
        text.reserveCapacity(100_000 * 28)
        for step in 0..<100_000 { text += "\(Float(step % 7) / 7) -0.5 0.25 \(Float(step % 3) - 1)\n" }
        try text.write(toFile: folder + "/long.txt", atomically: true, encoding: .utf8)
        let pane = try Self.start(["--input-size", "4", "--hidden-size", "512"], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("H=512")
        let before = ScreenEndToEndTests.hRow(try pane.capture())
        try Self.command(pane, "inputs \(folder)/long.txt")
        // The title is the line with its long path: the status line keeps its start.
        _ = try pane.waitFor("long.txt: ", timeout: 30)
        _ = try pane.waitFor("% (Esc", timeout: 30)
        try pane.sendKeys("Escape")
        let screen = try pane.waitFor("stopped; nothing changed")
        #expect(screen.contains("t=0") && ScreenEndToEndTests.hRow(screen) == before)
        _ = try Self.command(pane, "inputs", answer: "sequence: 1 step from typed")
        _ = try Self.command(pane, "undo", answer: "error: there is nothing to undo")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test func inputsGivenAtStartLoadOnceTheScreenShows() throws {
        let folder = try Self.folder()
        try "1 0 0 0\n0 1 0 0\n0 0 1 0\n".write(toFile: folder + "/short.txt", atomically: true, encoding: .utf8)
        let short = try Self.start(["--inputs", folder + "/short.txt"], state: folder)
        defer { short.kill() }
        #expect(try short.waitFor("sequence: 3 steps from").contains("short.txt"))
        _ = try Self.command(short, "goto end", answer: "t=2")
        try short.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(short)

        // A long file: the screen shows at once, says how far it is, and Esc leaves the one step.
        var text = ""
        for step in 0..<100_000 { text += "\(step % 5) 0.5 -1 0\n" }
        try text.write(toFile: folder + "/long.txt", atomically: true, encoding: .utf8)
        let long = try Self.start(["--input-size", "4", "--hidden-size", "512", "--inputs", folder + "/long.txt"], state: folder)
        defer { long.kill() }
        _ = try long.waitFor("% (Esc", timeout: 30)
        try long.sendKeys("Escape")
        _ = try long.waitFor("stopped; nothing changed")
        _ = try Self.command(long, "inputs", answer: "sequence: 1 step from typed")
        try long.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(long)

        // A bad file is one message on the status line; the screen stays.
        try "1 0 0\n".write(toFile: folder + "/bad.txt", atomically: true, encoding: .utf8)
        let bad = try Self.start(["--inputs", folder + "/bad.txt"], state: folder)
        defer { bad.kill() }
        _ = try bad.waitFor("error: \(folder)/bad.txt line 1")
        try bad.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(bad)
    }

    @Test func sigtermDuringLongWorkEndsTheScreenCleanly() throws {
        let folder = try Self.folder()
        let pane = try Self.start(["--input-size", "64", "--hidden-size", "512"], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("H=512")
        try Self.command(pane, "step 100000")
        _ = try pane.waitFor("(Esc, q or Ctrl-C stops it)")
        Foundation.kill(try pane.commandPID(), SIGTERM)
        #expect(try pane.waitForExit() == 128 + SIGTERM)
        let state = try pane.terminalState()
        #expect(state.isSane, "terminal left broken: \(state.problems)")
    }

    @Test func aShortLongStepFinishesOnItsOwn() throws {
        let folder = try Self.folder()
        let pane = try Self.start(["--input-size", "16", "--hidden-size", "128"], state: folder)
        defer { pane.kill() }
        _ = try pane.waitFor("H=128")
        try Self.command(pane, "step 3000")
        _ = try pane.waitFor("t=3000", timeout: 60)
        try Self.command(pane, "undo")
        _ = try pane.waitFor("t=0", timeout: 60)
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
