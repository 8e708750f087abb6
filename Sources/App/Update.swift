import Foundation
import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Widgets

/// The one place the screen's state changes: an event in, the new state and any work for the
/// terminal loop out.
///
/// It computes only what answers at once (``ComputeContext/quick(limit:)``): a change that
/// would compute longer becomes ``Effect/work(_:)``, run by the loop off this thread while the
/// old state stays on screen. The state is taken by value and consumed, so a caller that hands
/// it over (the terminal loop) lets a change of a long sequence happen in place.
public func update(_ state: consuming AppState, _ event: Event) -> (AppState, [Effect]) {
    var next = consume state  // moved, not copied: a caller that hands its state over gets edits in place
    let revision = next.session.revision
    var effects: [Effect] = []
    try? ComputeContext.with(.quick(limit: ComputeContext.screenLimit)) { () throws(UserError) in
        effects = next.dispatch(event)
    }
    effects += next.queued
    next.queued.removeAll()
    next.keepSelectionInView()
    if next.session.revision != revision {
        next.unsaved = true
        if next.autosaves { effects.append(.autosave(next.sessionSave)) }
    }
    effects += next.refreshTime(mayStartWork: !event.stoppedTimeWork)
    if next.overlay != nil {
        // Measured again only when what the panel's text and size depend on changed (a resize,
        // a change under the panel), not at every event or look at the key contexts: wrapping
        // it was a quarter of the keys fuzz target's time, half when done every event.
        let measure = next.overlayMeasure
        if measure != next.overlayMeasured {
            next.overlayScrolling = next.measuredOverlayScrolling
            next.overlayMeasured = measure
        }
        next.overlayScroll = min(next.overlayScroll, next.overlayScrolling.limit)
    } else {
        next.overlayScrolling = (0, 1)
        next.overlayMeasured = nil
    }
    return (next, effects)
}

extension AppState {
    /// What a session file keeps of this screen.
    public var sessionSave: SessionSave {
        SessionSave(session: session, view: sessionView, language: language)
    }

    /// The view as a session file keeps it; panels add their options in ``viewOptions``.
    public var sessionView: SessionView {
        SessionView(unit: unit, theme: themeName, options: viewOptions)
    }

    /// Takes the view a session file kept.
    mutating func restore(_ view: SessionView) {
        unit = min(max(0, view.unit), session.hiddenSize - 1)
        restoreViewOptions(view.options)
    }

    /// One event, in place.
    mutating func dispatch(_ event: Event) -> [Effect] {
        switch event {
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
        case let .key(key):
            return running != nil ? handleWhileWorking(key) : handle(key)
        case let .mouse(mouse):
            handle(mouse)
        case let .unknownSequence(sequence):
            if !layout.isTooSmall {
                status = StatusMessage(text("status.unknown_sequence", ["sequence": EchoText.printable(sequence)]), isError: true)
            }
        case let .finished(result):
            return receive(result)
        case let .workProgress(id, progress):
            if running?.id == id { running?.progress = progress }
        case let .command(command, line):
            return runLanguage(command, typed: line)
        }
        return []
    }

