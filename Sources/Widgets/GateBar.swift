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
        grid.fill(area, with: Cell(scalar: " ", style: trackStyle))
        // What ``cell(_:value:width:eighths:glyphs:)`` gives, a run at a time: full blocks, one
        // partial block, and a marker at an end; the rest stays track.
        let width = area.width
        let eighths = value.isNaN ? 0 : BarFill.eighths(fraction: value, cells: width)
        let full = min(width, eighths / 8)
        let partial = eighths % 8
        for y in area.y..<area.maxY {
            if value.isNaN {
                grid.write(x: area.x, y: y, count: 1) { _ in Cell(scalar: glyphs.notANumberScalar, style: Style(.error, attributes: .bold)) }
                continue
            }
            let block = Cell(scalar: glyphs.leftBlockScalar(eighths: 8), style: style)
            grid.write(x: area.x, y: y, count: full) { _ in block }
            if partial > 0 && full < width {
                grid.write(x: area.x + full, y: y, count: 1) { _ in Cell(scalar: glyphs.leftBlockScalar(eighths: partial), style: style) }
            }
            if BarFill.isBeyond(value) {
                grid.write(x: area.x + width - 1, y: y, count: 1) { _ in Cell(scalar: glyphs.clipRightScalar, style: style) }
            } else if value < 0 {
                grid.write(x: area.x, y: y, count: 1) { _ in Cell(scalar: glyphs.clipLeftScalar, style: style) }
            }
        }
    }

    /// Cell `i` of a bar `width` cells wide, given the eighths its value covers: the definition
    /// ``draw(in:into:)`` follows run by run (the tests hold the two together).
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
