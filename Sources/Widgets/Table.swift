import Localization

/// Rows of cells under a header, scrolled vertically to keep the selected row in view; the
/// selected row gets the ``Role/selection`` background wherever a cell has none of its own.
public struct Table: Sendable, Hashable {
    /// The columns.
    public var columns: [TableColumn]
    /// The rows, each with one cell per column (missing cells are empty, extra ones ignored).
    public var rows: [[TableCell]]
    /// The selected row, if any.
    public var selection: Int?
    /// The first row shown last time; the table moves from there only as far as the selection needs.
    public var offset: Int
    /// Whether to draw the header row.
    public var showsHeader: Bool
    /// Blank columns between columns.
    public var spacing: Int
    /// Bars, ellipsis.
    public var glyphs: Glyphs

    /// A table from its parts.
    public init(
        columns: [TableColumn], rows: [[TableCell]], selection: Int? = nil, offset: Int = 0,
        showsHeader: Bool = true, spacing: Int = 1, glyphs: Glyphs = .unicode
    ) {
        self.columns = columns
        self.rows = rows
        self.selection = selection
        self.offset = offset
        self.showsHeader = showsHeader
        self.spacing = spacing
        self.glyphs = glyphs
    }

    /// The layout in `area`.
    public func layout(in area: Rect) -> TableLayout {
        TableLayout(columns: columns, area: area, showsHeader: showsHeader, spacing: spacing)
    }

    /// The first row shown in `area`: ``offset`` moved just enough to show the selection.
    public func scrolledOffset(in area: Rect) -> Int {
        ScrollWindow.offset(count: rows.count, visible: layout(in: area).visibleRowCount, selection: selection, previous: offset)
    }

    /// Clears `area` and draws the table. Returns the layout and the offset used, so the caller
    /// can store the offset and draw extra things in cells.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> (layout: TableLayout, offset: Int) {
        let layout = layout(in: area)
        guard !area.isEmpty else { return (layout, 0) }
        grid.fill(area)
        if let header = layout.header {
            for (index, frame) in layout.columnFrames.enumerated() {
                let column = columns[index]
                let title = TextLayout.truncate(column.title, width: frame.width, ellipsis: glyphs.ellipsis)
                let x = frame.x + Self.indent(of: title, width: frame.width, alignment: column.alignment)
                grid.put(title, x: x, y: header.y, style: Style(.header, attributes: .bold), maxWidth: frame.x + frame.width - x)
            }
        }
        let first = scrolledOffset(in: area)
        for row in ScrollWindow.range(count: rows.count, visible: layout.visibleRowCount, offset: first) {
            for (index, _) in layout.columnFrames.enumerated() {
                guard let rect = layout.cellRect(column: index, row: row, offset: first) else { continue }
                let cell = index < rows[row].count ? rows[row][index] : .empty
                draw(cell, alignment: columns[index].alignment, in: rect, into: &grid)
            }
            if row == selection, let rowRect = layout.rowRect(row: row, offset: first) {
                grid.restyle(rowRect) { style in
                    if style.background == nil { style.background = .selection }
                }
            }
        }
        return (layout, first)
    }

    private func draw(_ cell: TableCell, alignment: TableColumn.Alignment, in rect: Rect, into grid: inout Grid) {
        switch cell {
        case .empty:
            break
        case let .text(text, style):
            let fitted = TextLayout.truncate(text, width: rect.width, ellipsis: glyphs.ellipsis)
            let x = rect.x + Self.indent(of: fitted, width: rect.width, alignment: alignment)
            grid.put(fitted, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        case let .spans(spans):
            var x = rect.x
            for span in spans { x += grid.put(span.text, x: x, y: rect.y, style: span.style, maxWidth: rect.maxX - x) }
        case let .number(value, decimals, style):
            grid.put(number: value, width: rect.width, decimals: decimals, x: rect.x, y: rect.y, style: style)
        case let .gate(value, style):
            GateBar(value: value, style: style, glyphs: glyphs).draw(in: rect, into: &grid)
        case let .signed(value, scale):
            SignedBar(value: value, scale: scale, glyphs: glyphs).draw(in: rect, into: &grid)
        case let .signedIn(value, scale, style):
            SignedBar(value: value, scale: scale, style: style, glyphs: glyphs).draw(in: rect, into: &grid)
        }
    }

    static func indent(of text: String, width: Int, alignment: TableColumn.Alignment) -> Int {
        let spare = max(0, width - DisplayWidth.of(text))
        switch alignment {
        case .left: return 0
        case .right: return spare
        case .center: return spare / 2
        }
    }
}
