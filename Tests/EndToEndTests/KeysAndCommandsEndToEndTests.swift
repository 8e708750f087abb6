import Foundation
import Testing

/// Issue 9's traps and issue 10's command-line crashes, the way a user meets them: the built
/// binary, through pipes and in a real terminal under the two TERMs tmux users have.
@Suite struct ReplHostileLineTests {
    /// Crash 1: a line of white space other than spaces and tabs trapped in the parser.
    @Test(arguments: ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{0C}\u{0C}#c"])
    func blankLinesOfAnyWhiteSpaceAreBlank(line: String) throws {
        let result = try BuiltBinary.run(["repl"], stdin: line + "\nstep\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("t = 1 of 2  h = ["), "\(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test func theSameLinesInALessonFileAreChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("blank.toml")
        let lesson = """
            name = "blank"
            number = 7
            title.en = "T"
            title.zh = "题"
            summary.en = "S"
            summary.zh = "概"

            [[step]]
            run = ["\\u000B", "\\f\\f#c", "\\u2028", "step"]
            en = "t is {t}"
            zh = "t 是 {t}"
            """
        try lesson.write(to: file, atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["lessons", "--check", file.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("blank.toml: 1 step run"), "\(result.stdout)")
    }

    @Test func echoedInputHasNoControlCharactersAndIsClipped() throws {
        let long = String(repeating: "z", count: 10_000_000)
        let result = try BuiltBinary.run(["repl"], stdin: "lesson \u{1B}]0;PWNED\u{07}\nbogus\u{1B}[2J\n" + long + "\nx = 1 " + long + "\nstep\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "error: there is no lesson '\\e]0;PWNED\\x07'; lessons: keep-and-replace, reset-gate, memory-and-overwrite, conventions, spot-the-bug, memory-over-time")
        #expect(lines[1] == "error: unknown command 'bogus\\e[2J'; type help for the list")
        #expect(lines[2] == "error: this line is 10000000 bytes long; a line may be at most 1048576 bytes")
        #expect(lines[3] == "error: this line is 10000006 bytes long; a line may be at most 1048576 bytes")
        #expect(lines[4].hasPrefix("t = 1 of 2  h = ["))
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stdout.utf8.count < 2000)
    }

    @Test func countsSayTheirMaximum() throws {
        let result = try BuiltBinary.run(["repl"], stdin: "step 99999999999999999999\nback 100001\n")
        #expect(result.stdout == """
            error: step takes a whole number of steps from 1 to 100000, e.g. step 3; got '99999999999999999999'
            error: back takes a whole number of steps from 1 to 100000, e.g. back 3; got '100001'

            """)
    }

    @Test(arguments: [
        (["repl", "--hidden-size", "-1"], "error: --hidden-size takes a whole number from 1 to "),
        (["repl", "--input-size", "0"], "error: --input-size takes a whole number from 1 to "),
        (["trace", "--hidden-size", "-3"], "error: --hidden-size takes a whole number from 1 to "),
    ])
    func aNegativeSizeIsSaidPlainly(arguments: [String], message: String) throws {
        let result = try BuiltBinary.run(arguments, stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test func helpListsTheKeysFromTheKeyMap() throws {
        let result = try BuiltBinary.run(["screen", "--help"])
        #expect(result.status == 0)
        for line in ["↑ k", "0-9 . -", "< >", "[ ] C-x C-a", "PgUp C-b", "Home End", "C-l", "During a lesson:", "n ", "Typing a value or a : line:"] {
            #expect(result.stdout.contains(line), "--help lacks \(line)")
        }
    }
}

/// The screen's traps under TERM=xterm-256color and TERM=tmux-256color: tmux sends the keys the
/// way it always does (Home as `\e[1~`, End as `\e[4~`), whatever TERM the program sees.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct KeyTrapEndToEndTests {
    static let terms = ["xterm-256color", "tmux-256color"]

    static func start(_ arguments: [String], term: String, width: Int = 80, height: Int = 24) throws -> TmuxHarness {
        try ScreenEndToEndTests.start(arguments, width: width, height: height, environment: ["TERM": term])
    }

    /// The x and h rows and the header, which every trap must leave as they were.
    static func cell(_ screen: String) -> [String] {
        screen.split(separator: "\n").filter { $0.hasPrefix("x ") || $0.hasPrefix("h ") || $0.hasPrefix(" gruscope") }.map(String.init)
    }

    @Test(arguments: terms)
    func aCommandOverAPanelRunsAsACommand(term: String) throws {
        let pane = try Self.start(["--scene", "seed-doc"], term: term)
        defer { pane.kill() }
        let before = Self.cell(try pane.waitFor("scene seed-doc"))
        try pane.sendKeys(":")
        try pane.sendText("explain 3")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("Unit 3 ")
        try pane.sendKeys(":")
        try pane.sendText("explain 4")
        try pane.sendKeys("Enter")
        // The panel of the second command (its title, its text), not keys run one by one.
        let screen = try pane.waitFor("Unit 4 ")
        #expect(screen.contains(":explain 4"), "\(screen)")
        try pane.sendKeys("Escape")
        // The panel goes (the story below it now tells unit 4, which `explain 4` selected).
        let after = try pane.waitForAbsence(of: ":explain 4")
        #expect(Self.cell(after) == before, "the second : changed the cell")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    /// `:help` is taller than 80×24: it scrolls as less does (PgDn and Space a page, j a line,
    /// PgUp back), in ASCII too, and Esc closes it with nothing else changed.
    @Test(arguments: terms)
    func aLongPanelScrolls(term: String) throws {
        let pane = try ScreenEndToEndTests.start([], width: 80, height: 24, environment: ["TERM": term, "LANG": "C"])
        defer { pane.kill() }
        let before = Self.cell(try pane.waitFor("scene seed-code"))
        try pane.sendKeys(":")
        try pane.sendText("help")
        try pane.sendKeys("Enter")
        // The footer is the frame's last row: once it offers the scroll, the frame is whole.
        _ = try pane.waitFor(" 1-20/")
        _ = try pane.waitFor("Down scroll")
        try pane.sendKeys("PageDown")
        _ = try pane.waitFor(" 20-39/")
        try pane.sendText(" ")
        _ = try pane.waitFor(" 39-58/")
        try pane.sendKeys("j")
        _ = try pane.waitFor(" 40-59/")
        try pane.sendKeys("PageUp")
        _ = try pane.waitFor(" 21-40/")
        try pane.sendKeys("Escape")
        _ = try pane.waitForAbsence(of: "-40/")
        let after = try pane.waitForAbsence(of: "Down scroll")
        #expect(Self.cell(after) == before, "scrolling the panel changed the cell")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test(arguments: terms)
    func typingZeroPointFiveSetsOneValue(term: String) throws {
        let pane = try Self.start(["--scene", "seed-doc"], term: term)
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-doc")
        try pane.sendKeys("Tab", "Tab")
        _ = try pane.waitFor("Tab focus")
        try pane.sendText("0.5")
        try pane.sendKeys("Enter")
        let screen = try pane.waitFor("h[0] = 0.5")
        #expect(ScreenEndToEndTests.hRow(screen).contains("0.500   2.000   0.000   1.000   4.000   3.000"), "\(ScreenEndToEndTests.hRow(screen))")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test(arguments: terms)
    func terminalKeysArriveWholeAndNeverAsLooseCharacters(term: String) throws {
        // z is pinned to 0.1 on unit 0, the table's z column focused: a loose `[` would nudge it to
        // 0, a loose digit would open an edit.
        let pane = try Self.start(["--scene", "seed-doc"], term: term)
        defer { pane.kill() }
        let before = Self.cell(try pane.waitFor("scene seed-doc"))
        for key in ["Home", "End", "PPage", "NPage", "IC", "DC", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
                    "C-Left", "S-Up", "M-Right", "C-Down", "S-F5"] {
            try pane.sendKeys(key)
        }
        // A `:` after them shows they have all been read.
        try pane.sendKeys(":")
        let screen = try pane.waitFor("\n:")
        #expect(!screen.contains("editing"), "a digit started an edit:\n\(screen)")
        #expect(Self.cell(screen) == before, "a key changed the cell:\n\(screen)")
        try pane.sendKeys("Escape")
        _ = try pane.waitFor("Tab focus")
        // F1 is help; Ctrl-L redraws everything.
        try pane.sendKeys("F1")
        _ = try pane.waitFor("┌ keys")
        try pane.sendKeys("Escape")
        _ = try pane.waitForAbsence(of: "┌ keys")
        try pane.sendKeys("C-l")
        _ = try pane.waitFor("scene seed-doc")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    @Test(arguments: terms)
    func anUnknownSequenceOnTheCommandLineIsDroppedWhole(term: String) throws {
        // Issue 10: `\e[99~` on the `:` line cancelled it and its 9 started an edit; tmux's End
        // (`\e[4~`) under xterm-256color typed "4~".
        let pane = try Self.start([], term: term)
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        try pane.sendText("step")
        try pane.sendText("\u{1B}[99~")
        let screen = try pane.waitFor("which is no key gruscope knows")
        #expect(screen.contains(":step"), "the : line was closed:\n\(screen)")
        #expect(!screen.contains("editing"))
        try pane.sendKeys("Home", "End")
        try pane.sendText(" 2")
        _ = try pane.waitFor(":step 2")
        #expect(!(try pane.capture()).contains("4~"))
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("t=2")
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }

    /// The soak's oddity (issue 10): its closing Esc Esc q left the screen in "editing pinned
    /// z[0]" and q did not quit. Esc Esc q must quit with an edit open whether the three keys
    /// arrive in one write or apart, and when the Escs reach a screen still too small to draw
    /// (the soak resizes to 80×24 just before, and tmux passes the resize on late).
    @Test(arguments: ["one write", "apart", "too small"])
    func escEscQQuitsFromAnEditOfAPinnedGate(arrival: String) throws {
        let pane = try Self.start(["--scene", "seed-doc"], term: "tmux-256color")
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-doc")
        // The screen opens on the table's z column at unit 0, and the scene pins z.
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("editing pinned z[0]")
        switch arrival {
        case "one write":
            try pane.sendText("\u{1B}\u{1B}q")
        case "apart":
            try pane.sendKeys("Escape")
            try pane.sendKeys("Escape")
            try pane.sendKeys("q")
        default:
            try pane.resize(width: 20, height: 6)
            _ = try pane.waitFor("now 20×6")
            try pane.sendKeys("Escape")
            try pane.sendKeys("Escape")
            try pane.resize(width: 80, height: 24)
            _ = try pane.waitFor("scene seed-doc")
            try pane.sendKeys("q")
        }
        let status = try pane.waitForExit()
        #expect(status == 0)
        let state = try pane.terminalState()
        #expect(state.isSane, "terminal left broken: \(state.problems)")
        #expect(!(try pane.capture()).contains("scene seed-doc"), "gruscope's screen is still shown")
    }

    @Test(arguments: terms)
    func keysOnAScreenTooSmallDoNothing(term: String) throws {
        let pane = try Self.start(["--scene", "seed-doc"], term: term)
        defer { pane.kill() }
        let before = Self.cell(try pane.waitFor("scene seed-doc"))
        try pane.resize(width: 20, height: 6)
        _ = try pane.waitFor("now 20×6")
        try pane.sendText("Dp [s:x")
        try pane.sendKeys("Enter", "Escape")
        try pane.resize(width: 1, height: 1)
        try pane.sendText("D ]:0.5")
        try pane.sendKeys("Enter")
        try pane.resize(width: 80, height: 24)
        let after = try pane.waitFor("scene seed-doc")
        #expect(Self.cell(after) == before, "keys acted on a 1×1 screen:\n\(after)")
        #expect(!after.contains("editing") && !after.contains("\n:"))
        try pane.resize(width: 1, height: 1)
        try pane.sendKeys("q")
        try ScreenEndToEndTests.expectSaneExit(pane)
    }
}
