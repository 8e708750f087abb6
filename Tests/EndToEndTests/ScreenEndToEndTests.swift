import Foundation
import Testing

/// The full screen in a real terminal: tmux on a private server, keys typed with send-keys,
/// the screen read with capture-pane, every wait for something drawn rather than for time.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct ScreenEndToEndTests {
    static let header = "gruscope · tf-grucell"

    static func start(_ arguments: [String] = [], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxHarness {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": ""]
        for (key, value) in environment { env[key] = value }
        return try TmuxHarness(command: [BuiltBinary.path] + arguments, width: width, height: height, environment: env)
    }

    /// The h row of the screen, the line that starts with "h ".
    static func hRow(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.hasPrefix("h ") }.map(String.init) ?? ""
    }

    static func expectSaneExit(_ pane: TmuxHarness, status expected: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = try pane.waitForExit()
        #expect(status == expected, sourceLocation: sourceLocation)
        let state = try pane.terminalState()
        #expect(state.isSane, "terminal left broken: \(state.problems)", sourceLocation: sourceLocation)
    }

    @Test func editXThenStepShowsTheEngineNumbers() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("Tab", "5", "Enter")
        _ = try pane.waitFor("5.000")
        try pane.sendKeys("Space")
        let screen = try pane.waitFor("t=1")
        let trace = try BuiltBinary.run(["trace", "--x", "5 2 3 4", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.stdout.utf8)) as? [String: Any])
        let h = try #require((object["steps"] as? [[String: Any]])?.first?["h"] as? [Double])
        let row = Self.hRow(screen)
        for value in h {
            #expect(row.contains(String(format: "%.3f", value)), "h row \(row) lacks \(value)")
        }
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func theCommandLineRunsTheLanguage() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        try pane.sendText("h = 1 1 1 1 1")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("h = [1, 1, 1, 1, 1]")
        #expect(Self.hRow(try pane.capture()).contains("1.000   1.000   1.000"))
        try pane.sendKeys(":")
        try pane.sendText("x = 1 2")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("error: x needs 4 numbers, got 2")
        let picture = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-\(getpid()).svg")
        defer { try? FileManager.default.removeItem(at: picture) }
        try pane.sendKeys(":")
        try pane.sendText("export \(picture.path)")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("saved the screen")
        let svg = try String(contentsOf: picture, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("seed-code"))
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func tinyTerminalsRecover() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.resize(width: 20, height: 6)
        _ = try pane.waitFor("80×24, now 20×6")
        try pane.resize(width: 1, height: 1)
        try pane.resize(width: 3, height: 2)
        try pane.resize(width: 80, height: 24)
        _ = try pane.waitFor("scene seed-code")
        #expect(!pane.hasExited)
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func ctrlCQuitsCleanly() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("C-c")
        // Ctrl-C is SIGINT: the terminal is restored and the status says so, 128+2.
        try Self.expectSaneExit(pane, status: 128 + SIGINT)
    }

    @Test func sigtermQuitsCleanly() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        Foundation.kill(try pane.commandPID(), SIGTERM)
        try Self.expectSaneExit(pane, status: 128 + SIGTERM)
    }

    @Test func ctrlZThenFgComesBack() throws {
        // A shell with job control, as a user has it.
        let pane = try TmuxHarness(
            command: ["bash", "--norc", "--noprofile", "-i"], width: 80, height: 24,
            environment: ["LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": "", "PS1": "prompt$ "])
        defer { pane.kill() }
        _ = try pane.waitFor("prompt$")
        try pane.sendText("\(BuiltBinary.path)\n")
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("C-z")
        _ = try pane.waitFor("Stopped")
        #expect(!(try pane.capture()).contains("scene seed-code"), "the screen is given back while stopped")
        try pane.sendText("fg\n")
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try pane.sendKeys("q")
        _ = try pane.waitFor("prompt$")
        try pane.sendText("exit\n")
        try Self.expectSaneExit(pane)
    }

    /// The soak found the screen's last frame in the shell's screen after gruscope ended: tmux
    /// gives back only as many of the shell's rows as the pane had when the alternate screen
    /// was entered, here after a stop and continue in a 20×6 pane. The screen is blanked before
    /// it is left, so nothing of it stays behind.
    @Test func nothingOfTheScreenStaysInTheShellsScreen() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.resize(width: 20, height: 6)
        _ = try pane.waitFor("now 20×6")
        let pid = try pane.commandPID()
        Foundation.kill(pid, SIGTSTP)
        try Self.waitForProcessState("T", of: pid)
        Foundation.kill(pid, SIGCONT)
        // Drawn again, in the alternate screen entered anew at 20×6.
        _ = try pane.waitFor("now 20×6")
        try pane.resize(width: 80, height: 24)
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
        let left = try pane.capture()
        for piece in ["scene seed-code", "Tab focus", "unit", "│"] {
            #expect(!left.contains(piece), "the shell's screen shows \(piece):\n\(left)")
        }
    }

    /// Polls /proc until the process is in `state` (`T`: stopped).
    static func waitForProcessState(_ state: String, of pid: pid_t, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let after = stat.range(of: ")", options: .backwards),
               stat[after.upperBound...].split(separator: " ").first.map(String.init) == state {
                return
            }
            usleep(5_000)
        }
        throw TmuxHarnessError(description: "process \(pid) did not reach state \(state) in \(timeout)s")
    }

    @Test func aRuntimeTrapStillRestoresTheTerminal() throws {
        let pane = try Self.start(environment: [
            "GRUSCOPE_TEST_TRAP_AFTER_FIRST_FRAME": "1", "SWIFT_BACKTRACE": "enable=no",
        ])
        defer { pane.kill() }
        let status = try pane.waitForExit()
        #expect(status != 0, "the trap ends the process")
        let state = try pane.terminalState()
        #expect(state.isSane, "terminal left broken after a crash: \(state.problems)")
    }

    @Test(arguments: [
        ["TERM": "xterm-256color"], ["TERM": "xterm"], ["NO_COLOR": "1"], ["LANG": "C", "LC_ALL": "C"],
    ])
    func shortRunsUnderOtherTerminals(_ environment: [String: String]) throws {
        let pane = try Self.start(environment: environment)
        defer { pane.kill() }
        let ascii = environment["LANG"] == "C"
        let screen = try pane.waitFor(ascii ? "gruscope | tf-grucell" : Self.header)
        if ascii {
            #expect(!screen.contains("█"), "a C locale draws ASCII bars")
            #expect(screen.contains("#"))
        }
        try pane.sendKeys("Space")
        _ = try pane.waitFor("t=1")
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func lessonsMoveWithNAndP() throws {
        let pane = try Self.start(["--lesson", "keep-and-replace"], width: 100, height: 30)
        defer { pane.kill() }
        _ = try pane.waitFor("step 1 of")
        try pane.sendKeys("n")
        _ = try pane.waitFor("step 2 of")
        try pane.sendKeys("p")
        _ = try pane.waitFor("step 1 of")
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func chineseLaysOutAt80x24() throws {
        let pane = try Self.start(["--lang", "zh"])
        defer { pane.kill() }
        let screen = try pane.waitFor("单元 0")
        #expect(screen.contains("前进"))
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func theMouseSelectsAndTheWheelNudges() throws {
        let pane = try Self.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        // x[2] sits in the x row (row 2, under its indices), in the third value cell (columns 4 + 2·8 … ).
        try pane.sendMouse(.left, x: 4 + 2 * 8 + 3, y: 2, encoding: .x10)
        _ = try pane.waitFor("selected x[2]")
        try pane.sendMouse(.wheelUp, x: 4 + 2 * 8 + 3, y: 2, encoding: .x10)
        _ = try pane.waitFor("x[2] = 3.1")
        // Unit 3 is the fourth row of the table (rows start at 6).
        try pane.sendMouse(.left, x: 1, y: 6 + 3, encoding: .x10)
        _ = try pane.waitFor("selected h[3]")
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func themesSwitchLiveAndBrokenOnesAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-e2e-themes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.toml")
        try "name = \"broken\"\n[roles]\nkept = { fg = \"tael\" }\n".write(to: broken, atomically: true, encoding: .utf8)
        let pane = try Self.start(["--theme", broken.path], width: 120, height: 30)
        defer { pane.kill() }
        _ = try pane.waitFor("broken.toml line 3")
        try pane.sendKeys(":")
        try pane.sendText("theme high-contrast")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("theme high-contrast")
        try pane.sendKeys(":")
        try pane.sendText("theme no-such-theme")
        try pane.sendKeys("Enter")
        _ = try pane.waitFor("no-such-theme")
        try pane.sendKeys("q")
        try Self.expectSaneExit(pane)
    }

    @Test func notATerminalPointsToTheLineCommands() throws {
        let result = try BuiltBinary.run([])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: ") && !result.stderr.hasPrefix("error: error:"))
        #expect(result.stderr.contains("gruscope repl") && result.stderr.contains("gruscope trace"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anUnknownTerminalGetsOurMessage() throws {
        let pane = try Self.start(environment: ["TERM": "no-such-terminal"])
        defer { pane.kill() }
        let status = try pane.waitForExit()
        #expect(status == 2)
        #expect(try pane.capture().contains("error: the terminal type 'no-such-terminal' is unknown"))
    }

    @Test func benchRenderReportsAfterLeavingTheScreen() throws {
        // The report's lines, not its timings: scripts/bench-start reads the clock line.
        let pane = try Self.start(["--bench-render", "--frames", "6", "--hidden-size", "40", "--input-size", "3"], width: 100, height: 30)
        defer { pane.kill() }
        try Self.expectSaneExit(pane)
        let report = try pane.capture()
        #expect(report.contains("screen 100×30, H=40, I=3"))
        #expect(report.range(of: #"first frame at [0-9]+\.[0-9]{6} s on the monotonic clock"#, options: .regularExpression) != nil)
        #expect(report.contains("peak memory:") && report.contains("frames: 3 diffed, 3 full"))
        #expect(report.contains("weights and first step"))
    }
}
