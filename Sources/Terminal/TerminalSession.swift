import CNcursesw
import CTerminalSupport
import Foundation
import TerminalInput
import Themes
import Widgets

/// The full-screen terminal: opens ncurses on the controlling terminal, draws ``Widgets/Grid``
/// frames, reads keys and mouse events, and always gives the terminal back as it found it.
///
/// One session at a time (ncurses has one current screen). Use it from the main thread only.
/// `stop()` runs on deinit too, and a crash handler restores the terminal on a crash.
///
/// The main loop, in order:
///
/// ```swift
/// if let problem = TerminalCheck.currentProblem() { print(problem); exit(2) }
/// let session = try TerminalSession()          // TerminalError: print .message, exit 2
/// loop: while true {
///     let signals = session.pendingSignals()
///     if signals.wantsQuit { break loop }       // Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1 …
///     if signals.contains(.suspend) { session.suspend() }   // Ctrl-Z; returns after `fg`
///     session.present(view(state), style: theme.resolve)
///     if let input = session.nextEvent(timeoutMilliseconds: 100) { (state, effects) = update(state, Event(input)) }
/// }
/// session.finish()                              // stop(); a signal's end is 128+n
/// ```
///
/// While the session is open, standard error goes to a temporary file (so stray messages cannot
/// scribble over the screen) and is written to the terminal when the session stops or crashes.
/// Nothing else may write to standard output meanwhile: ncurses owns it.
public final class TerminalSession {
    /// How many colours ncurses reports (COLORS), or 0 when colours are off or unavailable.
    public let colorCount: Int
    /// The depth the theme should resolve for (see `ColorDepth.detect`).
    public let colorDepth: ColorDepth
    /// Whether the user's locale encodes characters as UTF-8; when it does not, the screen
    /// draws its bars and frames in ASCII.
    public let isUTF8: Bool

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private var isStopped = false

    // Frame state, used by `present`.
    var previousFrame: Grid?
    var needsClear = false
    var pairs: ColorPairTable
    let colors: ColorMapper
    var styleCache = CursesStyleCache()

    // Input state, used by `nextEvent`.
    private var decoder = KeyDecoder()
    private var decoded: [InputEvent] = []

    /// Opens the screen: locale, terminal modes saved, signal and crash handlers, ncurses on
    /// standard input and output, raw-ish keyboard (cbreak, no echo, no flow control, bytes as sent),
    /// hidden cursor, mouse clicks and wheel, colours.
    ///
    /// Throws ``TerminalError`` (a user-facing message) when TERM is unset or unknown, or the
    /// terminal cannot address the cursor; the terminal is untouched then.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        guard let term = environment["TERM"], !term.isEmpty else { throw .terminalTypeUnset }
        isUTF8 = Self.setUpLocale()
        guard terminal_support_save_modes(STDIN_FILENO) == 0 else { throw .cannotReadTerminalModes }
        // Our handlers go in before newterm: ncurses only installs its own SIGINT/SIGTSTP
        // handlers (which would exit or stop behind our back) where none exist. SIGWINCH is left
        // to ncurses, which turns it into KEY_RESIZE.
        SignalHandlers.install()
        guard let screen = newterm(term, shim_stdout(), shim_stdin()) else {
            SignalHandlers.uninstall()
            throw .unknownTerminal(term)
        }
        set_term(screen)
        guard shim_terminfo_string("cup") != nil, let window = shim_stdscr() else {
            endwin()
            delscreen(screen)
            terminal_support_restore_modes()
            SignalHandlers.uninstall()
            throw .cannotAddressCursor(term)
        }
        self.screen = screen
        self.window = window
        Self.leaveInitialState()
        Self.armCrashRestore()
        // Messages on stderr would scribble over the screen; they are shown after it closes.
        terminal_support_capture_stderr()

        cbreak()
        noecho()
        nonl()
        // The bytes as the terminal sends them: KeyDecoder reads escape sequences whole.
        keypad(window, false)
        intrflush(window, false)
        curs_set(0)
        Self.disableFlowControl()

        Self.enableMouse()

