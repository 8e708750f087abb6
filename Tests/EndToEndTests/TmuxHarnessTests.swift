import Foundation
import Testing

/// The harness checked against plain shell commands, so a failing screen test is about the
/// program and not the harness.
@Suite(.enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TmuxHarnessTests {
    @Test func typedLineReachesTheCommandAndItsOutputIsCaptured() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "read x; echo got $x"])
        try tmux.sendText("hello")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("got hello")
        #expect(try tmux.waitForExit() == 0)
        let state = try tmux.terminalState()
        #expect(state.isSane, "problems: \(state.problems)")
    }

    @Test func scrollbackHoldsWhatScrolledOffTheScreen() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "echo first line; seq 1 40"], height: 10)
        try tmux.waitForExit()
        try tmux.waitFor("40")
        #expect(!(try tmux.capture()).contains("first line"))
        #expect(try tmux.capture(scrollback: true).contains("first line"))
    }

    @Test func exitStatusIsReported() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "exit 7"])
        #expect(try tmux.waitForExit() == 7)
    }

    @Test func environmentAndDefaultTermReachTheCommand() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "echo \"term=$TERM x=$GRUSCOPE_X\""], environment: ["GRUSCOPE_X": "42"])
        try tmux.waitFor("term=\(TmuxHarness.defaultTerm) x=42")
        let other = try TmuxHarness(command: ["sh", "-c", "echo \"term=$TERM\""], environment: ["TERM": "xterm-256color"])
        try other.waitFor("term=xterm-256color")
    }

    @Test func paneHasTheRequestedSizeAndFollowsAResize() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "stty size; read x; stty size"], width: 70, height: 20)
        try tmux.waitFor("20 70")
        try tmux.resize(width: 100, height: 30)
        try tmux.sendKeys("Enter")
        try tmux.waitFor("30 100")
    }

    @Test func aProgramThatBreaksTheTerminalIsCaught() throws {
        let breaker = "stty -icanon -echo -ixon; printf '\\033[?1049h\\033[?1000h\\033[?25l\\033[?1h'; exit 3"
        let tmux = try TmuxHarness(command: ["sh", "-c", breaker])
        #expect(try tmux.waitForExit() == 3)
        let state = try tmux.terminalState()
        #expect(!state.isSane)
        #expect(!state.isCanonical)
        #expect(!state.echoes)
        #expect(!state.hasFlowControl)
        #expect(state.alternateScreenOn)
        #expect(state.mouseReportingOn)
        #expect(!state.cursorVisible)
        #expect(state.applicationCursorKeysOn)
        #expect(state.problems.count == 7)
    }

    @Test func waitingForTextThatNeverComesFailsWithTheScreen() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "echo something else; sleep 30"])
        try tmux.waitFor("something else")
        let error = #expect(throws: TmuxHarnessError.self) { try tmux.waitFor("never shown", timeout: 0.3) }
        #expect(error?.description.contains("something else") == true)
        #expect(error?.description.contains("never shown") == true)
    }

    @Test func ctrlCReachesTheCommandAndTheWrapperSurvivesIt() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "trap 'echo caught int; exit 6' INT; echo ready; while :; do sleep 0.05; done"])
        try tmux.waitFor("ready")
        try tmux.sendKeys("C-c")
        try tmux.waitFor("caught int")
        #expect(try tmux.waitForExit() == 6)
        #expect(try tmux.terminalState().isSane)
    }

    @Test func signalsReachTheCommand() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "trap 'echo caught term; exit 5' TERM; echo ready; while :; do sleep 0.05; done"])
        try tmux.waitFor("ready")
        Foundation.kill(try tmux.commandPID(), SIGTERM)
        try tmux.waitFor("caught term")
        #expect(try tmux.waitForExit() == 5)
    }

    @Test func commandStartsWithNoSignalBlockedOrIgnored() throws {
        // The test runner blocks signals in its threads; a program under test that inherited
        // that could never see Ctrl-C or SIGTERM.
        let tmux = try TmuxHarness(command: ["sh", "-c", "grep -E 'SigBlk|SigIgn' /proc/self/status"])
        let screen = try tmux.waitFor("SigIgn")
        #expect(screen.contains("SigBlk:\t0000000000000000") || screen.contains("SigBlk: 0000000000000000"), "\(screen)")
    }

    @Test func mouseReportsArriveAsBytes() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "stty -icanon -echo; dd bs=1 count=12 2>/dev/null | od -An -c; stty sane"])
        try tmux.sendMouse(.left, x: 2, y: 3, encoding: .sgr)
        try tmux.waitFor("<   0   ;   3   ;   4   M")
    }
}
