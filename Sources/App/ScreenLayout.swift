import Widgets

/// Where everything goes on a screen of a given size: computed from the state alone, and used
/// both to draw (``view(_:)``) and to find what a mouse click hit (``update(_:_:)``).
public struct ScreenLayout: Sendable, Equatable {
    /// The smallest screen the full view fits.
    public static let minimumWidth = 80
    /// The smallest screen the full view fits.
    public static let minimumHeight = 24
    /// Columns of a value cell in the x and h rows, e.g. ` -0.123 `.
    public static let valueCellWidth = 8
    /// Columns before the first value of a row (`x  `, `h  `).
    public static let rowLabelWidth = 4
    /// Columns of the unit number at the left of the table.
    public static let unitLabelWidth = 5

    /// Whether the screen is too small for the view.
    public let isTooSmall: Bool
    /// The title line.
    public let header: Rect
    /// The input vector row.
    public let xRow: Rect
    /// The state row.
    public let hRow: Rect
    /// The table's column titles.
    public let tableHeader: Rect
    /// The unit rows.
    public let tableBody: Rect
    /// The selected unit's story.
    public let story: Rect
    /// The message line.
    public let status: Rect
    /// The key hints, or the ':' line.
    public let keys: Rect
    /// Columns of each table column (number and bar).
    public let columnWidth: Int
    /// The timeline and memory rows, when the session holds a sequence of more than one step.
    public let timeline: TimelineLayout?

    /// The layout for a screen of `width`×`height` showing `hiddenSize` units, with the time
    /// panels when `time` asks for them.
    public init(width: Int, height: Int, hiddenSize: Int, time: TimelineLayout.Needs? = nil) {
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let full = Rect(x: 0, y: 0, width: width, height: height)
        var (top, rest) = full.splitTop(1)
        header = top
        (top, rest) = rest.splitTop(1)
        xRow = top
        (top, rest) = rest.splitTop(1)
        hRow = top
        rest = rest.splitTop(1).rest
        (top, rest) = rest.splitTop(1)
        tableHeader = top
        var bottom: Rect
        (rest, bottom) = rest.splitBottom(1)
        keys = bottom
        (rest, bottom) = rest.splitBottom(1)
        status = bottom
        if let time {
            let placed = TimelineLayout.place(in: rest, tableHeader: tableHeader, hiddenSize: hiddenSize, needs: time)
            (tableBody, story, timeline) = (placed.table, placed.story, placed.timeline)
            columnWidth = placed.columnWidth
            return
        }
        timeline = nil
        // The story keeps at least 4 rows; the table takes what the units need of the rest,
        // and any room left over goes back to the story.
        let tableRows = max(1, min(hiddenSize, rest.height - Self.storyRows))
        (top, rest) = rest.splitTop(tableRows)
        tableBody = top
        story = rest.splitTop(1).rest
        columnWidth = Self.columnWidth(tableWidth: width)
    }

    /// The fewest rows the story keeps (its blank line and title included).
    static let storyRows = 4

    /// Columns of each table column when the table is `tableWidth` wide.
    static func columnWidth(tableWidth: Int) -> Int {
        max(10, (tableWidth - unitLabelWidth) / GateColumn.allCases.count)
    }

    /// The columns a table column occupies.
    public func columnRect(_ column: GateColumn) -> Rect {
        Rect(x: Self.unitLabelWidth + column.rawValue * columnWidth, y: tableBody.y, width: columnWidth - 1, height: tableBody.height)
    }

    /// How many values of a vector row fit on screen.
    public var visibleValues: Int {
        max(1, (xRow.width - Self.rowLabelWidth - 1) / Self.valueCellWidth)
    }

    /// The first value shown in a vector row when `selected` must be visible: whole pages, so
    /// the row does not shift under the cursor on every move.
    public func firstVisibleValue(selected: Int) -> Int {
        (max(0, selected) / visibleValues) * visibleValues
    }

    /// The column where value `index` of a row starts, given the first shown.
    public func valueX(index: Int, first: Int) -> Int {
        Self.rowLabelWidth + (index - first) * Self.valueCellWidth
    }
}
