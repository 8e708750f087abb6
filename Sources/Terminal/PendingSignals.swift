import CTerminalSupport

/// Signals that arrived since the main loop last asked; the handlers only set flags, so all
/// the work happens here, in ordinary code.
public struct PendingSignals: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// SIGINT (Ctrl-C).
    public static let interrupt = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGINT))
    /// SIGTERM.
    public static let terminate = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGTERM))
    /// SIGHUP: the terminal went away (an SSH connection dropped).
    public static let hangUp = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGHUP))
    /// SIGQUIT (Ctrl-\).
    public static let quit = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGQUIT))
    /// SIGTSTP (Ctrl-Z): call ``TerminalSession/suspend()``.
    public static let suspend = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGTSTP))
    /// SIGCONT: continued after being stopped from outside; the screen needs a full redraw.
    public static let resume = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGCONT))
    /// Any other signal whose default action ends the program (SIGUSR1, SIGUSR2, SIGALRM,
    /// SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, real-time signals): the
    /// program ends, after giving the terminal back.
    public static let end = PendingSignals(rawValue: UInt32(TERMINAL_SUPPORT_SIGEND))

    /// Whether the program should end: SIGINT, SIGTERM, SIGHUP, SIGQUIT or an ``end`` signal
    /// arrived. ``TerminalSession/endingSignal`` says which came first.
    public var wantsQuit: Bool {
        !intersection([.interrupt, .terminate, .hangUp, .quit, .end]).isEmpty
    }
}

extension PendingSignals {
    /// Takes (and clears) the signals the C handlers recorded.
    static func take() -> PendingSignals {
        PendingSignals(rawValue: UInt32(terminal_support_take_pending_signals()))
    }

    /// The number of the first signal that asked the program to end since the handlers were
    /// installed, or nil.
    static var endingSignal: Int32? {
        let number = terminal_support_ending_signal()
        return number > 0 ? number : nil
    }

    /// Records signals as if they had arrived; the next ``take()`` returns them.
    static func post(_ signals: PendingSignals) {
        terminal_support_post_pending_signals(signals.rawValue)
    }
}
