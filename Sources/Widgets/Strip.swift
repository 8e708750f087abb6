import Localization

/// One row of values over time, one value per column: a unit's row of the timeline, or the
/// retention and influence of the selected unit.
///
/// Every value is drawn by shape (``StripScale``: a block of its level's height, or an ASCII
/// character of its density) and, where the theme has colours, also by colour: on a signed scale
/// the sign's role (``Role/positive``, ``Role/negative``), otherwise the strip's role; values
/// near zero take ``Role/zeroLine``, values far from it are bold. The cursor's column has the
/// ``Role/selection`` background (reverse video without colour), so it shows as a band down the
/// strips. Columns past the values are left blank; NaN draws ``Glyphs/notANumber`` in the error
/// role.
public struct Strip: Sendable {
    /// One value per column, from the area's left edge.
    public var values: ArraySlice<Float>
    /// How values map to levels.
    public var scale: StripScale
    /// The colour of a strip on a unit or magnitude scale (a signed one colours by sign).
    public var role: Role
    /// The column marked as the cursor's, counted from the area's left edge.
    public var cursorColumn: Int?
    /// Blocks or ASCII.
    public var glyphs: Glyphs

    /// A strip from its parts.
    public init(values: ArraySlice<Float>, scale: StripScale, role: Role = .text, cursorColumn: Int? = nil, glyphs: Glyphs = .unicode) {
        self.values = values
        self.scale = scale
        self.role = role
        self.cursorColumn = cursorColumn
        self.glyphs = glyphs
    }

    /// Values nearer zero than this share of the scale are drawn in the zero line's colour.
    static let faint: Float = 0.125
    /// Values at least this far along the scale are bold.
    static let strong: Float = 0.75

    /// Draws the strip into the first row of `area`, clipped to the grid.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let start = values.startIndex, count = values.count
        grid.write(x: area.x, y: area.y, count: area.width) { column in
            let isCursor = column == cursorColumn
            guard column < count else {
                return Cell(scalar: " ", style: Style(.text, background: isCursor ? .selection : nil))
            }
            return cell(for: values[start + column], isCursor: isCursor)
        }
    }

    /// The cell a value is drawn as.
    func cell(for value: Float, isCursor: Bool) -> Cell {
        let background: Role? = isCursor ? .selection : nil
        guard let level = scale.level(of: value) else {
            return Cell(scalar: glyphs.notANumberScalar, style: Style(.error, background: background, attributes: .bold))
        }
        let strength = scale.strength(of: value)
        let foreground: Role
        if strength < Self.faint {
            foreground = .zeroLine
        } else if case .signed = scale {
            foreground = value < 0 ? .negative : .positive
        } else {
            foreground = role
        }
        return Cell(
            scalar: glyphs.levelScalar(level),
            style: Style(foreground, background: background, attributes: strength >= Self.strong ? .bold : []))
    }
}

/// The line above a timeline: step numbers at the columns where those steps are, the cursor's
/// column marked (▼, or `v` in ASCII), and a caption at the right end saying what the strips
/// show and how they are folded.
public struct StripRuler: Sendable {
    /// Step numbers and the column each starts at (left-aligned there), in order.
    public var labels: [(column: Int, text: String)]
    /// The cursor's column, if it is in view.
    public var cursorColumn: Int?
    /// Said at the right end; labels that would run into it are left out.
    public var caption: String
    /// Blocks or ASCII.
    public var glyphs: Glyphs

    /// A ruler from its parts.
    public init(labels: [(column: Int, text: String)], cursorColumn: Int?, caption: String, glyphs: Glyphs = .unicode) {
        self.labels = labels
        self.cursorColumn = cursorColumn
        self.caption = caption
        self.glyphs = glyphs
    }

    /// Draws into the first row of `area`.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let captionWidth = min(area.width, DisplayWidth.of(caption))
        let captionX = area.maxX - captionWidth
        grid.put(caption, x: captionX, y: area.y, style: Style(.dim), maxWidth: captionWidth)
        var free = area.x
        for label in labels {
            let x = area.x + label.column
            let width = DisplayWidth.of(label.text)
            // One space between labels, and before the caption.
            guard x >= free, x + width < captionX else { continue }
            grid.put(label.text, x: x, y: area.y, style: Style(.dim))
            free = x + width + 1
        }
        if let cursor = cursorColumn, cursor >= 0, cursor < area.width {
            grid.put(Character(glyphs.cursorMarkScalar), x: area.x + cursor, y: area.y, style: Style(.focus, attributes: .bold))
        }
    }
}
