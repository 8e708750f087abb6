import Foundation
import GRUCore
import Localization
import Script
import Teaching
import Widgets

/// The commands the screen adds to the language on its ':' line.
public let screenCommands: [CommandInfo] = [
    CommandInfo(name: "theme", usage: "theme NAME|PATH", summary: "switch the colour theme (default, light, high-contrast, mono, okabe-ito)"),
    CommandInfo(name: "export", usage: "export FILE.svg|FILE.txt", summary: "save the screen as an SVG picture or plain text"),
    CommandInfo(name: "scale", usage: AppState.scaleUsage, summary: "fix the signed bars' scale, so bars compare across steps (auto: follow each step)"),
    CommandInfo(name: "present", usage: "present [on|off]", summary: "presentation mode: big header, fewer units with tall bars, the mix under each"),
]

/// The one place the screen's state changes: an event in, the new state and any work for the
/// terminal loop out.
public func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var next = state
    var effects: [Effect] = []
    switch event {
    case let .resize(width, height):
        next.width = max(0, width)
        next.height = max(0, height)
    case .interrupt:
        next.isQuitting = true
        effects.append(.quit)
    case let .notice(text, isError):
        next.status = StatusMessage(text, isError: isError)
    case let .key(key):
        effects = next.handle(key)
    case let .mouse(mouse):
        next.handle(mouse)
    }
    next.keepSelectionInView()
    return (next, effects)
}

