import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Widgets

/// Draws the whole screen for a state: a pure function, so every screen is testable as text.
public func view(_ state: AppState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    let layout = state.layout
    let glyphs: Glyphs = state.ascii ? .ascii : .unicode
    if layout.isTooSmall {
        let message = state.text("too_small", [
            "min_w": String(ScreenLayout.minimumWidth), "min_h": String(ScreenLayout.minimumHeight),
            "w": String(state.width), "h": String(state.height),
        ])
        MessageBox(title: "gruscope", message: message, maxWidth: 60, glyphs: glyphs).draw(in: grid.area, into: &grid)
    } else {
        ScreenPainter(state: state, layout: layout, glyphs: glyphs).paint(into: &grid)
    }
    // Texts keep their mathematics (h′, ∏z, ‖∂h/∂x‖); a terminal without UTF-8 gets it in ASCII.
    if state.ascii { grid.foldToASCII() }
    return grid
}

/// The drawing of a full-size screen, one region per method.
struct ScreenPainter {
    let state: AppState
    let layout: ScreenLayout
    let glyphs: Glyphs
    var session: Session { state.session }
    var trace: GRUTrace { state.session.trace }

    func paint(into grid: inout Grid) {
        header(into: &grid)
        vectorRow(.x, into: &grid)
        vectorRow(.h, into: &grid)
        table(into: &grid)
        if let timeline = layout.timeline, let sequence = state.timeSequence {
            TimelinePanel(state: state, layout: timeline, sequence: sequence, glyphs: glyphs).draw(into: &grid)
        }
        story(into: &grid)
        statusLine(into: &grid)
        overlay(into: &grid)
    }

    // MARK: Header

    func header(into grid: inout Grid) {
        let area = layout.header
        grid.fill(area, with: Cell(" ", style: Style(.header, attributes: .reverse)))
        let rule = state.text(session.weights.resetAfter ? "reset_after" : "reset_before")
        var parts = [
            "gruscope", "\(session.variant.rawValue) (\(rule))",
            "I=\(session.inputSize) H=\(session.hiddenSize)",
            state.timeSequence.map { state.text("time.header_step", ["t": String(state.timeCursor), "count": String($0.count)]) }
                ?? "t=\(session.t)",
            session.sceneName.map { state.text("scene", ["name": $0]) } ?? session.origin.summary,
        ]
        if !trace.pinned.isEmpty {
            parts.append(state.text("pinned", ["gates": trace.pinned.map(\.rawValue).joined(separator: ", ")]))
        }
        let separator = glyphs == .unicode ? " · " : " | "
        grid.put(" " + parts.joined(separator: separator), x: area.x, y: area.y,
                 style: Style(.header, attributes: [.reverse, .bold]), maxWidth: area.width)
    }

    // MARK: x and h

    func vectorRow(_ vector: StateVector, into grid: inout Grid) {
        let isX = vector == .x
        let area = isX ? layout.xRow : layout.hRow
        let selected = isX ? state.inputIndex : state.unit
        let focused = state.focus == (isX ? .x : .h)
        let editsThisRow = state.editing != nil && (focused || (!isX && state.focus == .units && editTargetsState))
        let values: [Float] = isX ? session.x : session.h
        let role: Role = isX ? .text : .newState
        let edit: EditBuffer? = editsThisRow ? state.editing : nil
        let row = VectorEditorRow(
            label: isX ? "x" : "h", labelWidth: ScreenLayout.rowLabelWidth,
            values: values, selection: selected, isFocused: focused || editsThisRow,
            edit: edit, cellWidth: ScreenLayout.valueCellWidth - 1, decimals: 3,
            offset: layout.firstVisibleValue(selected: selected),
            valueStyle: Style(role), glyphs: glyphs)
        _ = row.draw(in: area, into: &grid)
    }

    /// Whether an edit in the table is an edit of h (not of a pinned gate value).
    var editTargetsState: Bool {
        if case .state = state.target { return true }
        return false
    }

    // MARK: The gate table

