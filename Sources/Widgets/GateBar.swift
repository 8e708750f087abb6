import Localization

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
        // What ``cell(_:value:width:eighths:glyphs:)`` gives, a run at a time: track, full
        // blocks, one partial block, and a marker at an end.
        let width = area.width
        let eighths = value.isNaN ? 0 : BarFill.eighths(fraction: value, cells: width)
        let full = min(width, eighths / 8)
        let partial = eighths % 8
        let track = Cell(scalar: " ", style: trackStyle)
        let block = Cell(scalar: glyphs.leftBlockScalar(eighths: 8), style: style)
        for y in area.y..<area.maxY {
            grid.withRow(y) { row in
                row.fill(area.x..<area.maxX, with: track)
                if value.isNaN {
                    row.set(area.x, Cell(scalar: glyphs.notANumberScalar, style: Style(.error, attributes: .bold)))
                    return
                }
                row.fill(area.x..<(area.x + full), with: block)
                if partial > 0 && full < width {
                    row.set(area.x + full, Cell(scalar: glyphs.leftBlockScalar(eighths: partial), style: style))
                }
                if BarFill.isBeyond(value) {
                    row.set(area.maxX - 1, Cell(scalar: glyphs.clipRightScalar, style: style))
                } else if value < 0 {
                    row.set(area.x, Cell(scalar: glyphs.clipLeftScalar, style: style))
                }
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
