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
        #expect(PendingSignals.end.wantsQuit)
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

    /// (40 is a real-time signal: SIGRTMIN is 34 under glibc.)
    /// Issue 10, item 9: SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE used to end the program with the
    /// terminal raw; now they, like every signal whose default ends a program, ask the loop to
    /// end, and the first one is remembered for the exit status.
    @Test func signalsThatWouldEndTheProgramAskToQuitAndAreRemembered() {
        let ending: [Int32] = [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, Int32(40)].filter { !Self.isIgnored($0) }
        for signal in ending {
            SignalHandlers.install()
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, signal)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_UNBLOCK, &only, &previousMask)
            _ = PendingSignals.take()
            #expect(PendingSignals.endingSignal == nil)
            raise(signal)
            let taken = PendingSignals.take()
            #expect(taken == .end && taken.wantsQuit, "signal \(signal)")
            #expect(PendingSignals.endingSignal == signal)
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            SignalHandlers.uninstall()
        }
    }

    @Test func theFirstEndingSignalIsTheOneRemembered() {
        guard !Self.isIgnored(SIGTERM) else { return }
        SignalHandlers.install()
        defer { SignalHandlers.uninstall() }
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGTERM)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &only, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        raise(SIGTERM)
        #expect(PendingSignals.endingSignal == SIGTERM)
        _ = PendingSignals.take()
        // Installing again starts afresh.
        SignalHandlers.uninstall()
        SignalHandlers.install()
        #expect(PendingSignals.endingSignal == nil)
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