    func table(into grid: inout Grid) {
        let titleY = layout.tableHeader.y
        grid.put("unit", x: 0, y: titleY, style: Style(.dim))
        for column in GateColumn.allCases {
            let rect = layout.columnRect(column)
            let isSelected = state.focus == .units && state.column == column
            let pinned = column.gate.map { session.pins[$0] != nil } ?? false
            var title = state.text("column." + column.catalogueKey)
            // The header names the pinned gates; the column only needs a mark that fits.
            if pinned { title += glyphs == .unicode ? " ●" : " *" }
            var style = Style(column.role, attributes: .bold)
            if isSelected { style.attributes.insert(.reverse) }
            if state.teaching.highlightedColumns.contains(column.field) { style.attributes.insert(.underline) }
            grid.put(title, x: rect.x, y: titleY, style: style, maxWidth: rect.width)
        }
        let scale = max(1, TraceTable.signedScale(trace))
        let body = layout.tableBody
        let values = GateColumn.allCases.map { trace[$0.field] }
        for row in 0..<body.height {
            let unit = state.tableOffset + row
            guard unit < session.hiddenSize else { break }
            let y = body.y + row
            let isSelectedUnit = unit == state.unit
            let isHighlighted = state.teaching.highlightedUnits.contains(unit)
            let labelStyle = isSelectedUnit
                ? Style(.selection, attributes: state.focus == .units ? [.reverse, .bold] : .bold)
                : Style(isHighlighted ? .focus : .dim, attributes: isHighlighted ? .bold : [])
            let mark = isHighlighted ? (glyphs == .unicode ? "▶" : ">") : " "
            grid.put(mark + DisplayWidth.padded(String(unit), to: 3, alignRight: true), x: 0, y: y, style: labelStyle)
            for column in GateColumn.allCases {
                cell(unit: unit, column: column, value: values[column.rawValue][unit], y: y, scale: scale, isSelectedUnit: isSelectedUnit, into: &grid)
            }
        }
        if session.hiddenSize > body.height {
            let marker = "\(state.tableOffset + 1)–\(min(session.hiddenSize, state.tableOffset + body.height))/\(session.hiddenSize)"
            grid.put(marker, x: max(0, layout.tableBody.maxX - marker.count), y: titleY, style: Style(.dim))
        }
    }

