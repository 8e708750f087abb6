import Widgets

/// Where the time panels go: the timeline (a ruler, then one strip per unit shown, the same
/// units as the table's rows, so the two scroll together), a row of the input characters for a
/// model with a vocabulary, and the selected unit's retention and influence rows, in the same
/// columns as the strips (a step is in the same column everywhere).
///
/// On a wide screen (``besideWidth`` columns or more) the timeline stands to the right of the
/// table, its strips on the table's rows; otherwise it goes below the table and the two share
/// the rows the units get.
public struct TimelineLayout: Sendable, Equatable {
    /// What the time panels need besides the timeline.
    public struct Needs: Sendable, Equatable {
        /// A row of the input characters (a model with a vocabulary).
        public var characters: Bool

        public init(characters: Bool = false) {
            self.characters = characters
        }
    }

    /// Columns before the first step's column (unit numbers, row names).
    public static let labelWidth = 6
    /// The narrowest screen that puts the timeline beside the table.
    public static let besideWidth = 160
    /// Columns of a table column when the timeline stands beside the table.
    static let besideColumnWidth = 14
    /// The retention and influence rows.
    static let memoryRows = 2

    /// The step numbers and the cursor's mark, with a caption; label area included.
    public let ruler: Rect
    /// The input characters, when asked for.
    public let characters: Rect?
    /// One row per unit shown (the table's rows), label area included.
    public let strips: Rect
    /// The retention row, then the influence row, label area included.
    public let memory: Rect
    /// Whether the timeline stands beside the table.
    public let isBeside: Bool

    /// The column where the first step's column starts.
    public var valueX: Int { strips.x + Self.labelWidth }
    /// How many step columns fit (one less than the room, for a blank at the right edge).
    public var columns: Int { max(1, strips.width - Self.labelWidth - 1) }
    /// The retention row.
    public var retentionRow: Rect { Rect(x: memory.x, y: memory.y, width: memory.width, height: 1) }
    /// The influence row.
    public var influenceRow: Rect { Rect(x: memory.x, y: memory.y + 1, width: memory.width, height: 1) }

    /// Which step column a screen column is, if any.
    public func column(atX x: Int) -> Int? {
        let column = x - valueX
        return (0..<columns).contains(column) ? column : nil
    }

    /// Whether a cell lies in the timeline's rows (ruler, characters, strips or memory).
    public func contains(x: Int, y: Int) -> Bool {
        ruler.contains(x: x, y: y) || strips.contains(x: x, y: y) || memory.contains(x: x, y: y)
            || (characters?.contains(x: x, y: y) ?? false)
    }

    /// Divides `rest` (the rows between the table's titles and the status line) between the
    /// table, the time panels and the story.
    static func place(
        in rest: Rect, tableHeader: Rect, hiddenSize: Int, needs: Needs
    ) -> (table: Rect, story: Rect, timeline: TimelineLayout, columnWidth: Int) {
        let extra = (needs.characters ? 1 : 0) + memoryRows
        let width = rest.width
        if width >= besideWidth {
            let tableWidth = ScreenLayout.unitLabelWidth + GateColumn.allCases.count * besideColumnWidth
            let rows = max(1, min(hiddenSize, rest.height - ScreenLayout.storyRows - extra))
            var (top, below) = rest.splitTop(rows)
            let table = Rect(x: 0, y: top.y, width: tableWidth, height: top.height)
            let right = Rect(x: tableWidth + 1, y: 0, width: width - tableWidth - 1, height: 0)
            let strips = Rect(x: right.x, y: top.y, width: right.width, height: top.height)
            var characters: Rect?
            if needs.characters {
                (top, below) = below.splitTop(1)
                characters = Rect(x: right.x, y: top.y, width: right.width, height: 1)
            }
            (top, below) = below.splitTop(memoryRows)
            let memory = Rect(x: right.x, y: top.y, width: right.width, height: top.height)
            let ruler = Rect(x: right.x, y: tableHeader.y, width: right.width, height: 1)
            let layout = TimelineLayout(ruler: ruler, characters: characters, strips: strips, memory: memory, isBeside: true)
            return (table, below.splitTop(1).rest, layout, besideColumnWidth)
        }
        // Below the table: the units' rows are shared by the table and the strips.
        let fixed = 1 + extra + ScreenLayout.storyRows
        let rows = max(1, min(hiddenSize, (rest.height - fixed) / 2))
        var (table, below) = rest.splitTop(rows)
        var ruler: Rect
        (ruler, below) = below.splitTop(1)
        var characters: Rect?
        if needs.characters {
            var row: Rect
            (row, below) = below.splitTop(1)
            characters = row
        }
        var strips: Rect, memory: Rect
        (strips, below) = below.splitTop(rows)
        (memory, below) = below.splitTop(memoryRows)
        table.width = width
        let layout = TimelineLayout(ruler: ruler, characters: characters, strips: strips, memory: memory, isBeside: false)
        return (table, below.splitTop(1).rest, layout, ScreenLayout.columnWidth(tableWidth: width))
    }
}
