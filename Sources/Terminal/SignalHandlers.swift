import CTerminalSupport

/// The C signal handlers: installing them turns SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP,
/// SIGCONT and every other catchable signal whose default would end the program (SIGUSR1,
/// SIGUSR2, SIGALRM, SIGPIPE, … as ``PendingSignals/end``) into ``PendingSignals`` flags, and
/// arms the crash restore for SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT and SIGSYS.
/// Signals ignored when the program started stay ignored. A second ending signal, while the
/// main loop has not answered the first, restores the terminal and ends the program at once.
enum SignalHandlers {
    /// Installs the handlers, keeping the previous ones. SIGWINCH stays with ncurses, which turns
    /// it into KEY_RESIZE, unless `windowChanges` is true.
    static func install(windowChanges: Bool = false) {
        terminal_support_install(windowChanges ? 1 : 0)
    }

    /// Puts the previous handlers back and disarms the crash restore.
    static func uninstall() {
        terminal_support_uninstall()
    }

    /// Ends the process as `signal` would have, so the parent sees status 128+n (the default
    /// action is put back and the signal raised again; SIGQUIT, SIGXCPU and SIGXFSZ, whose
    /// default would also dump core, exit with 128+n). Call once the terminal is restored.
    static func end(by signal: Int32) -> Never {
        terminal_support_end_by_signal(signal)
    }
}
