import Localization

/// A rectangular border with an optional title in the top edge; returns the inside.
public struct Frame: Sendable, Hashable {
    /// Shown in the top edge, cut with an ellipsis if long.
    public var title: String
    /// The border's style.
    public var style: Style
    /// The title's style.
    public var titleStyle: Style
    /// Box-drawing characters or ASCII.
    public var glyphs: Glyphs

    /// A frame from its parts.
    public init(title: String = "", style: Style = Style(.dim), titleStyle: Style = Style(.header, attributes: .bold), glyphs: Glyphs = .unicode) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside a frame drawn around `area`.
    public static func inside(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border along the edges of `area` (nothing when it is smaller than 2×2) and
    /// returns the inside, which it leaves untouched.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let box = glyphs.box
        let right = area.maxX - 1
        let bottom = area.maxY - 1
        for x in (area.x + 1)..<right {
            grid[x, area.y] = Cell(box.horizontal, style: style)
            grid[x, bottom] = Cell(box.horizontal, style: style)
        }
        for y in (area.y + 1)..<bottom {
            grid[area.x, y] = Cell(box.vertical, style: style)
            grid[right, y] = Cell(box.vertical, style: style)
        }
        grid[area.x, area.y] = Cell(box.topLeft, style: style)
        grid[right, area.y] = Cell(box.topRight, style: style)
        grid[area.x, bottom] = Cell(box.bottomLeft, style: style)
        grid[right, bottom] = Cell(box.bottomRight, style: style)
        if !title.isEmpty, area.width >= 5 {
            let shown = TextLayout.truncate(title.replacingNewlines(), width: area.width - 4, ellipsis: glyphs.ellipsis)
            grid.put(" " + shown + " ", x: area.x + 1, y: area.y, style: titleStyle, maxWidth: area.width - 2)
        }
        return Self.inside(area)
    }
}
