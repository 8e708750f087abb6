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
    let glyphs = state.glyphs
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

    /// A screen text, in ASCII where the screen is.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String { state.text(key, arguments) }

    func paint(into grid: inout Grid) {
        header(into: &grid)
        vectorRow(.x, into: &grid)
        vectorRow(.h, into: &grid)
        table(into: &grid)
        scaleLegend(into: &grid)
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
        let line = Self.headerLine(headerParts, width: area.width - 1, separator: glyphs == .unicode ? " · " : " | ", ellipsis: glyphs.ellipsis)
        let bold = Style(.header, attributes: [.reverse, .bold])
        grid.put(" " + line, x: area.x, y: area.y, style: bold, maxWidth: area.width)
        guard layout.presenting, area.height >= 3 else { return }
        // Presentation mode's band: the step and the mix's formula on its own line, and the
        // lesson under it, for the back of the room.
        var big = [text("present.step", ["t": String(session.t)]), glyphs.text("h′ = z·h + (1−z)·h̃")]
        if let title = state.teaching.lessonTitle { big.append(glyphs.text(title)) }
        grid.put("  " + big.joined(separator: "   "), x: area.x, y: area.y + 1, style: bold, maxWidth: area.width)
        grid.put("  " + text("present.z_keeps"), x: area.x, y: area.y + 2, style: Style(.header, attributes: .reverse), maxWidth: area.width)
    }

    /// A part of the header, and how much it matters when the screen is narrow.
    struct HeaderPart {
        var text: String
        /// Lower parts go first when the line is too long; 0 never goes (it may be shortened).
        var priority: Int
        /// Whether it may be cut short with an ellipsis rather than left out.
        var shortens = false
    }

    /// The header's parts in their order: what the screen is about never drops (t, the pinned
    /// gates); the program's name gives way first, then the convention, then the weights'
    /// origin (shortened while it can be), then the sizes.
    var headerParts: [HeaderPart] {
        let rule = text(session.weights.resetAfter ? "reset_after" : "reset_before")
        var parts = [
            HeaderPart(text: "gruscope", priority: 1),
            HeaderPart(text: "\(session.variant.rawValue) (\(rule))", priority: 2),
            HeaderPart(text: "I=\(session.inputSize) H=\(session.hiddenSize)", priority: 4),
            HeaderPart(text: state.timeSequence.map { text("time.header_step", ["t": String(state.timeCursor), "count": String($0.count)]) }
                ?? "t=\(session.t)", priority: 0),
            HeaderPart(text: glyphs.text(session.sceneName.map { text("scene", ["name": $0]) } ?? session.origin.summary), priority: 3, shortens: true),
        ]
        if state.recording != nil {
            parts.append(HeaderPart(text: (glyphs == .unicode ? "● " : "* ") + text("record.mark"), priority: 0))
        }
        if !trace.pinned.isEmpty {
            parts.append(HeaderPart(text: text("pinned", ["gates": trace.pinned.map(\.rawValue).joined(separator: ", ")]), priority: 0))
        }
        return parts
    }

    /// The parts that fit in `width` columns, in their order: the lowest priorities are left
    /// out first, and a part that may shorten is cut to the room left rather than dropped while
    /// a few of its characters still fit.
    static func headerLine(_ parts: [HeaderPart], width: Int, separator: String, ellipsis: String) -> String {
        var kept = parts
        func length(_ parts: [HeaderPart]) -> Int {
            parts.reduce(0) { $0 + DisplayWidth.of($1.text) } + DisplayWidth.of(separator) * max(0, parts.count - 1)
        }
        while length(kept) > width {
            guard let lowest = kept.indices.filter({ kept[$0].priority > 0 }).min(by: { kept[$0].priority < kept[$1].priority }) else { break }
            if kept[lowest].shortens {
                let room = width - (length(kept) - DisplayWidth.of(kept[lowest].text))
                if room >= 8 {
                    kept[lowest].text = TextLayout.truncate(kept[lowest].text, width: room, ellipsis: ellipsis)
                    break
                }
            }
            kept.remove(at: lowest)
        }
        return kept.map(\.text).joined(separator: separator)
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
            offset: layout.firstVisibleValue(selected: selected, in: area),
            valueStyle: Style(role), glyphs: glyphs)
        _ = row.draw(in: area, into: &grid)
        if isX, let note = state.xCharacterNote, !layout.xCharacter.isEmpty {
            // Which character x_t stands for, for a model with a vocabulary.
            let noteArea = layout.xCharacter
            grid.fill(noteArea)
            grid.put(note, x: noteArea.x + 1, y: noteArea.y, style: Style(.text, attributes: .bold), maxWidth: noteArea.width - 1)
        }
        // Each value's index beside it (above x, below h), so a value of a long vector is found
        // by its number, counting from 0 like everything else.
        let indices = isX ? layout.xIndices : layout.hIndices
        row.drawIndices(in: Rect(x: area.x, y: indices.y, width: area.width, height: indices.height), style: Style(.dim), into: &grid)
    }

    /// Whether an edit in the table is an edit of h (not of a pinned gate value).
    var editTargetsState: Bool {
        if case .state = state.target { return true }
        return false
    }

    // MARK: The gate table

    func table(into grid: inout Grid) {
        let titleY = layout.tableHeader.y
        grid.put(text("class.unit_column"), x: 0, y: titleY, style: Style(.dim), maxWidth: ScreenLayout.unitLabelWidth - 1)
        for column in GateColumn.allCases {
            let rect = layout.columnRect(column)
            let isSelected = state.focus == .units && state.column == column
            let pinned = column.gate.map { session.pins[$0] != nil } ?? false
            var title = text("column." + column.catalogueKey)
            // The header names the pinned gates; the column only needs a mark that fits.
            if pinned { title += glyphs == .unicode ? " ●" : " *" }
            var style = Style(column.role, attributes: .bold)
            if isSelected { style.attributes.insert(.reverse) }
            if state.teaching.highlightedColumns.contains(column.field) { style.attributes.insert(.underline) }
            grid.put(title, x: rect.x, y: titleY, style: style, maxWidth: rect.width)
        }
        let body = layout.tableBody
        let values = GateColumn.allCases.map { trace[$0.field] }
        let scales = GateColumn.allCases.map { state.scales.scale($0, trace: trace) }
        for slot in 0..<layout.unitsShown {
            let unit = state.tableOffset + slot
            guard unit < session.hiddenSize else { break }
            let y = body.y + slot * layout.unitRows
            let isSelectedUnit = unit == state.unit
            let isHighlighted = state.teaching.highlightedUnits.contains(unit)
            let labelStyle = isSelectedUnit
                ? Style(.selection, attributes: state.focus == .units ? [.reverse, .bold] : .bold)
                : Style(isHighlighted ? .focus : .dim, attributes: isHighlighted ? .bold : [])
            let mark = isHighlighted ? (glyphs == .unicode ? "▶" : ">") : " "
            grid.put(mark + DisplayWidth.padded(String(unit), to: 3, alignRight: true), x: 0, y: y, style: labelStyle)
            for column in GateColumn.allCases {
                cell(unit: unit, column: column, value: values[column.rawValue][unit], y: y, scale: scales[column.rawValue], isSelectedUnit: isSelectedUnit, into: &grid)
            }
            if layout.presenting {
                let mixArea = Rect(x: ScreenLayout.unitLabelWidth, y: y + layout.barRows, width: body.width - ScreenLayout.unitLabelWidth - 1, height: ScreenLayout.presentedMixRows)
                mixLine(unit: unit).draw(in: mixArea, into: &grid)
            }
        }
    }

    /// The mix of a unit as a number line: from h to h̃, with h′ a share 1−z of the way.
    func mixLine(unit: Int) -> MixLine {
        MixLine(old: trace.hPrev[unit], candidate: trace.candidate[unit], z: trace.z[unit], new: trace.h[unit],
                sameEndsNote: text("mix.same_ends"), glyphs: glyphs)
    }

    /// The selected unit's cell, boxes and wires with its live numbers.
    func cellDiagram(unit: Int) -> CellDiagram {
        CellDiagram(r: trace.r[unit], z: trace.z[unit], candidate: trace.candidate[unit], old: trace.hPrev[unit], new: trace.h[unit],
                    resetAfter: session.weights.resetAfter, rPinned: session.pins[.r] != nil, zPinned: session.pins[.z] != nil,
                    mixName: text("mix.box"), glyphs: glyphs)
    }

    /// The line under the table: which units are shown when not all fit (counting from 0, as
    /// everywhere), and the scale of the signed bars, always (gates are on [0, 1]).
    func scaleLegend(into grid: inout Grid) {
        let area = layout.scaleLegend
        guard !area.isEmpty else { return }
        var shownWidth = 0
        if session.hiddenSize > layout.unitsShown {
            let last = min(session.hiddenSize, state.tableOffset + layout.unitsShown) - 1
            let shown = text("class.units_shown", ["first": String(state.tableOffset), "last": String(last), "count": String(session.hiddenSize)])
            shownWidth = grid.put(shown, x: area.x, y: area.y, style: Style(.dim), maxWidth: area.width) + 2
        }
        let legend = state.scales.legend(trace: trace) { key, arguments in text(key, arguments) }
        let x = max(area.x + shownWidth, area.maxX - DisplayWidth.of(legend) - 1)
        grid.put(legend, x: x, y: area.y, style: Style(.dim), maxWidth: area.maxX - x)
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
        let bar = Rect(x: rect.x + numberWidth + 1, y: y, width: rect.width - numberWidth - 1, height: layout.barRows)
        if column.isGate {
            GateBar(value: value, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        } else {
            SignedBar(value: value, scale: scale, style: Style(column.role), glyphs: glyphs).draw(in: bar, into: &grid)
        }
    }

    // MARK: The story panel

    /// During a lesson, its narration; then the selected unit's mix as a number line, its
    /// story and the step's summary, all built from the live numbers by the teaching layer;
    /// beside them, when the panel has room, the unit's cell as a diagram.
    func story(into grid: inout Grid) {
        var area = layout.story
        guard area.height > 1 else { return }
        let language = state.language
        let unit = state.unit
        // A state can hold a unit outside the cell (the invariant checks draw such states).
        let unitExists = trace.h.indices.contains(unit)
        // The diagram goes beside the words on a wide screen, under the unit's story on a tall
        // one, and is left out where it would crowd the words.
        var diagram: CellDiagram?
        if !layout.presenting, unitExists {
            let candidate = cellDiagram(unit: unit)
            let size = candidate.size
            if area.width >= size.width + Self.storyTextMinimum + 2, area.height >= size.height + 1 {
                candidate.draw(in: Rect(x: area.maxX - size.width, y: area.y + 1, width: size.width, height: size.height), into: &grid)
                area = Rect(x: area.x, y: area.y, width: area.width - size.width - 2, height: area.height)
            } else if area.width >= size.width + 2 {
                diagram = candidate
            }
        }
        // Each section is written only if it gets a row: a short story panel often has no room
        // for the summary, and making its words costs more than drawing the rest of the panel.
        var sections: [(title: () -> String, mix: Bool, body: () -> String)] = []
        if let title = state.teaching.lessonTitle, let step = state.teaching.lessonStepNumber,
           let count = state.teaching.lessonStepCount {
            let heading = state.teaching.isLessonComplete
                ? text("lesson_done", ["title": title])
                : text("lesson_title", ["title": title, "step": String(step), "count": String(count)])
            sections.append(({ heading }, false, { glyphs.text(state.teaching.narration ?? "") }))
        }
        if let memory = state.timeCache.memory?.value, state.showsTime, memory.unit == state.unit, memory.step == state.timeCursor {
            sections.append((
                { text("time.memory_title", ["unit": String(memory.unit), "t": String(memory.step)]) }, false,
                { glyphs.text(MemoryStory.text(memory, language: language)) }))
        }
        if !layout.presenting || sections.isEmpty {
            sections.append((
                { text("unit_title", ["unit": String(unit)]) }, !layout.presenting,
                { glyphs.text((try? Explainer.unit(unit, trace: trace, weights: session.weights, language: language)) ?? "") }))
            sections.append(({ text("step_title") }, false, { glyphs.text(Explainer.summary(trace: trace, language: language)) }))
        }
        var y = area.y
        for section in sections where y < area.maxY - 1 {
            grid.put(section.title(), x: area.x, y: y, style: Style(.header, attributes: .bold), maxWidth: area.width)
            y += 1
            if section.mix, unitExists {
                // The mix as geometry above the words: three rows where the panel is roomy, one
                // where it is not, none where the story would lose its only rows.
                let rows = area.maxY - y >= 9 ? 3 : (area.maxY - y >= 4 ? 1 : 0)
                if rows > 0 {
                    mixLine(unit: unit).draw(in: Rect(x: area.x + 2, y: y, width: min(area.width - 2, Self.mixLineWidth), height: rows), into: &grid)
                    y += rows + (rows > 1 ? 1 : 0)
                }
            }
            guard y < area.maxY else { break }
            let spans = [TextSpan(section.body())]
            let room = Rect(x: area.x + 2, y: y, width: area.width - 2, height: area.maxY - y)
            // One line more than fits is enough to know the text goes on (the panel then ends
            // its last line in an ellipsis).
            let lines = TextLayout.wrap(spans, width: room.width, maxLines: room.height + 1)
            let body = Rect(x: room.x, y: room.y, width: room.width, height: min(room.height, lines.count))
            TextPanel(spans, glyphs: glyphs).draw(wrapped: lines, in: body, into: &grid)
            y += body.height + 1
            if section.mix, let below = diagram, lines.count <= room.height {
                // Under the unit's whole story only: the summary waits below it.
                let size = below.size
                guard area.maxY - y >= size.height + 1 else { continue }
                below.draw(in: Rect(x: area.x + 2, y: y, width: size.width, height: size.height), into: &grid)
                y += size.height + 1
            }
        }
    }

    /// Columns the story's words keep beside the cell diagram.
    static let storyTextMinimum = 56
    /// The widest the story's mix line is drawn: wider only spreads the same picture.
    static let mixLineWidth = 72

    // MARK: Status and command line

    func statusLine(into grid: inout Grid) {
        if let running = state.running, !(state.status?.isError ?? false) {
            // Long work: what it does, how far it is, and how to stop it.
            let percent = running.progress.map { String(Int(($0.fraction * 100).rounded(.down))) + "%" } ?? "…"
            let key = running.cancelling ? "work.cancelling" : "work.progress"
            grid.put(state.workText(key, title: running.title, ["percent": percent]), x: 0, y: layout.status.y,
                     style: Style(.text, attributes: .bold), maxWidth: layout.status.width)
        } else if let status = state.status {
            grid.put(glyphs.text(status.text), x: 0, y: layout.status.y, style: Style(status.isError ? .error : .text, attributes: status.isError ? .bold : []), maxWidth: layout.status.width)
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

    /// Where a panel is drawn: the screen less a margin.
    static func overlayArea(width: Int, height: Int) -> Rect {
        Rect(x: 2, y: 1, width: max(0, width - 4), height: max(0, height - 2))
    }

    func overlay(into grid: inout Grid) {
        guard var box = overlayBox() else { return }
        box.isScrollable = true
        box.scroll = state.overlayScroll
        box.draw(in: Self.overlayArea(width: grid.width, height: grid.height), into: &grid)
    }

    /// The open panel as a box, scrolled to its top.
    func overlayBox() -> MessageBox? {
        guard let overlay = state.overlay else { return nil }
        let area = Self.overlayArea(width: state.width, height: state.height)
        switch overlay {
        case .timelineHelp:
            return MessageBox(title: state.text("time.help_title"), spans: [TextSpan(MemoryStory.explanation(language: state.language))],
                              maxWidth: area.width, glyphs: glyphs)
        case let .help(column):
            var spans: [TextSpan] = []
            if let column {
                spans.append(TextSpan(state.text("column." + column.catalogueKey) + "\n", style: Style(column.role, attributes: .bold)))
                spans.append(TextSpan(glyphs.text(Explainer.column(column.field, weights: session.weights, language: state.language)) + "\n\n"))
            }
            // The keys that act under the panel, from the key map; two a line when the panel is
            // wide enough: in full when the terminal has the width (120 columns and up), cut to
            // fit 80×24 otherwise.
            let contexts = state.screenContexts
            let entries = KeyMap.helpRows(in: contexts).map { binding in
                (label: KeyMap.label(of: binding, ascii: state.ascii), summary: state.text("key." + (binding.help ?? "")))
            }
            let twoColumns = area.width >= 76
            let labelWidth = (entries.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
            let widest = entries.map { DisplayWidth.of($0.summary) }.max() ?? 0
            let fullHalf = labelWidth + widest + 3
            let half = twoColumns && area.width - 4 >= 2 * fullHalf ? fullHalf : 36
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
            return MessageBox(title: state.text("help_title"), spans: spans, maxWidth: max(76, 2 * half + 4), glyphs: glyphs)
        case let .output(title, lines):
            return MessageBox(title: glyphs.text(title), spans: [TextSpan(glyphs.text(lines.joined(separator: "\n")))], maxWidth: area.width, glyphs: glyphs)
        }
    }
}
