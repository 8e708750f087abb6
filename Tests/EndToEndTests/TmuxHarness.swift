import Foundation

/// A failure of the harness itself, or a wait that timed out, with what the screen showed.
struct TmuxHarnessError: Error, CustomStringConvertible {
    let description: String
}

/// How a terminal looks after a program has exited, read from the pane it ran in.
struct PaneTerminalState: Equatable {
    /// `stty -a` showed `icanon` (line editing on).
    var isCanonical: Bool
    /// `stty -a` showed `echo`.
    var echoes: Bool
    /// `stty -a` showed `ixon` (Ctrl-S/Ctrl-Q flow control as the shell had it).
    var hasFlowControl: Bool
    /// tmux's `alternate_on`.
    var alternateScreenOn: Bool
    /// Any of tmux's mouse reporting modes.
    var mouseReportingOn: Bool
    /// tmux's `cursor_flag`.
    var cursorVisible: Bool
    /// tmux's `keypad_cursor_flag` (application cursor keys, left on by a missing `rmkx`).
    var applicationCursorKeysOn: Bool

    /// What is wrong, in words; empty when the terminal is as a shell expects it.
    var problems: [String] {
        var found: [String] = []
        if !isCanonical { found.append("line editing is off (-icanon)") }
        if !echoes { found.append("echo is off (-echo)") }
        if !hasFlowControl { found.append("flow control is off (-ixon)") }
        if alternateScreenOn { found.append("the alternate screen is still on") }
        if mouseReportingOn { found.append("mouse reporting is still on") }
        if !cursorVisible { found.append("the cursor is hidden") }
        if applicationCursorKeysOn { found.append("application cursor keys are still on") }
        return found
    }

    /// Whether a shell could be used normally now.
    var isSane: Bool { problems.isEmpty }
}

/// Runs one command in a detached tmux session on a private server, so end-to-end tests can
/// type at a real terminal and read its screen.
///
/// The command runs inside a small `sh` wrapper that, after the command exits, records its exit
/// status and `stty -a` and then keeps the pane open, so the terminal the program left behind can
/// be inspected. Every wait polls with a deadline; nothing sleeps a fixed time.
final class TmuxHarness {
    /// The private server's socket name (`tmux -L`).
    let socketName: String
    /// The pane's target for tmux commands.
    let target = "gruscope-test:0.0"
    private let scratchDirectory: URL
    private var isKilled = false

    /// The TERM given to the command unless `environment` names another: what tmux users have,
    /// and what matches the key sequences tmux sends.
    static let defaultTerm = "tmux-256color"

