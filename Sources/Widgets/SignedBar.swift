/// A horizontal bar for a signed value on a symmetric scale: a zero line in the middle of the
/// area, negative values growing left from it and positive values right, `value / scale = ±1`
/// reaching the ends.
///
/// Layout for width `w`: `(w − 1) / 2` cells left of the zero line, the zero line, and as many
/// cells right of it; when `w` is even the last column stays blank, so both sides always have the
/// same length and bars on a shared scale compare honestly.
///
/// Precision is an eighth of a cell on both sides. Unicode has left-aligned eighth blocks but
/// right-aligned ones only for ⅛ (▕) and ½ (▐), so the far end of a negative bar is drawn as the
/// complementary left-aligned block with foreground and background swapped (the `reverse`
/// attribute): ▎ reversed looks like a right-aligned ¾ block. The terminal and the SVG export
/// both honour `reverse`, so the two sides stay equally precise.
///
/// Values beyond the scale fill their side and end in ``Glyphs/clipLeft`` / ``Glyphs/clipRight``.
/// NaN draws ``Glyphs/notANumber`` on the zero line in the error role. A scale that is zero,
/// negative or NaN counts as zero: only an exact zero stays inside it.
public struct SignedBar: Sendable, Hashable {
    /// The value.
    public var value: Float
    /// The magnitude that fills one side.
    public var scale: Float
    /// Cells right of the zero line.
    public var positiveStyle: Style
    /// Cells left of the zero line.
    public var negativeStyle: Style
    /// The zero line.
    public var zeroLineStyle: Style
    /// The empty cells (spaces).
    public var trackStyle: Style
    /// Unicode eighth blocks or ASCII.
    public var glyphs: Glyphs

    /// A bar coloured by sign.
    public init(
        value: Float, scale: Float,
        positiveStyle: Style = Style(.positive), negativeStyle: Style = Style(.negative),
        zeroLineStyle: Style = Style(.zeroLine), trackStyle: Style = .plain, glyphs: Glyphs = .unicode
    ) {
        self.value = value
        self.scale = scale
        self.positiveStyle = positiveStyle
        self.negativeStyle = negativeStyle
        self.zeroLineStyle = zeroLineStyle
        self.trackStyle = trackStyle
        self.glyphs = glyphs
    }

    /// A bar in one style on both sides, e.g. the role of its column (kept, added, …).
    public init(value: Float, scale: Float, style: Style, zeroLineStyle: Style = Style(.zeroLine), trackStyle: Style = .plain, glyphs: Glyphs = .unicode) {
        self.init(value: value, scale: scale, positiveStyle: style, negativeStyle: style, zeroLineStyle: zeroLineStyle, trackStyle: trackStyle, glyphs: glyphs)
    }

    /// Cells on each side of the zero line for an area `width` wide.
    public static func sideLength(width: Int) -> Int { max(0, (width - 1) / 2) }

