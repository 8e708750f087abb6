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
        let eighths = value.isNaN ? 0 : BarFill.eighths(fraction: value, cells: area.width)
        for i in 0..<area.width {
            let cell = Self.cell(i, value: value, width: area.width, eighths: eighths, glyphs: glyphs)
            var cellStyle = cell.character == " " ? trackStyle : style
            if cell.isMarker && value.isNaN { cellStyle = Style(.error, attributes: .bold) }
            if cell.reversed { cellStyle.attributes.insert(.reverse) }
            for y in area.y..<area.maxY { grid[area.x + i, y] = Cell(scalar: cell.character, style: cellStyle) }
        }
    }

    /// Cell `i` of a bar `width` cells wide, given the eighths its value covers.
    static func cell(_ i: Int, value: Float, width: Int, eighths: Int, glyphs: Glyphs) -> BarCell {
        if value.isNaN {
            return i == 0 ? BarCell(character: glyphs.notANumberScalar, isMarker: true) : BarCell(character: " ")
        }
        if i == width - 1 && BarFill.isBeyond(value) {
            return BarCell(character: glyphs.clipRightScalar, isMarker: true)
        }
        if i == 0 && value < 0 {
            return BarCell(character: glyphs.clipLeftScalar, isMarker: true)
        }
        return BarCell(character: glyphs.leftBlockScalar(eighths: eighths - i * 8))
    }
}