    /// The layout of the current screen.
    public var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, hiddenSize: session.hiddenSize, time: timeLayoutNeeds, presenting: presenting,
                     xCharacterWidth: xCharacterWidth)
    }

    // MARK: Keys

    /// Where keys are read now, most specific first (see ``KeyContext``).
    public var keyContexts: [KeyContext] {
        if running != nil { return [.working] }
        if layout.isTooSmall { return [.tooSmall] }
        if command != nil { return [.commandLine] }
        if editing != nil { return [.editing] }
        guard overlay != nil else { return screenContexts }
        return (overlayScrolling.limit > 0 ? [.longPanel, .panel] : [.panel]) + screenContexts
    }

    /// What the open panel's text and size depend on: while it stays the same, so does
    /// ``measuredOverlayScrolling``.
    var overlayMeasure: OverlayMeasure {
        OverlayMeasure(overlay: overlay, width: width, height: height, contexts: screenContexts, language: language,
                       ascii: ascii, themeName: themeName, revision: session.revision)
    }

    /// How far the open panel can scroll (the lines that do not fit on the screen) and a page
    /// of it, worked out from its text; (0, 1) with no panel or one that fits. `update` keeps
    /// it in ``overlayScrolling``.
    var measuredOverlayScrolling: (limit: Int, page: Int) {
        guard !layout.isTooSmall, let box = ScreenPainter(state: self, layout: layout, glyphs: glyphs).overlayBox() else { return (0, 1) }
        return box.scrolling(in: ScreenPainter.overlayArea(width: width, height: height))
    }

    /// The contexts of the screen under any panel or line: what the `?` panel lists, also while
    /// a ':' line is typed over it.
    var screenContexts: [KeyContext] {
        var screen: [KeyContext] = isInLesson ? [.lesson] : []
        if showsTime { screen += focus == .timeline ? [.timeline, .time] : [.time] }
        screen.append(.normal)
        return screen
    }

    /// A key does what the key map says for it in the active contexts. A panel closes on any key,
    /// which then acts (Esc only closes it); on a screen too small to draw, only quitting,
    /// redrawing and Esc act.
    mutating func handle(_ key: Key) -> [Effect] {
        let contexts = keyContexts
        let panel = Array(contexts.prefix { $0 == .longPanel || $0 == .panel })
        if !panel.isEmpty, KeyMap.binding(for: key, in: panel) == nil {
            // ':' leaves the panel on screen under the command line, so `:export` saves it for
            // a slide; any other command closes it when it runs.
            if KeyMap.binding(for: key, in: Array(contexts.dropFirst()))?.action == .commandLine {
                return perform(.commandLine, key: key)
            }
            overlay = nil
            return handle(key)
        }
        guard let binding = KeyMap.binding(for: key, in: contexts) else {
            if contexts != [.tooSmall] { status = StatusMessage(text("status.unknown_key"), isError: true) }
            return []
        }
        return perform(binding.action, key: key)
    }

    /// Does what an action says; `key` is the key that asked (the character typed, for typing).
    mutating func perform(_ action: Action, key: Key) -> [Effect] {
        switch action {
        case .cancel where command == nil && editing == nil:
            // Esc on a screen too small to draw: what is open closes all the same, unseen.
            overlay = nil
            return []
        case .confirm, .cancel, .insert, .cursorLeft, .cursorRight, .cursorStart, .cursorEnd,
             .deleteBackward, .deleteForward, .deleteToStart, .historyPrevious, .historyNext, .complete:
            return command != nil ? commandLine(action, key: key) : editValue(action, key: key)
        case .redraw:
            return [.redraw]
        case .quit:
            isQuitting = true
            return [.quit]
        case .closePanel:
            overlay = nil
            return []
        case .panelUp, .panelDown, .panelPageUp, .panelPageDown:
            let scrolling = overlayScrolling
            let lines: Int
            switch action {
            case .panelUp: lines = -1
            case .panelDown: lines = 1
            case .panelPageUp: lines = -scrolling.page
            default: lines = scrolling.page
            }
            overlayScroll = min(max(0, overlayScroll + lines), scrolling.limit)
            return []
        case .undo:
            return runLanguage(.core(.undo(1)), typed: "undo")
        case .redo:
            return runLanguage(.core(.redo(1)), typed: "redo")
        default:
            status = nil
        }
        switch action {
        case .moveUp: move(vertical: -1)
        case .moveDown: move(vertical: 1)
        case .moveLeft: move(horizontal: -1)
        case .moveRight: move(horizontal: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first: move(by: -max(session.inputSize, session.hiddenSize))
        case .last: move(by: max(session.inputSize, session.hiddenSize))
        case .nextFocus, .previousFocus:
            focus = focus.cycled(backwards: action == .previousFocus)
            if focus == .timeline && !showsTime { focus = focus.cycled(backwards: action == .previousFocus) }
        case .edit: beginEditing(with: nil)
        case .editStartingWith:
            if case let .character(character) = key { beginEditing(with: String(character)) }
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
        case .help: overlay = focus == .timeline ? .timelineHelp : .help(focus == .units ? column : nil)
        case .nextLessonStep: moveLesson(forward: true)
        case .previousLessonStep: moveLesson(forward: false)
        case .previousStep, .nextStep, .firstStep, .lastStep, .gotoStep, .cycleTimeline, .zoomIn, .zoomOut, .scrollBack, .scrollForward:
            performTime(action)
        default: break
        }
        return []
    }

    /// How far a page moves: the rows of the table for units and h, the values shown for x.
    private var page: Int {
        focus == .x ? layout.visibleValues : max(1, layout.unitsShown)
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
    mutating func showLessonStatus(fallback: String) {
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
        case (.timeline, _):
            unit = min(max(0, unit + delta), session.hiddenSize - 1)
        default: break
        }
    }

    /// Moves the selection of the focused row by `delta` values (a page, or to an end).
    private mutating func move(by delta: Int) {
        switch focus {
        case .x: inputIndex = min(max(0, inputIndex + delta), session.inputSize - 1)
        case .h, .units, .timeline: unit = min(max(0, unit + delta), session.hiddenSize - 1)
        }
    }

    private mutating func move(horizontal delta: Int) {
        switch focus {
        case .x: inputIndex = min(max(0, inputIndex + delta), session.inputSize - 1)
        case .h: unit = min(max(0, unit + delta), session.hiddenSize - 1)
        case .units:
            column = GateColumn(rawValue: min(max(0, column.rawValue + delta), GateColumn.allCases.count - 1)) ?? column
        case .timeline:
            performTime(delta < 0 ? .previousStep : .nextStep)
        }
    }

    /// Applies a session change and returns the changed session, or shows why it failed on
    /// the status line, changes nothing and returns nil. A change too long for this thread runs
    /// again as background work (and nil is returned: the screen says so when it ends).
    @discardableResult
    mutating func apply(_ change: @escaping @Sendable (inout Session) throws -> Void) -> Session? {
        do {
            // In place: a session change that throws has changed nothing.
            try change(&lines.session)
            return lines.session
        } catch {
            // Every session change throws UserError (closures cannot say so without spelling it).
            let error = (error as? UserError) ?? UserError(String(describing: error))
            guard error.needsBackground else {
                status = StatusMessage(message(of: error), isError: true)
                return nil
            }
            let lines = self.lines
            startWork(title: text("work.computing")) {
                var lines = lines
                do {
                    try change(&lines.session)
                    return .lines(lines, CommandOutcome(""))
                } catch {
                    return .failed((error as? UserError) ?? UserError(String(describing: error)))
                }
            }
            return nil
        }
    }

    /// Starts background work: the loop runs `body` off this thread.
    mutating func startWork(title: String, _ body: @escaping @Sendable () -> WorkOutcome) {
        let work = BackgroundWork(id: nextWorkID, title: title, body: body)
        nextWorkID += 1
        running = RunningWork(id: work.id, title: title)
        status = StatusMessage(workText("work.running", title: title))
        queued.append(.work(work))
    }

    /// Shows that a file is being read for the command `title` (the loop reads it on another
    /// thread): the same status and keys as work, so a large file can be dropped with Esc.
    mutating func startReading(title: String) {
        running = RunningWork(id: nextWorkID, title: title)
        nextWorkID += 1
        status = StatusMessage(workText("work.running", title: title))
    }

    /// While work runs only Esc, q and Ctrl-C act (they cancel it), and Ctrl-L redraws.
    mutating func handleWhileWorking(_ key: Key) -> [Effect] {
        guard let running else { return [] }
        switch KeyMap.binding(for: key, in: [.working])?.action {
        case .cancelWork?:
            self.running?.cancelling = true
            status = StatusMessage(workText("work.cancelling", title: running.title))
            return [.cancelWork(id: running.id)]
        case .redraw?:
            return [.redraw]
        default:
            status = StatusMessage(workText("work.busy", title: running.title), isError: true)
            return []
        }
    }

    /// Shows a screen text on the status line.
    mutating func say(_ key: String, _ arguments: [String: String] = [:]) {
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
        case .h, .timeline: return .state(unit)
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

    /// Typing a value: Enter sets it (bad text is refused and the old value stays), Esc leaves
    /// it as it was, the rest edits the text.
    private mutating func editValue(_ action: Action, key: Key) -> [Effect] {
        guard var buffer = editing else { return [] }
        switch action {
        case .cancel:
            editing = nil
            status = StatusMessage(text("status.cancelled", ["target": target.name, "value": Numbers.short(value(of: target))]))
        case .confirm:
            let target = self.target
            do throws(UserError) {
                var number = try NumberList.number(buffer.text, what: target.name)
                if number == 0 { number = 0 }  // -0 reads back as 0
                if case .pinned = target, !(0...1).contains(number) {
                    throw UserError(key: "error.script.gate_range", ["what": target.name, "text": EchoText.printable(buffer.text)])
                }
                editing = nil
                set(target, to: number)
            } catch {
                status = StatusMessage(text("status.keep_old", ["message": message(of: error), "value": Numbers.short(value(of: target))]), isError: true)
            }
        default:
            editing = nil  // as on the command line: the edit is made in place, not on a copy
            buffer.edit(action, key: key)
            editing = buffer
        }
        return []
    }

    private mutating func zeroFocusedVector() {
        switch focus {
        case .x:
            let zeros = [Float](repeating: 0, count: session.inputSize)
            if apply({ try $0.setX(zeros) }) != nil { say("status.zeroed", ["vector": "x"]) }
        case .h, .units, .timeline:
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
            if apply({ try $0.unpin(gate) }) != nil { status = StatusMessage(text("status.unpinned", ["gate": gate.rawValue])) }
        } else {
            let current = gate == .r ? session.trace.r : session.trace.z
            if apply({ try $0.pin(gate, to: current) }) != nil { say("status.pinned", ["gate": gate.rawValue]) }
        }
    }

    // MARK: The command line

    /// The ':' line: Enter runs it, Esc closes it, ↑ ↓ go through what was typed before, Tab
    /// completes a command's name, Backspace on an empty line closes it.
    private mutating func commandLine(_ action: Action, key: Key) -> [Effect] {
        guard var buffer = command else { return [] }
        switch action {
        case .cancel:
            command = nil
        case .confirm:
            command = nil
            return runCommand(buffer.text)
        case .historyPrevious, .historyNext:
            guard !commandHistory.isEmpty else { return [] }
            let last = commandHistory.count - 1
            let position = action == .historyPrevious ? max(0, (historyCursor ?? commandHistory.count) - 1) : (historyCursor ?? last) + 1
            if position > last {
                historyCursor = nil
                buffer.replace(with: "")
            } else {
                historyCursor = position
                buffer.replace(with: commandHistory[position])
            }
            command = buffer
        case .complete:
            let word = String(CommandWords(buffer.text).text)
            let matches = ScreenLine.parser.completions(of: word)
            if matches.count == 1 {
                buffer.replace(with: matches[0] + " ")
            } else if !matches.isEmpty {
                status = StatusMessage(matches.joined(separator: "  "))
            }
            command = buffer
        case .deleteBackward where buffer.count == 0:
            command = nil
        default:
            command = nil  // the buffer is then the line's only copy, so the edit is made in place
            buffer.edit(action, key: key)
            command = buffer
        }
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
        if let timeline = layout.timeline, timeline.contains(x: mouse.x, y: mouse.y) {
            handleTimeline(mouse, in: timeline)
            return
        }
        var hit: (Focus, Int)?
        if layout.xRow.contains(x: mouse.x, y: mouse.y) {
            hit = valueIndex(at: mouse.x, count: session.inputSize, selected: inputIndex, row: layout.xRow, layout: layout).map { (.x, $0) }
        } else if layout.hRow.contains(x: mouse.x, y: mouse.y) {
            hit = valueIndex(at: mouse.x, count: session.hiddenSize, selected: unit, row: layout.hRow, layout: layout).map { (.h, $0) }
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

    private func valueIndex(at x: Int, count: Int, selected: Int, row: Rect, layout: ScreenLayout) -> Int? {
        guard x >= ScreenLayout.rowLabelWidth else { return nil }
        let column = (x - ScreenLayout.rowLabelWidth) / ScreenLayout.valueCellWidth
        guard column < layout.visibleValues(in: row) else { return nil }
        let index = layout.firstVisibleValue(selected: selected, in: row) + column
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
