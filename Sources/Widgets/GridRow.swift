/// One row of a ``Grid`` opened for writing many cells at once (see ``Grid/withRow(_:_:)``):
/// writes are clipped to the row, and the grid's storage is checked for sharing once for the
/// whole row rather than once per cell. Wide characters are the caller's business.
struct GridRow {
    /// The row's cells.
    let cells: UnsafeMutableBufferPointer<Cell>

    /// Sets the cell at column `x`, if it lies in the row.
    func set(_ x: Int, _ cell: Cell) {
        if x >= 0 && x < cells.count { cells[x] = cell }
    }

    /// Sets the columns of `range` that lie in the row to `cell`.
    func fill(_ range: Range<Int>, with cell: Cell) {
        let start = max(0, range.lowerBound), end = min(cells.count, range.upperBound)
        guard start < end else { return }
        UnsafeMutableBufferPointer(rebasing: cells[start..<end]).update(repeating: cell)
    }

    /// Before writing columns `first..<end`: a wide character that loses one of its halves
    /// loses both, as ``Grid/put(_:x:y:style:maxWidth:)-(String,_,_,_,_)`` promises. Only the
    /// ends of a run can cut one in half.
    func clearWideCharacters(cutBy first: Int, _ end: Int) {
        guard first < end, first >= 0, end <= cells.count else { return }
        if first > 0 && cells[first].isContinuation { cells[first - 1] = .blank }
        if end < cells.count && cells[end].isContinuation { cells[end] = .blank }
    }
}

extension Grid {
    /// Calls `body` with row `y` opened for writing; nothing happens for a row outside the grid.
    @inline(__always)
    mutating func withRow(_ y: Int, _ body: (GridRow) -> Void) {
        guard y >= 0, y < height else { return }
        let start = y * width, end = start + width
        withMutableCells { all in body(GridRow(cells: UnsafeMutableBufferPointer(rebasing: all[start..<end]))) }
    }
}
