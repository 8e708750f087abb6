import Localization
import Script
import Teaching

/// A command only the screen's ':' line has.
public enum ScreenCommand: Sendable, Equatable {
    /// `theme NAME|PATH`: switch the colours.
    case theme(String)
    /// `export[!] FILE.svg|FILE.txt`: save the screen; `export!` replaces an existing file.
    case export(path: String, format: ExportFormat, replacing: Bool)
    /// `scale …`: fix the signed bars' scale (of some columns), or let it follow the step (nil).
    case scale(Float?, columns: [GateColumn]?)
    /// `present [on|off]`: presentation mode on, off, or toggled (nil).
    case present(Bool?)
    /// `select N`: select unit N (the table scrolls to it).
    case select(Int)
    /// `record[!] FILE.cast` starts an asciicast recording of the screen; `record` alone stops it.
    case record(path: String?, replacing: Bool)

    /// How they are named, written and read.
    public static let specs: [CommandSpec<ScreenCommand>] = [
        CommandSpec("theme", usage: "theme NAME|PATH") { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { throw UserError(key: "error.script.usage", ["usage": "theme NAME|PATH"]) }
            return .theme(String(arguments.rest))
        },
        CommandSpec("export", usage: "export[!] FILE.svg|FILE.txt", allowsBang: true) { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { throw UserError(key: "error.script.usage", ["usage": "export[!] FILE.svg|FILE.txt"]) }
            let path = String(arguments.rest)
            let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard let format = ExportFormat(rawValue: suffix), path.contains(".") else {
                throw UserError(key: "error.export.format", ["path": arguments.quoted])
            }
            return .export(path: path, format: format, replacing: arguments.bang)
        },
        scaleSpec,
        presentSpec,
        recordSpec,
        selectSpec,
    ]
}

/// A line of the ':' line, parsed: the language (core and teaching commands) or the screen's own.
public enum ScreenLine: Sendable, Equatable {
    /// A command of the language, run by the line session.
    case language(HostCommand<TeachingCommand>)
    /// A command of the screen.
    case screen(ScreenCommand)

    /// The parser of the ':' line.
    public static let parser = CommandParser<ScreenLine>(
        core: { .language(.core($0)) },
        extra: TeachingCommand.specs.map { $0.map { .language(.extra($0)) } } + ScreenCommand.specs.map { $0.map(ScreenLine.screen) })
}

extension AppState {
    /// Adds a typed line to the ':' history (not twice in a row), dropping the oldest lines past
    /// the history's limits.
    mutating func remember(_ typed: String) {
        guard commandHistory.last != typed else { return }
        commandHistory.append(typed)
        var bytes = commandHistory.reduce(0) { $0 + $1.utf8.count }
        var dropped = 0
        while commandHistory.count - dropped > 1,
              commandHistory.count - dropped > Self.commandHistoryLines || bytes > Self.commandHistoryBytes {
            bytes -= commandHistory[dropped].utf8.count
            dropped += 1
        }
        commandHistory.removeFirst(dropped)
    }

    /// Runs one ':' line: the screen's own commands become effects, the rest runs through the
    /// language; a line that needs a file returns its effect and changes nothing yet.
    mutating func runCommand(_ line: String) -> [Effect] {
        let words = CommandWords(line)
        guard !words.isBlank else { return [] }
        let typed = String(words.text)
        remember(typed)
        historyCursor = nil
        let parsed: ScreenLine?
        do {
            parsed = try ScreenLine.parser.parse(line, context: lines.parseContext)
        } catch {
            return show(CommandOutcome(error: error), for: typed, command: nil)
        }
        // A panel left open under the ':' line is what `export` saves; anything else replaces it.
        if case .screen(.export) = parsed {} else { overlay = nil }
        switch parsed {
        case nil:
            return []
        case let .screen(.theme(name)):
            return [.loadTheme(name)]
        case let .screen(.export(path, format, replacing)):
            return [.export(path: path, format: format, replacing: replacing)]
        case let .screen(.scale(value, columns)):
            applyScale(value, columns: columns)
            return []
        case let .screen(.present(on)):
            applyPresent(on)
            return []
        case let .screen(.record(path, replacing)):
            return record(path, replacing: replacing)
        case let .screen(.select(unit)):
            select(unit: unit)
            return []
        case let .language(.extra(.explain(unit?))) where (0..<session.hiddenSize).contains(unit):
            // `explain N` tells unit N's story and selects it, so the screen shows the same unit.
            select(unit: unit)
            return runLanguage(.extra(.explain(unit: unit)), typed: typed)
        case let .language(.extra(.timeline(query))) where showsTime:
            // On the screen the panel shows the strips; the line sets what it shows.
            setTimeline(query)
            return []
        case let .language(command):
            return runLanguage(command, typed: typed)
        }
    }

