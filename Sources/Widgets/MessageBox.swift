import Localization

/// A framed message centred in an area, e.g. “gruscope needs at least 80×24”. The box is as
/// narrow as the text allows (wrapped to at most ``maxWidth``); when the area is too small for a
/// frame the text is drawn wrapped without one, and whatever does not fit is cut with an ellipsis.
public struct MessageBox: Sendable, Hashable {
    /// Shown in the frame's top edge.
    public var title: String
    /// The message.
    public var spans: [TextSpan]
    /// The widest the box may grow, frame included.
    public var maxWidth: Int
    /// The frame's style; the inside is cleared to ``background``.
    public var frameStyle: Style
    /// The fill inside the box.
    public var background: Style
    /// Frame characters and ellipsis.
    public var glyphs: Glyphs

    /// A box of styled text.
    public init(title: String = "", spans: [TextSpan], maxWidth: Int = 60, frameStyle: Style = Style(.header), background: Style = .plain, glyphs: Glyphs = .unicode) {
        self.title = title
        self.spans = spans
        self.maxWidth = maxWidth
        self.frameStyle = frameStyle
        self.background = background
        self.glyphs = glyphs
    }

    /// A box of text in one style.
    public init(title: String = "", message: String, style: Style = .plain, maxWidth: Int = 60, glyphs: Glyphs = .unicode) {
        self.init(title: title, spans: [TextSpan(message, style: style)], maxWidth: maxWidth, glyphs: glyphs)
    }

    /// Draws the box centred in `area`, leaving the rest of the area as it was. Returns the box.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Rect {
        guard !area.isEmpty else { return area }
        let framed = area.width >= 5 && area.height >= 3
        let chrome = framed ? 4 : 0  // frame and one column of padding on each side
        let widest = max(1, min(area.width, maxWidth) - chrome)
        var lines = TextLayout.wrap(spans, width: widest)
        let textWidth = max(lines.map(\.displayWidth).max() ?? 0, framed ? DisplayWidth.of(title) : 0)
        let innerWidth = min(widest, max(1, textWidth))
        let maxLines = max(1, area.height - (framed ? 2 : 0))
        lines = Array(lines.prefix(maxLines))
        let boxWidth = innerWidth + chrome
        let boxHeight = lines.count + (framed ? 2 : 0)
        let box = Rect(x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2, width: boxWidth, height: boxHeight)
        grid.fill(box, with: Cell(" ", style: background))
        let inner: Rect
        if framed {
            Frame(title: title, style: frameStyle, titleStyle: Style(.header, attributes: .bold), glyphs: glyphs).draw(in: box, into: &grid)
            inner = Rect(x: box.x + 2, y: box.y + 1, width: innerWidth, height: lines.count)
        } else {
            inner = box
        }
        TextPanel(spans, background: background, glyphs: glyphs).draw(in: inner, into: &grid)
        return box
    }
}
