import Localization

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

    /// Calls `body` with the cells' storage, made unique once for all the writes it does.
    @inline(__always)
    mutating func withMutableCells(_ body: (UnsafeMutableBufferPointer<Cell>) -> Void) {
        cells.withUnsafeMutableBufferPointer { body($0) }
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
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x &+ min(maxWidth, width))
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            putASCII(bytes, x: x, y: y, style: style, limit: limit)
        }
        if let written = ascii ?? nil { return written }
        return putCharacters(text, x: x, y: y, style: style, limit: limit)
    }

    /// Writes text from (x, y) in one style, as ``put(_:x:y:style:maxWidth:)-(String,_,_,_,_)``.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        put(String(text), x: x, y: y, style: style, maxWidth: maxWidth)
    }

    /// `put` character by character, for text that is not all ASCII.
    private mutating func putCharacters(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        if StandaloneScalars.covers(text) {
            return putCells(text.unicodeScalars.lazy.map { Cell(scalar: $0, style: style) }, x: x, y: y, style: style, limit: limit)
        }
        return putCells(text.lazy.map { Cell($0, style: style) }, x: x, y: y, style: style, limit: limit)
    }

    /// `put` for the cells of a text's characters, in order.
    private mutating func putCells(_ characters: some Sequence<Cell>, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        for cell in characters {
            let w = DisplayWidth.of(cell.firstScalar)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, w == 2 { self[column, y] = Cell(scalar: " ", style: style); column += 1 }
                break
            }
            if column >= 0 {
                self[column, y] = cell
                if w == 2 { self[column + 1, y] = Cell(scalar: " ", style: style, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// `put` for text that is all ASCII (numbers, labels, most messages), byte by byte: every
    /// byte is a character one column wide, or a control character that takes none. Returns nil,
    /// having written nothing, when the text holds anything else.
    private mutating func putASCII(_ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var printable = 0
        for byte in bytes where !Self.isControl(byte) { printable += 1 }
        let written = min(printable, max(0, limit - x))
        let first = max(0, x), end = x + written
        guard first < end else { return written }
        withRow(y) { row in
            row.clearWideCharacters(cutBy: first, end)
            var column = x
            for byte in bytes where !Self.isControl(byte) {
                guard column < end else { break }
                row.set(column, Cell(scalar: Unicode.Scalar(byte), style: style))
                column += 1
            }
        }
        return written
    }

    /// Control characters take no column.
    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    /// Writes a number as ``NumberFormat/fit(_:width:decimals:)`` spells it, exactly as
    /// `put(NumberFormat.fit(value, width: width, decimals: decimals), x: x, y: y, style: style, maxWidth: width)`
    /// would, without making a string for it. Returns the number of columns written.
    @discardableResult
    public mutating func put(number value: Float, width numberWidth: Int, decimals: Int = 3, x: Int, y: Int, style: Style = .plain) -> Int {
        // A fixed capacity keeps the digits on the stack without asking how deep it is.
        let capacity = 32
        guard y >= 0, y < height, numberWidth > 0, numberWidth <= capacity,
              let fixed = NumberFormat.FixedFit(Double(value), width: numberWidth, decimals: min(max(decimals, 0), 9))
        else {
            return put(NumberFormat.fit(value, width: numberWidth, decimals: decimals), x: x, y: y, style: style, maxWidth: numberWidth)
        }
        // The digits are all printable ASCII, exactly `numberWidth` of them.
        let written = min(numberWidth, max(0, min(width, x &+ min(numberWidth, width)) - x))
        let first = max(0, x), end = x + written
        guard first < end else { return written }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { bytes in
            fixed.write(into: bytes)
            withRow(y) { row in
                row.clearWideCharacters(cutBy: first, end)
                for column in first..<end { row.set(column, Cell(scalar: Unicode.Scalar(bytes[column - x]), style: style)) }
            }
        }
        return written
    }

    /// Sets `count` cells from (x, y) rightwards to `cell(i)` for the i-th, clipped to the grid,
    /// with one bounds and uniqueness check for the run instead of one per cell; a wide
    /// character cut at either end of the run is cleared whole.
    @inline(__always)
    mutating func write(x: Int, y: Int, count: Int, _ cell: (Int) -> Cell) {
        let start = max(0, x), end = min(width, x &+ max(0, count))
        guard start < end else { return }
        withRow(y) { row in
            row.clearWideCharacters(cutBy: start, end)
            for column in start..<end { row.set(column, cell(column - x)) }
        }
    }

    /// Writes a single character with a style.
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain) {
        let cell = Cell(character, style: style)
        let w = DisplayWidth.of(cell.firstScalar)
        guard w > 0, y >= 0, y < height, x >= 0, x + w <= width else {
            // Off the grid, half off it, or nothing to draw: the general path clips the same way.
            put(String(character), x: x, y: y, style: style, maxWidth: w)
            return
        }
        self[x, y] = cell
        if w == 2 { self[x + 1, y] = Cell(scalar: " ", style: style, isContinuation: true) }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let (columns, rows) = clipped(rect)
        guard !columns.isEmpty else { return }
        for y in rows {
            withRow(y) { row in
                row.clearWideCharacters(cutBy: columns.lowerBound, columns.upperBound)
                row.fill(columns, with: cell)
            }
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

    /// The stretches of columns `0..<columns` of row `y` whose cells differ from the same row
    /// of `previous`, left to right, for copying out only what changed. A grid of another size
    /// differs everywhere.
    public func changedColumns(inRow y: Int, columns: Int, comparedWith previous: Grid) -> [Range<Int>] {
        let end = min(max(0, columns), width)
        guard y >= 0, y < height else { return [] }
        guard previous.width == width, previous.height == height else { return end > 0 ? [0..<end] : [] }
        let rowStart = y * width
        // A cell is 8 bytes with no padding, so equal bits mean equal cells: one load and compare
        // settles nearly every cell of a screen that barely changed. Cells whose bits differ
        // are compared as values (they always differ then, but that is the definition).
        guard MemoryLayout<Cell>.stride == 8 && MemoryLayout<Cell>.size == 8 else {
            return Self.runs(below: end) { cells[rowStart + $0] != previous.cells[rowStart + $0] }
        }
        return cells.withUnsafeBytes { new in
            previous.cells.withUnsafeBytes { old in
                let newRow = new.baseAddress.unsafelyUnwrapped + rowStart &* 8
                let oldRow = old.baseAddress.unsafelyUnwrapped + rowStart &* 8
                func sameBits(_ x: Int) -> Bool {
                    newRow.loadUnaligned(fromByteOffset: x &* 8, as: UInt64.self) == oldRow.loadUnaligned(fromByteOffset: x &* 8, as: UInt64.self)
                }
                var runs: [Range<Int>] = []
                var x = 0
                while x < end {
                    while x < end && sameBits(x) { x &+= 1 }
                    if x < end && runs.isEmpty { runs.reserveCapacity(16) }
                    guard x < end else { break }
                    let start = x
                    while x < end && !sameBits(x) && cells[rowStart &+ x] != previous.cells[rowStart &+ x] { x &+= 1 }
                    if x > start { runs.append(start..<x) } else { x &+= 1 }
                }
                return runs
            }
        }
    }

    /// The runs of consecutive columns in `0..<end` where `differs` holds.
    @inline(__always)
    private static func runs(below end: Int, where differs: (Int) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var x = 0
        while x < end {
            guard differs(x) else { x &+= 1; continue }
            let start = x
            x &+= 1
            while x < end && differs(x) { x &+= 1 }
            runs.append(start..<x)
        }
        return runs
    }

    /// One row as text, wide characters once, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation {
            let cell = self[x, y]
            if let scalar = cell.singleScalar { text.unicodeScalars.append(scalar) } else { text.append(cell.character) }
        }
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
