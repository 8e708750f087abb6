/// An in-memory screen: rows of styled cells that pure drawing functions write into and the
/// terminal module copies out. Comparable and printable, so every screen is testable as text.
public struct Grid: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]

    /// A blank grid; negative sizes become zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a column and row; reading outside gives a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            let index = y * width + x
            // Overwriting half of a wide character must not leave the other half behind: an
            // orphaned continuation draws nothing, so the terminal would keep stale text there.
            if cells[index].isContinuation {
                if !newValue.isContinuation, x > 0 { cells[index - 1] = .blank }
            } else if x + 1 < width, cells[index + 1].isContinuation {
                cells[index + 1] = .blank
            }
            cells[index] = newValue
        }
    }

    /// Writes text from (x, y) in one style, clipped to `maxWidth` columns (and the grid).
    /// A wide character that would not fit whole is replaced by a space, never split.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x &+ min(maxWidth, width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, w == 2 { self[column, y] = Cell(" ", style: style); column += 1 }
                break
            }
            if column >= 0 {
                self[column, y] = Cell(character, style: style)
                if w == 2 { self[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes a single character with a style.
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain) {
        put(String(character), x: x, y: y, style: style, maxWidth: DisplayWidth.of(character))
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let (columns, rows) = clipped(rect)
        for y in rows {
            for x in columns { self[x, y] = cell }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let (columns, rows) = clipped(rect)
        for y in rows {
            for x in columns { change(&cells[y * width + x].style) }
        }
    }

    /// The columns and rows of `rect` inside the grid (empty ranges when it lies outside).
    private func clipped(_ rect: Rect) -> (columns: Range<Int>, rows: Range<Int>) {
        let left = min(max(0, rect.x), width)
        let top = min(max(0, rect.y), height)
        return (left..<max(left, min(width, rect.maxX)), top..<max(top, min(height, rect.maxY)))
    }

    /// One row as text, wide characters once, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].character) }
        return text
    }

    /// Every row as text, with trailing spaces removed: the text half of a snapshot.
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
