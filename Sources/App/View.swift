import GRUCore
import Script
import Widgets

/// Draws the whole screen for a state: a pure function, so every screen is testable as text.
public func view(_ state: AppState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    let layout = state.layout
    let glyphs: Glyphs = state.ascii ? .ascii : .unicode
    if layout.isTooSmall {
        let message = "gruscope needs at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight); this terminal is \(state.width)×\(state.height). Enlarge it, or press q to quit."
        MessageBox(title: "gruscope", message: message, maxWidth: 60, glyphs: glyphs).draw(in: grid.area, into: &grid)
        return grid
    }
    ScreenPainter(state: state, layout: layout, glyphs: glyphs).paint(into: &grid)
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
        story(into: &grid)
        statusLine(into: &grid)
        overlay(into: &grid)
    }

    // MARK: Header

    func header(into grid: inout Grid) {
        let area = layout.header
        grid.fill(area, with: Cell(" ", style: Style(.header, attributes: .reverse)))
        let rule = session.weights.resetAfter ? "reset after" : "reset before"
        var parts = [
            "gruscope", "\(session.variant.rawValue) (\(rule))",
            "I=\(session.inputSize) H=\(session.hiddenSize)", "t=\(session.t)",
            session.sceneName.map { "scene \($0)" } ?? session.origin.summary,
        ]
        if !trace.pinned.isEmpty { parts.append("pinned: " + trace.pinned.map(\.rawValue).joined(separator: ", ")) }
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
            var title = column.title
            if pinned { title += glyphs == .unicode ? " ●pin" : " *pin" }
            var style = Style(column.role, attributes: .bold)
            if isSelected { style.attributes.insert(.reverse) }
            grid.put(title, x: rect.x, y: titleY, style: style, maxWidth: rect.width)
        }
        let scale = max(1, TraceTable.signedScale(trace))
        let body = layout.tableBody
        for row in 0..<body.height {
            let unit = state.tableOffset + row
            guard unit < session.hiddenSize else { break }
            let y = body.y + row
            let isSelectedUnit = unit == state.unit
            let labelStyle = isSelectedUnit
                ? Style(.selection, attributes: state.focus == .units ? [.reverse, .bold] : .bold)
                : Style(.dim)
            grid.put(TraceTable.pad(String(unit), 4, right: true), x: 0, y: y, style: labelStyle)
            for column in GateColumn.allCases {
                cell(unit: unit, column: column, y: y, scale: scale, isSelectedUnit: isSelectedUnit, into: &grid)
            }
        }
        if session.hiddenSize > body.height {
            let marker = "\(state.tableOffset + 1)–\(min(session.hiddenSize, state.tableOffset + body.height))/\(session.hiddenSize)"
            grid.put(marker, x: max(0, layout.tableHeader.maxX - marker.count), y: titleY, style: Style(.dim))
        }
    }

    func cell(unit: Int, column: GateColumn, y: Int, scale: Float, isSelectedUnit: Bool, into grid: inout Grid) {
        let rect = layout.columnRect(column)
        let value = trace[column.field][unit]
        // Narrow columns trade a decimal for a longer bar: a 2-cell side is the least that reads.
        let numberWidth = rect.width >= 14 ? 6 : 5
        let decimals = numberWidth == 6 ? 3 : 2
        let isCursor = isSelectedUnit && state.focus == .units && state.column == column
        var numberStyle = Style(isSelectedUnit ? .text : .dim, attributes: isSelectedUnit ? .bold : [])
        if isCursor { numberStyle = Style(.focus, attributes: .reverse) }
        let editingHere = isCursor && state.editing != nil && !editTargetsState
        if editingHere, let edit = state.editing {
            grid.put(TraceTable.pad(edit.text, numberWidth), x: rect.x, y: y, style: Style(.focus, attributes: .reverse), maxWidth: numberWidth)
        } else {
            grid.put(NumberFormat.fit(value, width: numberWidth, decimals: decimals), x: rect.x, y: y, style: numberStyle, maxWidth: numberWidth)
        }
        let bar = Rect(x: rect.x + numberWidth + 1, y: y, width: rect.width - numberWidth - 1, height: 1)
        if column.isGate {
            GateBar(value: value, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        } else {
            SignedBar(value: value, scale: scale, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        }
    }

    // MARK: The selected unit's story

    func story(into grid: inout Grid) {
        let area = layout.story
        guard area.height > 0 else { return }
        let j = state.unit
        let z = trace.z[j], old = trace.hPrev[j], candidate = trace.candidate[j]
        let title = "unit \(j)"
        grid.put(title, x: 0, y: area.y, style: Style(.header, attributes: .bold))
        let keptPercent = Int((z * 100).rounded()), forgotPercent = 100 - Int((z * 100).rounded())
        let spans: [TextSpan] = [
            TextSpan("z = \(Numbers.short(z)): "),
            TextSpan("keeps \(keptPercent)% of the old \(Numbers.short(old))", style: Style(.kept)),
            TextSpan(" (kept \(Numbers.short(trace.kept[j]))); the \(forgotPercent)% forgotten is the share the "),
            TextSpan("candidate \(Numbers.short(candidate))", style: Style(.candidate)),
            TextSpan(" fills ("),
            TextSpan("added \(Numbers.short(trace.added[j]))", style: Style(.added)),
            TextSpan("); "),
            TextSpan("new h′ = \(Numbers.short(trace.h[j]))", style: Style(.newState, attributes: .bold)),
            TextSpan(". r = \(Numbers.short(trace.r[j])) lets \(Int((trace.r[j] * 100).rounded()))% of the old state into the candidate."),
        ]
        let text = Rect(x: 2, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        _ = TextPanel(spans, glyphs: glyphs).draw(in: text, into: &grid)
    }

    // MARK: Status and command line

    func statusLine(into grid: inout Grid) {
        if let status = state.status {
            grid.put(status.text, x: 0, y: layout.status.y, style: Style(status.isError ? .error : .text, attributes: status.isError ? .bold : []), maxWidth: layout.status.width)
        }
        let area = layout.keys
        if let command = state.command {
            grid.put(":", x: 0, y: area.y, style: Style(.focus, attributes: .bold))
            let shown = grid.put(command.text, x: 1, y: area.y, style: Style(.text), maxWidth: area.width - 2)
            let cursorX = 1 + min(shown, DisplayWidth.of(command.text.prefix(command.cursor)))
            let under = grid[cursorX, area.y].character
            grid[cursorX, area.y] = Cell(under, style: Style(.focus, attributes: .reverse))
            return
        }
        let hints = [
            KeyHint("Tab", "focus"), KeyHint("Enter", "edit"), KeyHint("+-", "nudge"), KeyHint("Space", "step"),
            KeyHint("b", "back"), KeyHint("p", "pin"), KeyHint("r", "weights"), KeyHint(":", "command"),
            KeyHint("?", "help"), KeyHint("q", "quit"),
        ]
        StatusLine(hints: hints, glyphs: glyphs).draw(in: area, into: &grid)
    }

    // MARK: Panels

    func overlay(into grid: inout Grid) {
        guard let overlay = state.overlay else { return }
        let area = Rect(x: 2, y: 1, width: grid.width - 4, height: grid.height - 2)
        switch overlay {
        case let .help(column):
            var spans: [TextSpan] = []
            if let column {
                spans.append(TextSpan(column.title + ": ", style: Style(column.role, attributes: .bold)))
                spans.append(TextSpan(column.formula + "\n\n"))
            }
            let bindings = KeyMap.bindings.filter { !$0.label.isEmpty }
            for binding in bindings {
                spans.append(TextSpan(TraceTable.pad(binding.label, 12), style: Style(.focus, attributes: .bold)))
                spans.append(TextSpan(binding.summary + "\n"))
            }
            spans.append(TextSpan("\nUnits and inputs count from 0. h′ = z·h + (1−z)·h̃: z is the share kept. Theme: \(state.themeName). Any key closes this.", style: Style(.dim)))
            MessageBox(title: "keys", spans: spans, maxWidth: 76, glyphs: glyphs).draw(in: area, into: &grid)
        case let .output(title, lines):
            MessageBox(title: title, spans: [TextSpan(lines.joined(separator: "\n"))], maxWidth: area.width, glyphs: glyphs)
                .draw(in: area, into: &grid)
        }
    }
}