    /// Runs a parsed command of the language: at once, as background work when it computes too
    /// much for this thread, or as an effect when it needs a file (nothing changes until its
    /// result comes back).
    mutating func runLanguage(_ command: HostCommand<TeachingCommand>, typed: String) -> [Effect] {
        lines.view = sessionView
        switch lines.run(command, help: ScreenLine.parser.commands) {
        case let .done(outcome) where outcome.error?.needsBackground == true:
            let lines = self.lines, help = ScreenLine.parser.commands
            pendingCommand = PendingCommand(line: typed, command: command)
            startWork(title: EchoText.printable(typed, limit: RunningWork.longestTitle)) {
                var lines = lines
                let outcome = lines.complete(lines.run(command, help: help))
                if let error = outcome.error { return .failed(error) }
                return .lines(lines, outcome)
            }
            return []
        case let .done(outcome):
            return show(outcome, for: typed, command: command)
        case let .needs(effect):
            pendingCommand = PendingCommand(line: typed, command: command)
            startReading(title: EchoText.printable(typed, limit: RunningWork.longestTitle))
            return [.language(effect)]
        }
    }

    /// Takes what the loop reports of an effect.
    mutating func receive(_ result: EffectResult) -> [Effect] {
        switch result {
        case let .language(result):
            // The read is over (only it runs while a command waits for its file).
            running = nil
            status = nil
            let pending = pendingCommand
            let viewBefore = lines.view
            let outcome = lines.receive(result)
            if outcome.error?.needsBackground == true {
                let lines = self.lines
                startWork(title: EchoText.printable(pending?.line ?? "", limit: RunningWork.longestTitle)) {
                    var lines = lines
                    let outcome = lines.receive(result)
                    if let error = outcome.error { return .failed(error) }
                    return .lines(lines, outcome)
                }
                return []
            }
            pendingCommand = nil
            if lines.view != viewBefore { restore(lines.view) }
            return show(outcome, for: pending?.line ?? "", command: pending?.command)
        case let .work(id, outcome):
            guard running?.id == id else { return [] }
            running = nil
            status = nil
            let pending = pendingCommand
            pendingCommand = nil
            switch outcome {
            case let .lines(newLines, outcome):
                let viewBefore = lines.view
                lines = newLines
                if lines.view != viewBefore { restore(lines.view) }
                if let pending { return show(outcome, for: pending.line, command: pending.command) }
                status = StatusMessage(text("work.done", ["t": String(session.t), "count": String(session.count)]))
            case let .failed(error) where error == .cancelled:
                status = StatusMessage(text("work.cancelled"))
            case let .failed(error):
                status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
            }
        case let .theme(.success(change)):
            themeName = change.name
            status = StatusMessage(text("status.theme", ["name": change.name, "source": change.source]))
        case let .theme(.failure(error)), let .export(_, .failure(error)):
            status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
        case let .export(path, .success):
            status = StatusMessage(text("status.exported", ["path": EchoText.printable(path)]))
        case let .recording(result):
            receiveRecording(result)
        case let .time(report):
            receiveTime(report)
        }
        return []
    }

    /// Shows what a ':' line gave: a short answer on the status line, a long one in a panel, a
    /// mistake in the class's language; a lesson that moved says where it is.
    private mutating func show(_ outcome: CommandOutcome, for line: String, command: HostCommand<TeachingCommand>?) -> [Effect] {
        if outcome.quit {
            isQuitting = true
            return [.quit]
        }
        clampSelection()
        if let error = outcome.error {
            status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
            return []
        }
        if isInLesson, let command, Self.movesLesson(command) {
            showLessonStatus(fallback: outcome.output)
            return []
        }
        // Answers can quote file names and what was typed: no control character reaches the screen.
        let outputLines = (outcome.brief ?? outcome.output).split(separator: "\n", omittingEmptySubsequences: false).map { EchoText.escaped($0) }
        let output = outputLines.joined(separator: " ")
        // Long answers (explain, why, help) get a panel rather than a clipped status line.
        if outputLines.count > 1 || DisplayWidth.of(output) > width {
            overlay = .output(title: ":" + EchoText.printable(line), lines: outputLines)
            status = nil
        } else {
            status = StatusMessage(output)
        }
        return []
    }

    /// Whether a command moves through a lesson (`lesson NAME`, `next`, `prev`).
    private static func movesLesson(_ command: HostCommand<TeachingCommand>) -> Bool {
        switch command {
        case .extra(.lesson(_?)), .extra(.next), .extra(.prev): return true
        default: return false
        }
    }
}

/// A ':' line waiting for its effect's result.
struct PendingCommand: Sendable, Equatable {
    /// The line as typed, for the title of a long answer.
    var line: String
    /// What it asked for.
    var command: HostCommand<TeachingCommand>
}
