import GRUCore
import Localization
import Teaching
import Widgets

/// Draws the time panels (``TimelineLayout``): the ruler with the cursor's mark and a caption
/// saying what the strips show and how columns fold, the input characters of a model with a
/// vocabulary, one strip per unit shown, and the selected unit's retention and influence in the
/// same columns.
///
/// Everything drawn comes from ``TimeCache`` (brought up to date by `update`), so a frame costs
/// the same whatever the length of the sequence.
struct TimelinePanel {
    let state: AppState
    let layout: TimelineLayout
    let sequence: GRUSequence
    let glyphs: Glyphs

    var cache: TimeCache { state.timeCache }
    var options: TimelineOptions { state.timeline }
    var cursor: Int { state.timeCursor }

    func draw(into grid: inout Grid) {
        guard let (_, request, summary, bound) = cache.summary else {
            grid.put(progressText(summary: true), x: layout.valueX, y: layout.strips.y, style: Style(.dim), maxWidth: layout.columns)
            return
        }
        let cursorColumn = request.window.contains(cursor) ? summary.column(of: cursor) : nil
        ruler(summary: summary, request: request, cursorColumn: cursorColumn, into: &grid)
        if let row = layout.characters { characters(summary: summary, in: row, cursorColumn: cursorColumn, into: &grid) }
        strips(summary: summary, bound: bound, cursorColumn: cursorColumn, into: &grid)
        memory(summary: summary, cursorColumn: cursorColumn, into: &grid)
    }

    // MARK: The ruler

    func ruler(summary: GRUFieldSummary, request: TimelineRequest, cursorColumn: Int?, into grid: inout Grid) {
        let quantity = state.text("column." + options.quantity.catalogueKey)
        let fold = TimeExplanations.foldText(summary, fold: options.fold, language: state.language)
        var caption = state.text("time.caption", ["quantity": quantity, "fold": fold])
        if request.window.count < sequence.count {
            caption += (glyphs == .unicode ? " · " : " | ") + state.text("time.window", [
                "first": String(request.window.lowerBound), "last": String(request.window.upperBound - 1),
                "count": String(sequence.count),
            ])
        }
        let row = layout.ruler
        grid.put(DisplayWidth.padded(quantitySymbol, to: TimelineLayout.labelWidth - 1, alignRight: true), x: row.x, y: row.y,
                 style: Style(options.quantity.role, attributes: .bold))
        let area = Rect(x: layout.valueX, y: row.y, width: row.maxX - layout.valueX, height: 1)
        StripRuler(labels: Self.tickLabels(summary: summary, room: layout.columns), cursorColumn: cursorColumn, caption: caption, glyphs: glyphs)
            .draw(in: area, into: &grid)
    }

    /// The short name of the quantity in the label column.
    var quantitySymbol: String {
        switch options.quantity {
        case .r: return "r"
        case .z: return "z"
        case .kept: return glyphs == .unicode ? "z·h" : "z*h"
        case .candidate: return glyphs == .unicode ? "h̃" : "h~"
        case .added: return glyphs == .unicode ? "(1−z)h̃" : "(1-z)h~"
        case .newState: return glyphs == .unicode ? "h′" : "h'"
        }
    }

    /// Step numbers at round intervals, far enough apart to be read.
    static func tickLabels(summary: GRUFieldSummary, room: Int) -> [(column: Int, text: String)] {
        let window = summary.range
        guard !window.isEmpty else { return [] }
        let widest = String(window.upperBound - 1).count + 2
        let stepsPerColumn = Double(window.count) / Double(max(1, summary.columns))
        // 1, 2, 5, 10, 20, 50 … steps: the first far enough apart.
        let mantissas = [1, 2, 5]
        var index = 0, power = 1, interval = 1
        while Double(interval) / stepsPerColumn < Double(widest), interval < window.count {
            index += 1
            if index == mantissas.count { index = 0; power *= 10 }
            interval = mantissas[index] * power
        }
        var labels: [(Int, String)] = []
        var step = (window.lowerBound + interval - 1) / interval * interval
        while step < window.upperBound {
            labels.append((summary.column(of: step), String(step)))
            step += interval
        }
        return labels
    }

    // MARK: Characters

