import Foundation
import GRUCore
import Script
import Widgets

/// The commands the screen adds to the language on its ':' line.
public let screenCommands: [CommandInfo] = [
    CommandInfo(name: "theme", usage: "theme NAME|PATH", summary: "switch the colour theme (default, light, high-contrast, mono, okabe-ito)"),
    CommandInfo(name: "export", usage: "export FILE.svg|FILE.txt", summary: "save the screen as an SVG picture or plain text"),
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
        ScreenLayout(width: width, height: height, hiddenSize: session.hiddenSize)
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
        guard let action = KeyMap.action(for: key) else {
            status = StatusMessage("that key does nothing here; press ? for the keys", isError: true)
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
        case .step: run { try $0.step() } describe: { "step: t = \($0.t)" }
        case .back: run { try $0.back() } describe: { "back: t = \($0.t)" }
        case .newWeights:
            let seed = session.seed &+ 1
            run { try $0.reseed(seed) } describe: { "new weights: \($0.origin.summary)" }
        case .zeroVector: zeroFocusedVector()
        case .togglePin: togglePin()
        case .commandLine:
            command = EditBuffer()
            historyCursor = nil
        case .help: overlay = .help(focus == .units ? column : nil)
        case .quit:
            isQuitting = true
            return [.quit]
        }
        return []
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

    /// Runs a session change; a failure goes to the status line and changes nothing.
    private mutating func run(_ change: (inout Session) throws -> Void, describe: (Session) -> String) {
        var copy = session
        do {
            try change(&copy)
            session = copy
            status = StatusMessage(describe(copy))
        } catch {
            status = StatusMessage(Self.message(of: error), isError: true)
        }
    }

    /// Every session change throws ``ScriptError``; anything else is still shown, never raised.
    static func message(of error: any Error) -> String {
        (error as? ScriptError)?.message ?? String(describing: error)
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
        run({ session in
            switch target {
            case let .input(i): try session.setX(at: i, to: value)
            case let .state(j): try session.setH(at: j, to: value)
            case let .pinned(gate, j):
                var values = session.pins[gate] ?? []
                values[j] = value
                try session.pin(gate, to: values)
            }
        }, describe: { _ in "\(target.name) = \(Numbers.short(value))" })
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
        status = StatusMessage("editing \(target.name): type a number, Enter to set, Esc to cancel")
    }

    private mutating func handleEditing(_ key: Key) {
        guard var buffer = editing else { return }
        switch key {
        case .escape:
            editing = nil
            status = StatusMessage("edit cancelled; \(target.name) is still \(Numbers.short(value(of: target)))")
        case .enter:
            let target = self.target
            do {
                var number = try NumberList.number(buffer.text, what: target.name)
                if number == 0 { number = 0 }  // -0 reads back as 0
                if case .pinned = target, !(0...1).contains(number) {
                    throw ScriptError("\(target.name) = \(buffer.text) is outside [0, 1]; a gate is a share between 0 and 1")
                }
                editing = nil
                set(target, to: number)
            } catch {
                status = StatusMessage(Self.message(of: error) + "; Esc keeps \(Numbers.short(value(of: target)))", isError: true)
            }
        default:
            if buffer.apply(key) { editing = buffer }
        }
    }

    private mutating func zeroFocusedVector() {
        switch focus {
        case .x:
            let zeros = [Float](repeating: 0, count: session.inputSize)
            run { try $0.setX(zeros) } describe: { _ in "x = 0" }
        case .h, .units:
            let zeros = [Float](repeating: 0, count: session.hiddenSize)
            run { try $0.setH(zeros) } describe: { _ in "h = 0" }
        }
    }

    private mutating func togglePin() {
        guard focus == .units, let gate = column.gate else {
            status = StatusMessage("move to the r or z column of the table to pin a gate", isError: true)
            return
        }
        if session.pins[gate] != nil {
            session.unpin(gate)
            status = StatusMessage("\(gate.rawValue) is computed again")
        } else {
            let current = gate == .r ? session.trace.r : session.trace.z
            run { try $0.pin(gate, to: current) } describe: { _ in
                "\(gate.rawValue) pinned at its current values; edit them with Enter or + -"
            }
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
    mutating func runCommand(_ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        if commandHistory.last != trimmed { commandHistory.append(trimmed) }
        historyCursor = nil
        let parsed: Command?
        do {
            parsed = try commandParser.parse(trimmed)
        } catch {
            status = StatusMessage(error.message, isError: true)
            return []
        }
        if case let .extended(name, argument) = parsed, screenCommands.contains(where: { $0.name == name }) {
            guard !argument.isEmpty else {
                status = StatusMessage("\(name) needs an argument: \(screenCommands.first { $0.name == name }?.usage ?? name)", isError: true)
                return []
            }
            return [name == "theme" ? .loadTheme(argument) : .export(path: argument)]
        }
        let outcome = lines.handle(trimmed)
        if outcome.quit {
            isQuitting = true
            return [.quit]
        }
        let outputLines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if outputLines.count > 1 {
            overlay = .output(title: ":" + trimmed, lines: outputLines)
            status = nil
        } else {
            status = StatusMessage(outcome.output, isError: outcome.output.hasPrefix("error:"))
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
            let row = tableOffset + mouse.y - layout.tableBody.y
            if row < session.hiddenSize {
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
        case .click: status = StatusMessage("selected \(target.name)")
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
        let rows = max(1, layout.tableBody.height)
        if unit < tableOffset { tableOffset = unit }
        if unit >= tableOffset + rows { tableOffset = unit - rows + 1 }
        tableOffset = min(max(0, tableOffset), max(0, session.hiddenSize - rows))
    }
}