    /// Starts `command` (program and arguments, no shell) in a `width`×`height` pane, with
    /// `environment` added to the test's own (TERM is `defaultTerm` unless given).
    init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        guard !command.isEmpty else { throw TmuxHarnessError(description: "TmuxHarness: empty command") }
        socketName = "gruscope-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        scratchDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socketName)
        try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)

        var variables = environment
        if variables["TERM"] == nil { variables["TERM"] = Self.defaultTerm }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // $1 is the scratch directory; the rest is `env NAME=value... command...`. Ctrl-C and
        // Ctrl-\ reach the whole process group, so the wrapper catches them (a caught signal,
        // unlike an ignored one, is back at its default in the command) to outlive the command.
        let wrapper = """
            dir="$1"; shift
            trap ':' INT QUIT
            "$@"
            status=$?
            stty -a > "$dir/stty" 2>&1
            echo "$status" > "$dir/status.partial" && mv "$dir/status.partial" "$dir/status"
            exec sleep 100000
            """
        try run([
            "new-session", "-d", "-s", "gruscope-test", "-x", String(width), "-y", String(height),
            "sh", "-c", wrapper, "sh", scratchDirectory.path, "env",
        ] + assignments + command)
    }

    deinit {
        kill()
    }

    /// Presses keys by tmux name: "Enter", "C-c", "Up", "BTab", "F5", "q"...
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, byte for byte (also for raw escape sequences); `--` lets text
    /// start with a minus sign ("-0.8") without tmux taking it for a flag.
    func sendText(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", "--", text])
    }

    /// A mouse report as the terminal would send it: SGR (`\e[<b;x;yM`, for TERM=xterm*) or
    /// X10 (`\e[M` and three bytes, for TERM=tmux*/screen*). Columns and rows count from 0.
    enum MouseEncoding { case sgr, x10 }

    /// Mouse buttons as terminals number them.
    enum MouseButton: Int { case left = 0, wheelUp = 64, wheelDown = 65 }

    /// Sends a press of `button` at a cell (and its release, for the left button).
    func sendMouse(_ button: MouseButton, x: Int, y: Int, encoding: MouseEncoding) throws {
        switch encoding {
        case .sgr:
            var text = "\u{1B}[<\(button.rawValue);\(x + 1);\(y + 1)M"
            if button == .left { text += "\u{1B}[<0;\(x + 1);\(y + 1)m" }
            try sendText(text)
        case .x10:
            func byte(_ value: Int) -> String { String(UnicodeScalar(UInt8(min(value, 255)))) }
            var text = "\u{1B}[M" + byte(32 + button.rawValue) + byte(33 + x) + byte(33 + y)
            if button == .left { text += "\u{1B}[M" + byte(32 + 3) + byte(33 + x) + byte(33 + y) }
            try sendText(text)
        }
    }

    /// The screen as text; with `escapes`, with the colour and attribute escape sequences; with
    /// `scrollback`, with the lines that scrolled off the top too.
    func capture(escapes: Bool = false, scrollback: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []) + (scrollback ? ["-S", "-"] : []))
    }

    /// Waits until the screen shows `text`, returning the screen; throws with the last screen
    /// after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        var screen = ""
        let found = try poll(timeout: timeout) {
            screen = try capture()
            return screen.contains(text)
        }
        guard found else {
            throw TmuxHarnessError(description: "timed out after \(timeout)s waiting for \"\(text)\"; the screen was:\n\(screen)")
        }
        return screen
    }

    /// Waits until the screen no longer shows `text`.
    @discardableResult
    func waitForAbsence(of text: String, timeout: TimeInterval = 10) throws -> String {
        var screen = ""
        let gone = try poll(timeout: timeout) {
            screen = try capture()
            return !screen.contains(text)
        }
        guard gone else {
            throw TmuxHarnessError(description: "timed out after \(timeout)s waiting for \"\(text)\" to go; the screen was:\n\(screen)")
        }
        return screen
    }

    /// Waits for the command to exit and returns its exit status (128+n for signal n).
    @discardableResult
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let statusFile = scratchDirectory.appendingPathComponent("status")
        var status: Int32?
        _ = try poll(timeout: timeout) {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8) {
                status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return status != nil
        }
        guard let status else {
            throw TmuxHarnessError(description: "timed out after \(timeout)s waiting for the command to exit; the screen was:\n\((try? capture()) ?? "")")
        }
        return status
    }

    /// Whether the command has exited.
    var hasExited: Bool {
        FileManager.default.fileExists(atPath: scratchDirectory.appendingPathComponent("status").path)
    }

    /// Resizes the pane, as a user dragging the window would (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "gruscope-test:0", "-x", String(width), "-y", String(height)])
    }

    /// The terminal as the command left it; call after ``waitForExit(timeout:)``.
    func terminalState() throws -> PaneTerminalState {
        guard hasExited else {
            throw TmuxHarnessError(description: "terminalState() needs the command to have exited first")
        }
        let stty = try String(contentsOf: scratchDirectory.appendingPathComponent("stty"), encoding: .utf8)
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        let format = "#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_all_flag} #{cursor_flag} #{keypad_cursor_flag}"
        let values = try run(["display-message", "-p", "-t", target, format])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard values.count == 7 else {
            throw TmuxHarnessError(description: "tmux display-message gave an unexpected answer: \(values)")
        }
        return PaneTerminalState(
            isCanonical: flags.contains("icanon"), echoes: flags.contains("echo"), hasFlowControl: flags.contains("ixon"),
            alternateScreenOn: values[0], mouseReportingOn: values[1] || values[2] || values[3] || values[4],
            cursorVisible: values[5], applicationCursorKeysOn: values[6])
    }

    /// The command's process id (the wrapper shell's child), for sending it signals.
    func commandPID(timeout: TimeInterval = 10) throws -> pid_t {
        let text = try run(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard let shell = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxHarnessError(description: "tmux gave no pane pid: \(text)")
        }
        var child: pid_t?
        _ = try poll(timeout: timeout) {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            child = children.split(separator: " ").first.flatMap { pid_t($0) }
            return child != nil
        }
        guard let child else { throw TmuxHarnessError(description: "the command in the pane has no process (exited?)") }
        return child
    }

    /// Stops the private server and removes the scratch files. Safe to call twice.
    func kill() {
        guard !isKilled else { return }
        isKilled = true
        // The server leaves its socket file behind; remove it too so runs do not pile them up.
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? run(["kill-server"])
        if let socketPath, socketPath.contains(socketName) { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: scratchDirectory)
    }

    /// Calls `condition` every 20 ms until it holds or `timeout` seconds pass.
    private func poll(timeout: TimeInterval, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(20_000)
        }
    }

    /// Runs one tmux command on the private server and returns its output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputFile = scratchDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)")
        let errorFile = scratchDirectory.appendingPathComponent("tmux-err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        var environment = ProcessInfo.processInfo.environment
        // Started from inside tmux, the tests must still talk to their own server only.
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        let status = try Self.spawnAndWait(
            ["tmux", "-L", socketName, "-f", "/dev/null"] + arguments, environment: environment,
            outputPath: outputFile.path, errorPath: errorFile.path)
        let outText = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw TmuxHarnessError(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(message)")
        }
        return outText
    }

    /// Runs a program found on PATH with output sent to files and waits for it.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: the first tmux command forks
    /// the server, which inherits whatever the client had (a pipe would never reach its end),
    /// and Process was seen to hang in waitUntilExit under the test runner.
    private static func spawnAndWait(
        _ arguments: [String], environment: [String: String], outputPath: String, errorPath: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner's threads block and ignore signals; tmux, and through it the program
        // under test, must start with none blocked and every disposition at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw TmuxHarnessError(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw TmuxHarnessError(description: "waiting for \(arguments[0]) failed: \(String(cString: strerror(errno)))")
            }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Whether tmux can be run here; tests that need it are skipped otherwise.
    static var isAvailable: Bool {
        let status = try? spawnAndWait(["tmux", "-V"], environment: ProcessInfo.processInfo.environment, outputPath: "/dev/null", errorPath: "/dev/null")
        return status == 0
    }
}
