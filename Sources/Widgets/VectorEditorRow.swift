import Localization

/// One row editing a vector (the input x or the state h): a label, then the values in cells of a
/// fixed width, one of them selected, scrolled sideways when the vector is wider than the row.
///
/// Layout: `label` padded to ``labelWidth``, then for each visible value a separator column and
/// ``cellWidth`` columns. The separator before the first visible value shows ``Glyphs/moreLeft``
/// when values are hidden to the left; the column after the last shows ``Glyphs/moreRight``.
///
/// Styles: the label is ``Role/focus`` when the row has focus, else ``Role/header``; the selected
/// value sits on the ``Role/selection`` background when the row has focus and is underlined when
/// it does not; while editing, the selected cell shows the edit buffer on the ``Role/focus``
/// background with the character under the cursor reversed.
public struct VectorEditorRow: Sendable, Hashable {
    /// Shown at the left, e.g. `"x"` or `"h"`.
    public var label: String
    /// Columns for the label (longer labels are cut with an ellipsis).
    public var labelWidth: Int
    /// The values.
    public var values: [Float]
    /// The selected index, if any.
    public var selection: Int?
    /// Whether this row receives the keys.
    public var isFocused: Bool
    /// The text being typed into the selected cell, if editing.
    public var edit: EditBuffer?
    /// Columns per value.
    public var cellWidth: Int
    /// Decimals shown (fewer when a value needs the room).
    public var decimals: Int
    /// The first visible index; compute it with ``ScrollWindow/offset(count:visible:selection:previous:margin:)``
    /// and ``visibleCount(width:)``, keeping it in the screen state so scrolling is steady.
    public var offset: Int
    /// The values' style.
    public var valueStyle: Style
    /// Scroll markers and ellipsis.
    public var glyphs: Glyphs

    /// A row from its parts.
    public init(
        label: String, labelWidth: Int = 4, values: [Float], selection: Int? = nil, isFocused: Bool = false,
        edit: EditBuffer? = nil, cellWidth: Int = 7, decimals: Int = 3, offset: Int = 0,
        valueStyle: Style = .plain, glyphs: Glyphs = .unicode
    ) {
        self.label = label
        self.labelWidth = labelWidth
        self.values = values
        self.selection = selection
        self.isFocused = isFocused
        self.edit = edit
        self.cellWidth = cellWidth
        self.decimals = decimals
        self.offset = offset
        self.valueStyle = valueStyle
        self.glyphs = glyphs
    }

    /// How many values fit in a row `width` columns wide (at least one when anything fits).
    public func visibleCount(width: Int) -> Int {
        let room = width - max(0, labelWidth) - 1
        guard room > 0, cellWidth > 0 else { return 0 }
        return max(0, room / (cellWidth + 1))
    }

    /// The offset that keeps the selection in view, moving as little as possible from ``offset``.
    public func scrolledOffset(width: Int) -> Int {
        ScrollWindow.offset(count: values.count, visible: visibleCount(width: width), selection: selection, previous: offset)
    }

    /// Draws the row in the top line of `area`. Returns where the terminal cursor belongs while
    /// editing (on the character after the buffer's cursor), or nil.
    ///
    /// The row scrolls by itself as far as needed to show the selection, so a stale ``offset``
    /// still draws correctly.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        let y = area.y
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
        let labelColumns = min(max(0, labelWidth), area.width)
        let labelStyle = isFocused ? Style(.focus, attributes: .bold) : Style(.header, attributes: .bold)
        grid.put(TextLayout.truncate(label, width: labelColumns, ellipsis: glyphs.ellipsis), x: area.x, y: y, style: labelStyle, maxWidth: labelColumns)

        let visible = visibleCount(width: area.width)
        guard visible > 0 else { return nil }
        let first = scrolledOffset(width: area.width)
        let shown = ScrollWindow.range(count: values.count, visible: visible, offset: first)
        var cursor: (x: Int, y: Int)?
        var x = area.x + labelColumns
        for index in shown {
            if index == shown.lowerBound && first > 0 {
                grid.put(glyphs.moreLeft, x: x, y: y, style: Style(.dim))
            }
            x += 1
            let cellArea = Rect(x: x, y: y, width: cellWidth, height: 1)
            if index == selection, let edit {
                cursor = drawEdit(edit, in: cellArea, into: &grid)
            } else {
                var style = valueStyle
                if index == selection {
                    if isFocused { style.background = .selection } else { style.attributes.insert(.underline) }
                }
                grid.put(number: values[index], width: cellWidth, decimals: decimals, x: x, y: y, style: style)
            }
            x += cellWidth
        }
        if shown.upperBound < values.count {
            grid.put(glyphs.moreRight, x: min(x, area.maxX - 1), y: y, style: Style(.dim))
        }
        return cursor
    }

    /// Draws each visible value's index, right-aligned above (or below) its cell, in the top
    /// line of `area` (as wide as the row's): the same cells ``draw(in:into:)`` uses, so an
    /// index always sits over its value, however the row is scrolled.
    public func drawIndices(in area: Rect, style: Style, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let visible = visibleCount(width: area.width)
        guard visible > 0 else { return }
        let first = scrolledOffset(width: area.width)
        var x = area.x + min(max(0, labelWidth), area.width) + 1
        for index in ScrollWindow.range(count: values.count, visible: visible, offset: first) {
            let text = String(index)
            var cellStyle = style
            if index == selection { cellStyle.attributes.insert(.bold) }
            grid.put(text, x: x + max(0, cellWidth - text.count), y: area.y, style: cellStyle, maxWidth: cellWidth)
            x += cellWidth + 1
        }
    }

    /// The edit buffer in the cell, scrolled so the cursor stays visible.
    private func drawEdit(_ edit: EditBuffer, in cell: Rect, into grid: inout Grid) -> (x: Int, y: Int) {
        let fieldStyle = Style(.focus, background: .focus)
        grid.fill(cell, with: Cell(" ", style: fieldStyle))
        let cursorX = EditLine(edit, style: fieldStyle, glyphs: glyphs, marksScroll: false).draw(in: cell, into: &grid)
        return (cursorX, cell.y)
    }
}