extension AppState {
    /// The layout of the current screen.
    public var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, hiddenSize: session.hiddenSize, presenting: presenting)
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> [Effect] {
        if key == .control("c") {
            isQuitting = true
            return [.quit]
        }
        if command != nil { return handleCommandLine(key) }
        if editing != nil {
            handleEditing(key)
            return []
        }
        if overlay != nil {
            overlay = nil
            return []
        }
        if case let .character(character) = key, character == "." || ("1"..."9").contains(character) {
            beginEditing(with: String(character))
            return []
        }
        // During a lesson p steps back through it; P still pins.
        if isInLesson, key == .character("p") {
            moveLesson(forward: false)
            return []
        }
        guard let action = KeyMap.action(for: key) else {
            status = StatusMessage(text("status.unknown_key"), isError: true)
            return []
        }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> [Effect] {
        status = nil
        switch action {
        case .moveUp: move(vertical: -1)
        case .moveDown: move(vertical: 1)
        case .moveLeft: move(horizontal: -1)
        case .moveRight: move(horizontal: 1)
        case .nextFocus: focus = focus.cycled()
        case .previousFocus: focus = focus.cycled(backwards: true)
        case .edit: beginEditing(with: nil)
        case let .nudge(amount): nudge(by: amount)
        case .step:
            if let changed = apply({ try $0.step() }) { say("status.stepped", ["t": String(changed.t)]) }
        case .back:
            if let changed = apply({ try $0.back() }) { say("status.stepped_back", ["t": String(changed.t)]) }
        case .newWeights:
            let seed = session.seed &+ 1
            if let changed = apply({ try $0.reseed(seed) }) { say("status.new_weights", ["origin": changed.origin.summary]) }
        case .zeroVector: zeroFocusedVector()
        case .togglePin: togglePin()
        case .commandLine:
            command = EditBuffer()
            historyCursor = nil
        case .help: overlay = .help(focus == .units ? column : nil)
        case .quit:
            isQuitting = true
            return [.quit]
        case .nextLessonStep: moveLesson(forward: true)
        }
        return []
    }

    /// Moves through the running lesson; its narration shows in the lesson panel.
    private mutating func moveLesson(forward: Bool) {
        var teaching = lines.extensionState
        var session = self.session
        do {
            let outcome = forward ? try teaching.nextStep(session: &session) : try teaching.previousStep(session: &session)
            lines.extensionState = teaching
            self.session = session
            showLessonStatus(fallback: outcome.output)
        } catch {
            status = StatusMessage(message(of: error), isError: true)
        }
    }

    /// After a lesson moved: select its unit and say where the class is.
    private mutating func showLessonStatus(fallback: String) {
        guard let title = teaching.lessonTitle, let step = teaching.lessonStepNumber, let count = teaching.lessonStepCount else {
            status = StatusMessage(fallback.split(separator: "\n").first.map(String.init) ?? "")
            return
        }
        clampSelection()
        followLesson()
        status = StatusMessage(teaching.isLessonComplete
            ? text("lesson_done", ["title": title])
            : text("lesson_title", ["title": title, "step": String(step), "count": String(count)]))
    }

    private mutating func move(vertical delta: Int) {
        switch (focus, delta) {
        case (.x, 1): focus = .h
        case (.h, -1): focus = .x
        case (.h, 1): focus = .units
        case (.units, _):
            if unit + delta < 0 { focus = .h } else { unit = min(session.hiddenSize - 1, unit + delta) }
        default: break
        }
    }

    private mutating func move(horizontal delta: Int) {
        switch focus {
        case .x: inputIndex = min(max(0, inputIndex + delta), session.inputSize - 1)
        case .h: unit = min(max(0, unit + delta), session.hiddenSize - 1)
        case .units:
            column = GateColumn(rawValue: min(max(0, column.rawValue + delta), GateColumn.allCases.count - 1)) ?? column
        }
    }

    /// Applies a session change and returns the changed session, or shows why it failed on
    /// the status line, changes nothing and returns nil.
    @discardableResult
    private mutating func apply(_ change: (inout Session) throws -> Void) -> Session? {
        var copy = session
        do {
            try change(&copy)
            session = copy
            return copy
        } catch {
            // Every session change throws UserError (closures cannot say so yet).
            status = StatusMessage((error as? UserError).map(message(of:)) ?? String(describing: error), isError: true)
            return nil
        }
    }

    /// Shows a screen text on the status line.
    private mutating func say(_ key: String, _ arguments: [String: String] = [:]) {
        status = StatusMessage(text(key, arguments))
    }

    /// A mistake in the screen's language.
    func message(of error: UserError) -> String {
        error.message(in: language)
    }

    // MARK: Values

    /// What the focused value is: an input, a unit's state, or a pinned gate's value.
    enum Target: Equatable {
        case input(Int)
        case state(Int)
        case pinned(Gate, Int)

        var name: String {
            switch self {
            case let .input(i): return "x[\(i)]"
            case let .state(j): return "h[\(j)]"
            case let .pinned(gate, j): return "pinned \(gate.rawValue)[\(j)]"
            }
        }
    }

    var target: Target {
        switch focus {
        case .x: return .input(inputIndex)
        case .h: return .state(unit)
        case .units:
            if let gate = column.gate, session.pins[gate] != nil { return .pinned(gate, unit) }
            return .state(unit)
        }
    }

    func value(of target: Target) -> Float {
        switch target {
        case let .input(i): return session.x[i]
        case let .state(j): return session.h[j]
        case let .pinned(gate, j): return session.pins[gate]?[j] ?? 0
        }
    }

    mutating func set(_ target: Target, to value: Float) {
        let changed = apply({ session in
            switch target {
            case let .input(i): try session.setX(at: i, to: value)
            case let .state(j): try session.setH(at: j, to: value)
            case let .pinned(gate, j):
                var values = session.pins[gate] ?? []
                values[j] = value
                try session.pin(gate, to: values)
            }
        })
        if changed != nil { say("status.set", ["target": target.name, "value": Numbers.short(value)]) }
    }

    private mutating func nudge(by amount: Float) {
        let target = self.target
        var value = self.value(of: target) + amount
        // Pinned gates stay shares; a nudge past the end stops there rather than failing.
        if case .pinned = target { value = min(max(value, 0), 1) }
        // Rounding to the step's grid keeps 0.1 + 0.1 + 0.1 from showing 0.30000001.
        value = (value * 1000).rounded() / 1000
        set(target, to: value)
    }

    private mutating func beginEditing(with first: String?) {
        editing = EditBuffer(first ?? "")
        status = StatusMessage(text("status.editing", ["target": target.name]))
    }

    private mutating func handleEditing(_ key: Key) {
        guard var buffer = editing else { return }
        switch key {
        case .escape:
            editing = nil
            status = StatusMessage(text("status.cancelled", ["target": target.name, "value": Numbers.short(value(of: target))]))
        case .enter:
            let target = self.target
            do throws(UserError) {
                var number = try NumberList.number(buffer.text, what: target.name)
                if number == 0 { number = 0 }  // -0 reads back as 0
                if case .pinned = target, !(0...1).contains(number) {
                    throw UserError(key: "error.script.gate_range", ["what": target.name, "text": buffer.text])
                }
                editing = nil
                set(target, to: number)
            } catch {
                status = StatusMessage(text("status.keep_old", ["message": message(of: error), "value": Numbers.short(value(of: target))]), isError: true)
            }
        default:
            if buffer.apply(key) { editing = buffer }
        }
    }

    private mutating func zeroFocusedVector() {
        switch focus {
        case .x:
            let zeros = [Float](repeating: 0, count: session.inputSize)
            if apply({ try $0.setX(zeros) }) != nil { say("status.zeroed", ["vector": "x"]) }
        case .h, .units:
            let zeros = [Float](repeating: 0, count: session.hiddenSize)
            if apply({ try $0.setH(zeros) }) != nil { say("status.zeroed", ["vector": "h"]) }
        }
    }

    private mutating func togglePin() {
        guard focus == .units, let gate = column.gate else {
            status = StatusMessage(text("status.pin_where"), isError: true)
            return
        }
        if session.pins[gate] != nil {
            session.unpin(gate)
            status = StatusMessage(text("status.unpinned", ["gate": gate.rawValue]))
        } else {
            let current = gate == .r ? session.trace.r : session.trace.z
            if apply({ try $0.pin(gate, to: current) }) != nil { say("status.pinned", ["gate": gate.rawValue]) }
        }
    }

    // MARK: The command line

    private mutating func handleCommandLine(_ key: Key) -> [Effect] {
        guard var buffer = command else { return [] }
        switch key {
        case .escape:
            command = nil
        case .enter:
            command = nil
            return runCommand(buffer.text)
        case .up, .down:
            guard !commandHistory.isEmpty else { return [] }
            let last = commandHistory.count - 1
            let position = key == .up ? max(0, (historyCursor ?? commandHistory.count) - 1) : (historyCursor ?? last) + 1
            if position > last {
                historyCursor = nil
                buffer.replace(with: "")
            } else {
                historyCursor = position
                buffer.replace(with: commandHistory[position])
            }
            command = buffer
        case .tab:
            let word = buffer.text.trimmingCharacters(in: .whitespaces)
            let matches = commandParser.completions(of: word)
            if matches.count == 1 {
                buffer.replace(with: matches[0] + " ")
            } else if !matches.isEmpty {
                status = StatusMessage(matches.joined(separator: "  "))
            }
            command = buffer
        case .backspace where buffer.text.isEmpty:
            command = nil
        default:
            if buffer.apply(key) { command = buffer }
        }
        return []
    }

    var commandParser: CommandParser {
        CommandParser(extensions: lines.extensionState.commands + screenCommands)
    }

    /// Runs one ':' line: the screen's own commands here, the rest through the language.
    mutating func runCommand(_ line: String) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        if commandHistory.last != trimmed { commandHistory.append(trimmed) }
        historyCursor = nil
        let parsed: Command?
        do {
            parsed = try commandParser.parse(trimmed)
        } catch {
            status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
            return []
        }
        if case let .extended(name, argument) = parsed, name == "present" {
            status = runPresent(argument)
            return []
        }
        if case let .extended(name, argument) = parsed, screenCommands.contains(where: { $0.name == name }) {
            guard !argument.isEmpty else {
                status = StatusMessage(text("status.needs_argument", ["name": name, "usage": screenCommands.first { $0.name == name }?.usage ?? name]), isError: true)
                return []
            }
            if name == "scale" {
                status = runScale(argument)
                return []
            }
            return [name == "theme" ? .loadTheme(argument) : .export(path: argument)]
        }
        var outcome = lines.handle(trimmed)
        let failed = outcome.isError
        if let error = outcome.error {
            outcome.output = text("status.error", ["message": message(of: error)])
        }
        if outcome.quit {
            isQuitting = true
            return [.quit]
        }
        let outputLines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if case let .extended(name, _) = parsed, ["lesson", "next", "prev"].contains(name),
           !failed, isInLesson {
            showLessonStatus(fallback: outcome.output)
            return []
        }
        // Long answers (explain, why, help) get a panel rather than a clipped status line.
        if outputLines.count > 1 || DisplayWidth.of(outcome.output) > width {
            overlay = .output(title: ":" + trimmed, lines: outputLines)
            status = nil
        } else {
            status = StatusMessage(outcome.output, isError: failed)
        }
        clampSelection()
        return []
    }

    // MARK: Mouse

    mutating func handle(_ mouse: MouseEvent) {
        let layout = self.layout
        guard !layout.isTooSmall else { return }
        if overlay != nil, mouse.action == .click {
            overlay = nil
            return
        }
        var hit: (Focus, Int)?
        if layout.xRow.contains(x: mouse.x, y: mouse.y) {
            hit = valueIndex(at: mouse.x, count: session.inputSize, selected: inputIndex, layout: layout).map { (.x, $0) }
        } else if layout.hRow.contains(x: mouse.x, y: mouse.y) {
            hit = valueIndex(at: mouse.x, count: session.hiddenSize, selected: unit, layout: layout).map { (.h, $0) }
        } else if layout.tableBody.contains(x: mouse.x, y: mouse.y) {
            if let row = layout.unit(atRow: mouse.y, offset: tableOffset), row < session.hiddenSize {
                hit = (.units, row)
                let index = (mouse.x - ScreenLayout.unitLabelWidth) / layout.columnWidth
                if mouse.x >= ScreenLayout.unitLabelWidth, let picked = GateColumn(rawValue: index) { column = picked }
            }
        }
        guard let (newFocus, index) = hit else { return }
        editing = nil
        focus = newFocus
        if newFocus == .x { inputIndex = index } else { unit = index }
        switch mouse.action {
        case .click: status = StatusMessage(text("status.selected", ["target": target.name]))
        case .wheelUp: nudge(by: 0.1)
        case .wheelDown: nudge(by: -0.1)
        }
    }

    private func valueIndex(at x: Int, count: Int, selected: Int, layout: ScreenLayout) -> Int? {
        guard x >= ScreenLayout.rowLabelWidth else { return nil }
        let index = layout.firstVisibleValue(selected: selected) + (x - ScreenLayout.rowLabelWidth) / ScreenLayout.valueCellWidth
        return index < count ? index : nil
    }

    // MARK: Keeping things in range

    /// After a size or weights change, selections must still point at something.
    mutating func clampSelection() {
        inputIndex = min(max(0, inputIndex), session.inputSize - 1)
        unit = min(max(0, unit), session.hiddenSize - 1)
    }

    mutating func keepSelectionInView() {
        clampSelection()
        let rows = max(1, layout.unitsShown)
        if unit < tableOffset { tableOffset = unit }
        if unit >= tableOffset + rows { tableOffset = unit - rows + 1 }
        tableOffset = min(max(0, tableOffset), max(0, session.hiddenSize - rows))
    }
}
