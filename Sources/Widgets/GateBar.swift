/// A horizontal bar for a value on [0, 1] (a gate), filling its area from the left with
/// eighth-cell precision (see ``Glyphs`` for the ASCII steps).
///
/// Values above 1 fill the bar and end in a ``Glyphs/clipRight`` marker; values below 0 draw an
/// empty bar starting with ``Glyphs/clipLeft``; NaN draws ``Glyphs/notANumber`` in the error
/// role. Every row of the area gets the same bar, so a taller area draws a thicker bar.
public struct GateBar: Sendable, Hashable {
    /// The value, normally on [0, 1].
    public var value: Float
    /// The filled part.
    public var style: Style
    /// The empty part (drawn as spaces, so only a background shows).
    public var trackStyle: Style
    /// Unicode eighth blocks or ASCII.
    public var glyphs: Glyphs

    /// A bar from its parts.
    public init(value: Float, style: Style = Style(.text), trackStyle: Style = .plain, glyphs: Glyphs = .unicode) {
        self.value = value
        self.style = style
        self.trackStyle = trackStyle
        self.glyphs = glyphs
    }

    /// Draws the bar into `area` of `grid`, clipped to the grid.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let cells = Self.cells(value: value, width: area.width, glyphs: glyphs)
        for y in area.y..<area.maxY {
            for (i, cell) in cells.enumerated() {
                var cellStyle = cell.character == " " ? trackStyle : style
                if cell.isMarker && value.isNaN { cellStyle = Style(.error, attributes: .bold) }
                if cell.reversed { cellStyle.attributes.insert(.reverse) }
                grid[area.x + i, y] = Cell(cell.character, style: cellStyle)
            }
        }
    }

    /// The characters of a bar `width` cells wide.
    static func cells(value: Float, width: Int, glyphs: Glyphs) -> [BarCell] {
        guard width > 0 else { return [] }
        var cells = Array(repeating: BarCell(character: " "), count: width)
        if value.isNaN {
            cells[0] = BarCell(character: glyphs.notANumber, isMarker: true)
            return cells
        }
        let eighths = BarFill.eighths(fraction: value, cells: width)
        for i in 0..<width {
            cells[i].character = glyphs.leftBlock(eighths: eighths - i * 8)
        }
        if BarFill.isBeyond(value) {
            cells[width - 1] = BarCell(character: glyphs.clipRight, isMarker: true)
        } else if value < 0 {
            cells[0] = BarCell(character: glyphs.clipLeft, isMarker: true)
        }
        return cells
    }
}
