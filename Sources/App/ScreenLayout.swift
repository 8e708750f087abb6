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
    /// Whether this is presentation mode's layout: a big header, fewer units drawn larger, the
    /// mix picture under every unit.
    public let presenting: Bool
    /// The title band (one row; three in presentation mode).
    public let header: Rect
    /// The input positions above the x row (empty when there is no room for them).
    public let xIndices: Rect
    /// The input vector row.
    public let xRow: Rect
    /// The end of the x row that says which character x_t stands for (a model with a
    /// vocabulary; empty otherwise).
    public let xCharacter: Rect
    /// The state row.
    public let hRow: Rect
    /// The units under the h row (empty when there is no room for them).
    public let hIndices: Rect
    /// The table's column titles.
    public let tableHeader: Rect
    /// The unit rows (blocks of ``unitRows`` rows each).
    public let tableBody: Rect
    /// The line under the table that states the bars' scales.
    public let scaleLegend: Rect
    /// The selected unit's story.
    public let story: Rect
    /// The message line.
    public let status: Rect
    /// The key hints, or the ':' line.
    public let keys: Rect
    /// Columns of each table column (number and bar).
    public let columnWidth: Int
    /// Rows a unit takes in the table: 1, or in presentation mode its tall bars, its mix line
    /// and a blank row.
    public let unitRows: Int
    /// Rows of a unit's bars (1; 2 or 3 in presentation mode).
    public let barRows: Int
    /// How many units the table shows at once.
    public let unitsShown: Int

    /// Rows the mix line takes under each unit in presentation mode.
    public static let presentedMixRows = 2
    /// Rows the story keeps at least in presentation mode (a lesson's narration).
    static let presentedStoryRows = 3

    /// The timeline and memory rows, when the session holds a sequence of more than one step.
    public let timeline: TimelineLayout?

    /// The layout for a screen of `width`×`height` showing `hiddenSize` units, with the time
    /// panels when `time` asks for them (not in presentation mode, which gives the units the
    /// room), in presentation mode's shape when `presenting`, and `xCharacterWidth` columns at
    /// the right of the x row for the character x_t stands for.
    public init(
        width: Int, height: Int, hiddenSize: Int, time: TimelineLayout.Needs? = nil, presenting: Bool = false,
        xCharacterWidth: Int = 0
    ) {
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        self.presenting = presenting
        let full = Rect(x: 0, y: 0, width: width, height: height)
        var (top, rest) = full.splitTop(presenting ? 3 : 1)
        header = top
        // Presentation mode spends rows on units first; the index rows come back on tall screens.
        let showsIndices = !presenting || height >= 32
        // With the time panels on a short screen the x row's indices give their row to a unit
        // (the h row's take the blank row under it, so every unit of a small cell still shows).
        let showsXIndices = showsIndices && (time == nil || presenting || height >= 30)
        (top, rest) = rest.splitTop(showsXIndices ? 1 : 0)
        xIndices = top
        (top, rest) = rest.splitTop(1)
        // The character note takes at most a third of the row: the values come first.
        let noteWidth = min(max(0, xCharacterWidth), width / 3)
        xRow = Rect(x: top.x, y: top.y, width: top.width - noteWidth, height: top.height)
        xCharacter = Rect(x: top.maxX - noteWidth, y: top.y, width: noteWidth, height: top.height)
        (top, rest) = rest.splitTop(1)
        hRow = top
        (top, rest) = rest.splitTop(showsIndices ? 1 : 0)
        hIndices = top
        if !showsIndices { rest = rest.splitTop(1).rest }
        (top, rest) = rest.splitTop(1)
        tableHeader = top
        var bottom: Rect
        (rest, bottom) = rest.splitBottom(1)
        keys = bottom
        (rest, bottom) = rest.splitBottom(1)
        status = bottom
        barRows = presenting ? (height >= 40 ? 3 : 2) : 1
        unitRows = presenting ? barRows + Self.presentedMixRows + 1 : 1
        if let time, !presenting {
            let placed = TimelineLayout.place(in: rest, tableHeader: tableHeader, hiddenSize: hiddenSize, needs: time)
            (tableBody, story, timeline) = (placed.table, placed.story, placed.timeline)
            unitsShown = max(1, placed.table.height)
            // The blank row above the story states the scales.
            scaleLegend = Rect(x: 0, y: max(0, placed.story.y - 1), width: width, height: placed.story.y > 0 ? 1 : 0)
            columnWidth = placed.columnWidth
            return
        }
        timeline = nil
        // The story keeps a few rows; the table takes what the units need of the rest, the
        // line under it states the scales, and any room left over goes back to the story.
        let storyRows = presenting ? Self.presentedStoryRows : Self.storyRows
        unitsShown = max(1, min(hiddenSize, (rest.height - storyRows - 1) / unitRows))
        (top, rest) = rest.splitTop(unitsShown * unitRows)
        tableBody = top
        (top, rest) = rest.splitTop(1)
        scaleLegend = top
        story = rest
        columnWidth = Self.columnWidth(tableWidth: width)
    }

    /// The fewest rows the story keeps (its title and text; the scale line comes on top).
    static let storyRows = 4

    /// Columns of each table column when the table is `tableWidth` wide.
    static func columnWidth(tableWidth: Int) -> Int {
        max(10, (tableWidth - unitLabelWidth) / GateColumn.allCases.count)
    }

    /// The unit shown at screen row `y` of the table, given the first unit shown.
    public func unit(atRow y: Int, offset: Int) -> Int? {
        guard tableBody.contains(x: tableBody.x, y: y) else { return nil }
        return offset + (y - tableBody.y) / unitRows
    }

    /// The columns a table column occupies.
    public func columnRect(_ column: GateColumn) -> Rect {
        Rect(x: Self.unitLabelWidth + column.rawValue * columnWidth, y: tableBody.y, width: columnWidth - 1, height: tableBody.height)
    }

    /// How many values of the x row fit on screen.
    public var visibleValues: Int { visibleValues(in: xRow) }

    /// How many values of a vector row (``xRow`` or ``hRow``) fit on screen.
    public func visibleValues(in row: Rect) -> Int {
        max(1, (row.width - Self.rowLabelWidth - 1) / Self.valueCellWidth)
    }

    /// The first value shown in a vector row (``xRow`` or ``hRow``) when `selected` must be
    /// visible: whole pages, so the row does not shift under the cursor on every move.
    public func firstVisibleValue(selected: Int, in row: Rect) -> Int {
        let page = visibleValues(in: row)
        return (max(0, selected) / page) * page
    }

    /// The column where value `index` of a row starts, given the first shown.
    public func valueX(index: Int, first: Int) -> Int {
        Self.rowLabelWidth + (index - first) * Self.valueCellWidth
    }
}