    /// Draws the bar into `area`; every row gets the same bar.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let side = Self.sideLength(width: area.width)
        let shape = Shape(value: value, scale: scale, side: side)
        // Track everywhere (an even width leaves the last column so), then the zero line and
        // the cells the value covers.
        grid.fill(area, with: Cell(scalar: " ", style: trackStyle))
        // What ``Shape/cell(_:glyphs:)`` gives, a run at a time: full blocks growing away from
        // the zero line, one partial block at their end, a marker when clipped.
        let covered = shape.covered
        let full = min(covered.count, shape.eighths / 8)
        let partial = shape.eighths % 8
        let isPositive = shape.ratio > 0
        let barStyle = isPositive ? positiveStyle : negativeStyle
        let fullBlock = Cell(scalar: glyphs.leftBlockScalar(eighths: 8), style: barStyle)
        for y in area.y..<area.maxY {
            let zero = shape.cell(side, glyphs: glyphs)
            let zeroStyle = zero.isMarker ? Style(.error, attributes: .bold) : zeroLineStyle
            grid.write(x: area.x + side, y: y, count: 1) { _ in Cell(scalar: zero.character, style: zeroStyle) }
            guard !covered.isEmpty else { continue }
            if isPositive {
                grid.write(x: area.x + side + 1, y: y, count: full) { _ in fullBlock }
                if partial > 0 && full < covered.count {
                    let block = Cell(scalar: glyphs.leftBlockScalar(eighths: partial), style: barStyle)
                    grid.write(x: area.x + side + 1 + full, y: y, count: 1) { _ in block }
                }
                if shape.clipped {
                    grid.write(x: area.x + 2 * side, y: y, count: 1) { _ in Cell(scalar: glyphs.clipRightScalar, style: barStyle) }
                }
            } else {
                grid.write(x: area.x + side - full, y: y, count: full) { _ in fullBlock }
                if partial > 0 && full < covered.count {
                    let end = Self.rightAligned(eighths: partial, glyphs: glyphs)
                    var endStyle = barStyle
                    if end.reversed { endStyle.attributes.insert(.reverse) }
                    grid.write(x: area.x + side - 1 - full, y: y, count: 1) { _ in Cell(scalar: end.character, style: endStyle) }
                }
                if shape.clipped {
                    grid.write(x: area.x, y: y, count: 1) { _ in Cell(scalar: glyphs.clipLeftScalar, style: barStyle) }
                }
            }
        }
    }

    /// What a value looks like on a bar with `side` cells each side of the zero line.
    struct Shape {
        let value: Float
        let side: Int
        let ratio: Float
        let eighths: Int
        let clipped: Bool

        init(value: Float, scale: Float, side: Int) {
            self.value = value
            self.side = side
            ratio = value.isNaN ? 0 : SignedBar.ratio(value: value, scale: scale)
            let magnitude = abs(ratio)
            eighths = BarFill.eighths(fraction: magnitude, cells: side)
            clipped = BarFill.isBeyond(magnitude)
        }

        /// The cells on either side of the zero line that the value reaches; all others are blank.
        var covered: Range<Int> {
            guard !value.isNaN, side > 0, value != 0 else { return side..<side }
            let count = min(side, (eighths + 7) / 8)
            return ratio > 0 ? (side + 1)..<(side + 1 + count) : (side - count)..<side
        }

        /// Cell `i` of the `2 · side + 1`: negative side, zero line, positive side. The definition
        /// ``SignedBar/draw(in:into:)`` follows run by run (the tests hold the two together).
        func cell(_ i: Int, glyphs: Glyphs) -> BarCell {
            if value.isNaN {
                return i == side ? BarCell(character: glyphs.notANumberScalar, isMarker: true) : BarCell(character: " ")
            }
            if i == side { return BarCell(character: glyphs.zeroLineScalar) }
            guard side > 0, value != 0 else { return BarCell(character: " ") }
            if ratio > 0 {
                guard i > side else { return BarCell(character: " ") }
                if clipped && i == 2 * side { return BarCell(character: glyphs.clipRightScalar, isMarker: true) }
                return BarCell(character: glyphs.leftBlockScalar(eighths: eighths - (i - side - 1) * 8))
            }
            guard i < side else { return BarCell(character: " ") }
            if clipped && i == 0 { return BarCell(character: glyphs.clipLeftScalar, isMarker: true) }
            return SignedBar.rightAligned(eighths: eighths - (side - 1 - i) * 8, glyphs: glyphs)
        }
    }

    /// value / scale, where a scale that is not positive makes every non-zero value overflow.
    static func ratio(value: Float, scale: Float) -> Float {
        guard scale > 0 else { return value > 0 ? .infinity : -.infinity }
        return value / scale
    }

    /// A block covering the right `eighths` eighths of a cell.
    static func rightAligned(eighths: Int, glyphs: Glyphs) -> BarCell {
        let e = min(max(eighths, 0), 8)
        guard glyphs == .unicode else { return BarCell(character: glyphs.leftBlockScalar(eighths: e)) }
        switch e {
        case 0: return BarCell(character: " ")
        case 1: return BarCell(character: "▕")
        case 4: return BarCell(character: "▐")
        case 8: return BarCell(character: "█")
        default: return BarCell(character: glyphs.leftBlockScalar(eighths: 8 - e), reversed: true)
        }
    }
}