        var count = 0
        var hasDefaultColors = false
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if has_colors() && !noColor && start_color() == shim_OK() {
            hasDefaultColors = use_default_colors() == shim_OK()
            count = Int(shim_COLORS())
        }
        colorCount = count
        colorDepth = ColorDepth.detect(environment: environment, terminalColors: count)
        colors = ColorMapper(colorCount: count, hasDefaultColors: hasDefaultColors)
        pairs = ColorPairTable(capacity: count > 0 ? Int(shim_COLOR_PAIRS()) : 0)
        needsClear = true
    }

    deinit {
        stop()
    }

    /// Gives the terminal back: mouse off, cursor shown, alternate screen left, modes restored,
    /// signal handlers put back. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        mousemask(0, nil)
        curs_set(1)
        Self.blankBeforeLeaving(window)
        endwin()
        delscreen(screen)
        terminal_support_restore_modes()
        SignalHandlers.uninstall()
        fflush(shim_stdout())
        terminal_support_release_stderr()
    }

    /// The signal that asked the program to end (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1 …),
    /// the first if several came, or nil.
    public var endingSignal: Int32? { PendingSignals.endingSignal }

    /// Stops the session and, if a signal asked the program to end, ends the process as that
    /// signal would (status 128+n to the parent) now that the terminal is given back. Returns
    /// only when no signal asked.
    public func finish() {
        let signal = endingSignal
        stop()
        if let signal { SignalHandlers.end(by: signal) }
    }

    /// Columns and rows of the screen now.
    public func size() -> (width: Int, height: Int) {
        (Int(shim_max_x(window)), Int(shim_max_y(window)))
    }

    /// The signals that arrived since the last call; see ``PendingSignals`` for what each asks.
    ///
    /// A `.resume` (SIGCONT after being stopped from outside, e.g. `kill -STOP`) is already
    /// answered here: the program's terminal modes are set again and the next frame is drawn in
    /// full. `.suspend` is left to the caller, who calls ``suspend()``.
    public func pendingSignals() -> PendingSignals {
        let signals = PendingSignals.take()
        if signals.contains(.resume) && !isStopped {
            reset_prog_mode()
            forceFullRedraw()
        }
        return signals
    }

    /// Ctrl-Z: gives the terminal back, stops the process, and on `fg` takes the screen again.
    /// The next ``present(_:style:)`` redraws everything.
    public func suspend() {
        guard !isStopped else { return }
        Self.blankBeforeLeaving(window)
        endwin()
        terminal_support_restore_modes()
        terminal_support_set_armed(0)
        fflush(shim_stdout())
        terminal_support_stop_self()
        // Continued: SIGCONT has set its flag, which this redraw already answers.
        PendingSignals.post(PendingSignals.take().subtracting(.resume))
        terminal_support_set_armed(1)
        reset_prog_mode()
        forceFullRedraw()
    }

    /// Until a screen has been through one `endwin` and `doupdate`, ncurses treats it as not yet
    /// initialised and flushes its output at every cursor movement (meant for programs that only
    /// use the low-level terminfo calls): a frame that changes numbers all over the screen then
    /// costs hundreds of `write` calls, each one a trip through the terminal, instead of one.
    /// Taking that cycle now, before anything is drawn, is the documented way back from a shell
    /// escape and leaves the screen as `newterm` did.
    private static func leaveInitialState() {
        endwin()
        doupdate()
    }

    /// Clears the screen before the alternate screen is left. tmux (3.3a) gives back only as
    /// many of the shell's rows as the pane had when the alternate screen was entered: after a
    /// Ctrl-Z and `fg` in a 1×1 pane, then a resize to 80×24, leaving put 23 rows of the last
    /// frame into the shell's screen (the soak found them under the shell's next lines). A blank
    /// screen leaks nothing, on any terminal; a resume or start draws everything again anyway.
    private static func blankBeforeLeaving(_ window: UnsafeMutablePointer<WINDOW>) {
        wclear(window)
        wrefresh(window)
    }

    /// Clicks of the primary button and the wheel, reported at once (no click timing).
    private static func enableMouse() {
        mousemask(shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED() | shim_BUTTON4_PRESSED() | shim_BUTTON5_PRESSED(), nil)
        mouseinterval(0)
    }

    /// Makes the next ``present(_:style:)`` clear the terminal and draw every cell, for when
    /// the screen may hold something else (after SIGCONT from outside, or on the user's Ctrl-L).
    public func forceFullRedraw() {
        previousFrame = nil
        needsClear = true
    }

    /// How long the rest of an escape sequence may take to arrive once its first bytes have: a
    /// terminal sends a sequence in one write, so only a lone Esc waits this long.
    static let sequenceWaitMilliseconds: Int32 = 50

    /// The next input: a key, mouse click or wheel, a resize, or a sequence no key is known by;
    /// nil when nothing arrived within the timeout or a signal interrupted the wait. A negative
    /// timeout waits without limit (still interrupted by signals).
    ///
    /// ncurses delivers the terminal's bytes as they are (keypad translation is off) and
    /// ``KeyDecoder`` reads every escape sequence whole, whatever TERM says the keys send.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !isStopped else { return nil }
        if !decoded.isEmpty { return decoded.removeFirst() }
        while true {
            wtimeout(window, decoder.isPending ? Self.sequenceWaitMilliseconds : Int32(clamping: timeoutMilliseconds))
            let code = wgetch(window)
            if code == CursesCodes.resize {
                decoded += decoder.flush()
                forceFullRedraw()
                let (width, height) = size()
                decoded.append(.resize(width: width, height: height))
            } else if code == CursesCodes.err {
                // A pause (or a signal) ends what was held: a lone Esc is the Escape key.
                guard decoder.isPending else { return nil }
                decoded += decoder.flush()
            } else if (0...255).contains(code) {
                decoded += decoder.decode(CollectionOfOne(UInt8(code)))
            }
            if !decoded.isEmpty { return decoded.removeFirst() }
            if !decoder.isPending { return nil }
        }
    }

    /// Whether the user's own locale is UTF-8, which decides Unicode or ASCII bars. Under a
    /// non-UTF-8 locale the character handling still switches to a UTF-8 one when the system
    /// has it, so ncurses can place wide characters; the drawing stays ASCII.
    private static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8Codeset() { break }
        }
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = shim_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Keeps Ctrl-S and Ctrl-Q as keys instead of XON/XOFF that would freeze the screen; saved
    /// as ncurses' program mode so a resume after Ctrl-Z keeps it.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        def_prog_mode()
    }

    /// What a crash must write to give the screen back, taken from this terminal's own
    /// description: attributes off, cursor on, keypad off, mouse off, alternate screen left.
    private static func armCrashRestore() {
        var sequence = ""
        for capability in ["sgr0", "cnorm", "rmkx"] {
            if let value = shim_terminfo_string(capability) { sequence += String(cString: value) }
        }
        if shim_terminfo_string("kmous") != nil {
            // xterm mouse modes ncurses may have turned on: click, drag, any motion, SGR.
            sequence += "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        }
        // Blank first, as a normal exit does (see blankBeforeLeaving).
        if let value = shim_terminfo_string("clear") { sequence += String(cString: value) }
        if let value = shim_terminfo_string("rmcup") { sequence += String(cString: value) }
        let bytes = Array(sequence.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                terminal_support_set_restore_sequence(chars.baseAddress, chars.count)
            }
        }
    }
}
