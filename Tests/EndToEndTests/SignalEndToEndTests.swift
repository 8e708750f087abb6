import Foundation
import Testing

/// Issue 10, item 9: every signal that ends gruscope gives the terminal back and ends it with
/// status 128+n. SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE used to leave the terminal raw with the
/// alternate screen on; SIGTERM, SIGHUP, SIGINT and SIGQUIT restored it but exited with 0.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "needs tmux"))
struct SignalEndToEndTests {
    static let ending: [(name: String, number: Int32)] = [
        ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGALRM", SIGALRM), ("SIGPIPE", SIGPIPE),
        ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP), ("SIGINT", SIGINT), ("SIGQUIT", SIGQUIT),
        ("SIGVTALRM", SIGVTALRM), ("SIGXCPU", SIGXCPU), ("real-time 40", 40),
    ]

    @Test(arguments: ending)
    func aSignalRestoresTheTerminalAndEndsWith128PlusN(_ signal: (name: String, number: Int32)) throws {
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        // An open command line puts the terminal in every mode the screen uses.
        try pane.sendKeys(":")
        try pane.sendText("zz")
        _ = try pane.waitFor(":zz")
        Foundation.kill(try pane.commandPID(), signal.number)
        try ScreenEndToEndTests.expectSaneExit(pane, status: 128 + signal.number)
    }

    @Test func aSecondSignalEndsABusyScreenAtOnce() throws {
        // A long computation keeps the loop from answering the first signal; the second is
        // handled in the signal handler itself: terminal restored, status 128+15.
        let pane = try ScreenEndToEndTests.start()
        defer { pane.kill() }
        _ = try pane.waitFor("scene seed-code")
        try pane.sendKeys(":")
        try pane.sendText("step 20000000")
        try pane.sendKeys("Enter")
        let pid = try pane.commandPID()
        Foundation.kill(pid, SIGTERM)
        // Two signals of one kind sent together arrive as one: wait until the first has been
        // delivered (it is no longer pending for the process) before sending the second.
        try Self.waitUntilDelivered(SIGTERM, to: pid)
        Foundation.kill(pid, SIGTERM)
        try ScreenEndToEndTests.expectSaneExit(pane, status: 128 + SIGTERM)
    }

    /// Polls /proc until `signal` is no longer pending for `pid` (or the process is gone).
    static func waitUntilDelivered(_ signal: Int32, to pid: pid_t, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let bit = UInt64(1) << UInt64(signal - 1)
        while Date() < deadline {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return }
            let pending = status.split(separator: "\n")
                .filter { $0.hasPrefix("ShdPnd:") || $0.hasPrefix("SigPnd:") }
                .compactMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
                .reduce(0, |)
            if pending & bit == 0 { return }
            usleep(5_000)
        }
        throw TmuxHarnessError(description: "signal \(signal) stayed pending for \(timeout)s")
    }
}
