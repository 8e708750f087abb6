import Localization

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
        // What ``Shape/cell(_:glyphs:)`` gives, a run at a time: track everywhere (an even width
        // leaves the last column so), the zero line, full blocks growing away from it, one
        // partial block at their end, a marker when clipped.
        let covered = shape.covered
        let full = min(covered.count, shape.eighths / 8)
        let partial = shape.eighths % 8
        let isPositive = shape.ratio > 0
        let barStyle = isPositive ? positiveStyle : negativeStyle
        let track = Cell(scalar: " ", style: trackStyle)
        let fullBlock = Cell(scalar: glyphs.leftBlockScalar(eighths: 8), style: barStyle)
        let zero = shape.cell(side, glyphs: glyphs)
        let zeroCell = Cell(scalar: zero.character, style: zero.isMarker ? Style(.error, attributes: .bold) : zeroLineStyle)
        let center = area.x + side
        for y in area.y..<area.maxY {
            grid.withRow(y) { row in
                row.fill(area.x..<area.maxX, with: track)
                row.set(center, zeroCell)
                guard !covered.isEmpty else { return }
                if isPositive {
                    row.fill((center + 1)..<(center + 1 + full), with: fullBlock)
                    if partial > 0 && full < covered.count {
                        row.set(center + 1 + full, Cell(scalar: glyphs.leftBlockScalar(eighths: partial), style: barStyle))
                    }
                    if shape.clipped { row.set(center + side, Cell(scalar: glyphs.clipRightScalar, style: barStyle)) }
                } else {
                    row.fill((center - full)..<center, with: fullBlock)
                    if partial > 0 && full < covered.count {
                        let end = Self.rightAligned(eighths: partial, glyphs: glyphs)
                        var endStyle = barStyle
                        if end.reversed { endStyle.attributes.insert(.reverse) }
                        row.set(center - 1 - full, Cell(scalar: end.character, style: endStyle))
                    }
                    if shape.clipped { row.set(area.x, Cell(scalar: glyphs.clipLeftScalar, style: barStyle)) }
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