    func cell(unit: Int, column: GateColumn, value: Float, y: Int, scale: Float, isSelectedUnit: Bool, into grid: inout Grid) {
        let rect = layout.columnRect(column)
        // Narrow columns trade a decimal for a longer bar: a 2-cell side is the least that reads.
        let numberWidth = rect.width >= 14 ? 6 : 5
        let decimals = numberWidth == 6 ? 3 : 2
        let isCursor = isSelectedUnit && state.focus == .units && state.column == column
        var numberStyle = Style(isSelectedUnit ? .text : .dim, attributes: isSelectedUnit ? .bold : [])
        if isCursor { numberStyle = Style(.focus, attributes: .reverse) }
        let editingHere = isCursor && state.editing != nil && !editTargetsState
        if editingHere, let edit = state.editing {
            let field = Rect(x: rect.x, y: y, width: numberWidth, height: 1)
            grid.fill(field, with: Cell(" ", style: Style(.focus, attributes: .reverse)))
            EditLine(edit, style: Style(.focus, attributes: .reverse), cursorStyle: Style(.focus), glyphs: glyphs, marksScroll: false)
                .draw(in: field, into: &grid)
        } else {
            grid.put(number: value, width: numberWidth, decimals: decimals, x: rect.x, y: y, style: numberStyle)
        }
        let bar = Rect(x: rect.x + numberWidth + 1, y: y, width: rect.width - numberWidth - 1, height: 1)
        if column.isGate {
            GateBar(value: value, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        } else {
            SignedBar(value: value, scale: scale, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        }
    }

    // MARK: The story panel

    /// During a lesson, its narration; otherwise the selected unit's story and the step's
    /// summary, all built from the live numbers by the teaching layer.
    func story(into grid: inout Grid) {
        let area = layout.story
        guard area.height > 1 else { return }
        let language = state.language
        // Each section is written only if it gets a row: a short story panel often has no room
        // for the summary, and making its words costs more than drawing the rest of the panel.
        var sections: [(title: () -> String, body: () -> String)] = []
        if let title = state.teaching.lessonTitle, let step = state.teaching.lessonStepNumber,
           let count = state.teaching.lessonStepCount {
            let heading = state.teaching.isLessonComplete
                ? state.text("lesson_done", ["title": title])
                : state.text("lesson_title", ["title": title, "step": String(step), "count": String(count)])
            sections.append(({ heading }, { state.teaching.narration ?? "" }))
        }
        if let memory = state.timeCache.memory?.value, state.showsTime, memory.unit == state.unit, memory.step == state.timeCursor {
            sections.append((
                { state.text("time.memory_title", ["unit": String(memory.unit), "t": String(memory.step)]) },
                { MemoryStory.text(memory, language: language) }))
        }
        sections.append((
            { state.text("unit_title", ["unit": String(state.unit)]) },
            { (try? Explainer.unit(state.unit, trace: trace, weights: session.weights, language: language)) ?? "" }))
        sections.append(({ state.text("step_title") }, { Explainer.summary(trace: trace, language: language) }))
        var y = area.y
        for section in sections where y < area.maxY - 1 {
            grid.put(section.title(), x: 0, y: y, style: Style(.header, attributes: .bold), maxWidth: area.width)
            y += 1
            let spans = [TextSpan(section.body())]
            let room = Rect(x: 2, y: y, width: area.width - 2, height: area.maxY - y)
            // One line more than fits is enough to know the text goes on (the panel then ends
            // its last line in an ellipsis).
            let lines = TextLayout.wrap(spans, width: room.width, maxLines: room.height + 1)
            let body = Rect(x: room.x, y: room.y, width: room.width, height: min(room.height, lines.count))
            TextPanel(spans, glyphs: glyphs).draw(wrapped: lines, in: body, into: &grid)
            y += body.height + 1
        }
    }

    // MARK: Status and command line

    func statusLine(into grid: inout Grid) {
        if let running = state.running, !(state.status?.isError ?? false) {
            // Long work: what it does, how far it is, and how to stop it.
            let percent = running.progress.map { String(Int(($0.fraction * 100).rounded(.down))) + "%" } ?? "…"
            let key = running.cancelling ? "work.cancelling" : "work.progress"
            grid.put(state.text(key, ["title": running.title, "percent": percent]), x: 0, y: layout.status.y,
                     style: Style(.text, attributes: .bold), maxWidth: layout.status.width)
        } else if let status = state.status {
            grid.put(status.text, x: 0, y: layout.status.y, style: Style(status.isError ? .error : .text, attributes: status.isError ? .bold : []), maxWidth: layout.status.width)
        }
        let area = layout.keys
        if let command = state.command {
            grid.put(":", x: 0, y: area.y, style: Style(.focus, attributes: .bold))
            // The line scrolls to keep the cursor in view, however long the text.
            let line = Rect(x: 1, y: area.y, width: area.width - 1, height: 1)
            EditLine(command, style: Style(.text), cursorStyle: Style(.focus, attributes: .reverse), glyphs: glyphs)
                .draw(in: line, into: &grid)
            return
        }
        StatusLine(hints: footerHints(width: area.width), glyphs: glyphs).draw(in: area, into: &grid)
    }

    /// The key map's hints for the keys that act now: the essential ones (`:`, `?`, `q`) always,
    /// at the right end, and as many of the others, in the map's order, as fit before them.
    func footerHints(width: Int) -> [KeyHint] {
        let contexts = state.keyContexts
        let hints = KeyMap.hints(in: contexts).map { binding in
            (hint: KeyHint(KeyMap.footerLabel(of: binding, in: contexts, ascii: state.ascii), state.text("hint." + (binding.hint ?? ""))),
             essential: binding.isEssential)
        }
        let essentials = hints.filter(\.essential).map(\.hint)
        let used = essentials.reduce(0) { $0 + $1.displayWidth + 2 }
        return StatusLine.fittingHints(hints.filter { !$0.essential }.map(\.hint), room: width - used) + essentials
    }

    // MARK: Panels

    func overlay(into grid: inout Grid) {
        guard let overlay = state.overlay else { return }
        let area = Rect(x: 2, y: 1, width: grid.width - 4, height: grid.height - 2)
        switch overlay {
        case .timelineHelp:
            MessageBox(title: state.text("time.help_title"), spans: [TextSpan(MemoryStory.explanation(language: state.language))],
                       maxWidth: area.width, glyphs: glyphs).draw(in: area, into: &grid)
        case let .help(column):
            var spans: [TextSpan] = []
            if let column {
                spans.append(TextSpan(state.text("column." + column.catalogueKey) + "\n", style: Style(column.role, attributes: .bold)))
                spans.append(TextSpan(Explainer.column(column.field, resetAfter: session.weights.resetAfter, language: state.language) + "\n\n"))
            }
            // The keys that act under the panel, from the key map; two a line when the panel is
            // wide enough, so the list fits 80×24.
            let contexts = Array(state.keyContexts.drop { $0 == .panel })
            let entries = KeyMap.helpRows(in: contexts).map { binding in
                (label: KeyMap.label(of: binding, ascii: state.ascii), summary: state.text("key." + (binding.help ?? "")))
            }
            let twoColumns = area.width >= 76
            let half = 36, labelWidth = (entries.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
            for (index, entry) in entries.enumerated() {
                spans.append(TextSpan(DisplayWidth.padded(entry.label, to: labelWidth), style: Style(.focus, attributes: .bold)))
                let isLeft = twoColumns && index % 2 == 0 && index + 1 < entries.count
                if twoColumns {
                    let summary = TextLayout.truncate(entry.summary, width: half - labelWidth - 1, ellipsis: glyphs.ellipsis)
                    spans.append(TextSpan(isLeft ? DisplayWidth.padded(summary, to: half - labelWidth) : summary + "\n"))
                } else {
                    spans.append(TextSpan(entry.summary + "\n"))
                }
            }
            spans.append(TextSpan("\n" + state.text("help_footer", ["theme": state.themeName]), style: Style(.dim)))
            MessageBox(title: state.text("help_title"), spans: spans, maxWidth: 76, glyphs: glyphs).draw(in: area, into: &grid)
        case let .output(title, lines):
            MessageBox(title: title, spans: [TextSpan(lines.joined(separator: "\n"))], maxWidth: area.width, glyphs: glyphs)
                .draw(in: area, into: &grid)
        }
    }
}
