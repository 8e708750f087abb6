import Glibc
import Testing

@testable import Terminal

/// The real C handlers, exercised by raising signals at this process. Serialized: the handlers
/// and flags are process-wide.
@Suite(.serialized) struct PendingSignalsTests {
    @Test func postedSignalsAreTakenOnce() {
        _ = PendingSignals.take()
        PendingSignals.post([.suspend, .hangUp])
        #expect(PendingSignals.take() == [.suspend, .hangUp])
        #expect(PendingSignals.take() == [])
    }

    @Test func quitSignalsAskToQuitAndOthersDoNot() {
        #expect(PendingSignals.interrupt.wantsQuit)
        #expect(PendingSignals.terminate.wantsQuit)
        #expect(PendingSignals.hangUp.wantsQuit)
        #expect(PendingSignals.quit.wantsQuit)
        #expect(!PendingSignals.suspend.wantsQuit)
        #expect(!PendingSignals.resume.wantsQuit)
        #expect(!PendingSignals([]).wantsQuit)
    }

    @Test func installedHandlersTurnSignalsIntoFlags() {
        let cases: [(Int32, PendingSignals)] = [
            (SIGINT, .interrupt), (SIGTERM, .terminate), (SIGHUP, .hangUp), (SIGQUIT, .quit), (SIGTSTP, .suspend), (SIGCONT, .resume),
        ]
        // A signal ignored when the tests started stays ignored (as for nohup), so skip those.
        let raisable = cases.filter { !Self.isIgnored($0.0) }
        SignalHandlers.install()
        defer { SignalHandlers.uninstall() }
        // The test runner's threads may block signals; a raised signal must reach the handler
        // now, and the mask must be back before the handlers go.
        var signals = sigset_t()
        sigemptyset(&signals)
        for (signal, _) in raisable { sigaddset(&signals, signal) }
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &signals, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        _ = PendingSignals.take()
        for (signal, flag) in raisable {
            raise(signal)
            #expect(PendingSignals.take() == flag, "signal \(signal)")
        }
    }

    @Test func uninstallPutsThePreviousHandlersBack() {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        SignalHandlers.install()
        SignalHandlers.uninstall()
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        #expect(unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self))
    }

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    }
}
