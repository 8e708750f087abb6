/// Where a table's header, rows and columns fall inside an area: fixed-width columns separated
/// by `spacing` blank columns, growing columns sharing the room left over, and columns that do not
/// fit whole dropped from the right (a bar cut in half would lie about its value).
public struct TableLayout: Sendable, Hashable {
    /// The header row, or nil without a header (or without room for one).
    public let header: Rect?
    /// The rows below the header.
    public let body: Rect
    /// The x and width of each column that fits, in column order; the rest are left out.
    public let columnFrames: [ColumnFrame]

    /// Where one column lies.
    public struct ColumnFrame: Sendable, Hashable {
        /// The left column.
        public var x: Int
        /// Columns taken.
        public var width: Int

        /// A frame from its parts.
        public init(x: Int, width: Int) {
            self.x = x
            self.width = width
        }
    }

    /// The layout of `columns` in `area`.
    public init(columns: [TableColumn], area: Rect, showsHeader: Bool = true, spacing: Int = 1) {
        let gap = max(0, spacing)
        if showsHeader, area.height > 0 {
            let split = area.splitTop(1)
            header = split.top
            body = split.rest
        } else {
            header = nil
            body = area
        }
        var widths = columns.map(\.width)
        let fixedTotal = widths.reduce(0, +) + gap * max(0, columns.count - 1)
        let growing = columns.indices.filter { columns[$0].grows }
        if fixedTotal < area.width, !growing.isEmpty {
            let spare = area.width - fixedTotal
            for (n, index) in growing.enumerated() {
                widths[index] += spare / growing.count + (n < spare % growing.count ? 1 : 0)
            }
        }
        var frames: [ColumnFrame] = []
        var x = area.x
        for width in widths {
            if x + width > area.maxX {
                if frames.isEmpty, x < area.maxX { frames.append(ColumnFrame(x: x, width: area.maxX - x)) }
                break
            }
            frames.append(ColumnFrame(x: x, width: width))
            x += width + gap
        }
        columnFrames = frames
    }

    /// Rows that fit below the header.
    public var visibleRowCount: Int { body.height }

    /// The rectangle of one cell, or nil when the column was left out or the row is scrolled away.
    public func cellRect(column: Int, row: Int, offset: Int) -> Rect? {
        guard columnFrames.indices.contains(column), let rowArea = rowRect(row: row, offset: offset) else { return nil }
        let frame = columnFrames[column]
        return Rect(x: frame.x, y: rowArea.y, width: frame.width, height: 1)
    }

    /// The full-width rectangle of one row, or nil when it is scrolled away.
    public func rowRect(row: Int, offset: Int) -> Rect? {
        let line = row - offset
        guard line >= 0, line < body.height else { return nil }
        return Rect(x: body.x, y: body.y + line, width: body.width, height: 1)
    }
}
