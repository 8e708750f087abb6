import CTerminalSupport

/// The C signal handlers: installing them turns SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP and
/// SIGCONT into ``PendingSignals`` flags and arms the crash restore for SIGSEGV, SIGILL, SIGTRAP,
/// SIGBUS, SIGFPE and SIGABRT. Signals ignored when the program started stay ignored.
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
}