    func characters(summary: GRUFieldSummary, in row: Rect, cursorColumn: Int?, into grid: inout Grid) {
        grid.put(DisplayWidth.padded("x", to: TimelineLayout.labelWidth - 1, alignRight: true), x: row.x, y: row.y, style: Style(.dim))
        for column in 0..<min(summary.columns, layout.columns) {
            let steps = summary.steps(inColumn: column)
            var style = Style(.text, background: column == cursorColumn ? .selection : nil)
            var text = glyphs == .unicode ? "·" : "."
            if steps.count == 1, let character = state.inputCharacter(at: steps.lowerBound) {
                text = CharacterCell.shown(character, glyphs: glyphs)
            } else {
                style.foreground = .dim
            }
            grid.put(text, x: layout.valueX + column, y: row.y, style: style, maxWidth: 1)
        }
    }


    // MARK: Strips

    func strips(summary: GRUFieldSummary, bound: Float, cursorColumn: Int?, into grid: inout Grid) {
        let area = layout.strips
        let quantity = options.quantity
        let scale: StripScale = quantity.isGate ? .unit : .signed(bound: bound)
        for row in 0..<area.height {
            let unit = state.tableOffset + row
            guard unit < sequence.hiddenSize else { break }
            let y = area.y + row
            let isSelected = unit == state.unit
            let labelStyle = isSelected
                ? Style(.selection, attributes: state.focus == .timeline ? [.reverse, .bold] : .bold)
                : Style(.dim)
            grid.put(DisplayWidth.padded(String(unit), to: TimelineLayout.labelWidth - 2, alignRight: true), x: area.x, y: y, style: labelStyle)
            let values = options.fold.row(of: summary, unit: unit)
            Strip(values: values[...], scale: scale, role: quantity.role, cursorColumn: cursorColumn, glyphs: glyphs)
                .draw(in: Rect(x: layout.valueX, y: y, width: layout.columns, height: 1), into: &grid)
        }
    }

    // MARK: Retention and influence

    func memory(summary: GRUFieldSummary, cursorColumn: Int?, into grid: inout Grid) {
        let labels = glyphs == .unicode
            ? (state.text("time.retention"), state.text("time.influence"))
            : (state.text("time.retention_ascii"), state.text("time.influence_ascii"))
        let retentionRow = layout.retentionRow, influenceRow = layout.influenceRow
        grid.put(DisplayWidth.padded(labels.0, to: TimelineLayout.labelWidth - 1, alignRight: true), x: retentionRow.x, y: retentionRow.y,
                 style: Style(.updateGate, attributes: .bold))
        grid.put(DisplayWidth.padded(labels.1, to: TimelineLayout.labelWidth - 1, alignRight: true), x: influenceRow.x, y: influenceRow.y,
                 style: Style(.newState, attributes: .bold))
        guard let memory = cache.memory?.value, memory.unit == state.unit, memory.step == cursor else { return }
        let retention = options.fold.fold(memory.retention, into: summary)
        Strip(values: retention[...], scale: .unit, role: .updateGate, cursorColumn: cursorColumn, glyphs: glyphs)
            .draw(in: Rect(x: layout.valueX, y: retentionRow.y, width: layout.columns, height: 1), into: &grid)
        guard let influence = memory.influence else {
            grid.put(progressText(summary: false), x: layout.valueX, y: influenceRow.y, style: Style(.dim), maxWidth: layout.columns)
            return
        }
        let largest = influence.max() ?? 0
        let values = options.fold.fold(influence, into: summary)
        Strip(values: values[...], scale: .magnitude(bound: largest), role: .newState, cursorColumn: cursorColumn, glyphs: glyphs)
            .draw(in: Rect(x: layout.valueX, y: influenceRow.y, width: layout.columns, height: 1), into: &grid)
        // The scale, where the row has room after the cursor's column.
        let note = state.text("time.influence_scale", ["value": NumberText.value(largest, decimals: 3)])
        let free = layout.columns - values.count - 2
        if DisplayWidth.of(note) <= free {
            grid.put(note, x: layout.valueX + layout.columns - DisplayWidth.of(note), y: influenceRow.y, style: Style(.dim))
        }
    }

    /// "working out …: 40%" while work for the panels runs.
    func progressText(summary: Bool) -> String {
        let what = summary
            ? state.text("time.working_summary", ["quantity": state.text("column." + options.quantity.catalogueKey)])
            : state.text("time.working_influence", ["unit": String(state.unit)])
        let percent = cache.progress.map { NumberText.percent(Float($0.fraction)) } ?? "0%"
        return state.text("time.working", ["what": what, "percent": percent])
    }
}
