import Localization

/// A framed message centred in an area, e.g. “gruscope needs at least 80×24”. The box is as
/// narrow as the text allows (wrapped to at most ``maxWidth``); when the area is too small for a
/// frame the text is drawn wrapped without one, and whatever does not fit is cut with an ellipsis
/// (and can be scrolled to: ``scroll``).
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
    /// Whether keys scroll the box: then a text taller than the area says in the frame's bottom
    /// edge which lines are shown, from ``scroll`` (see ``scrolling(in:)``).
    public var isScrollable = false
    /// The first line shown when the text is taller than the area.
    public var scroll = 0

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
    ///
    /// A text taller than the area shows ``scroll`` lines down (kept within the text), and, when
    /// ``isScrollable``, the frame's bottom edge says which lines are shown (`12-31/40`).
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Rect {
        guard !area.isEmpty else { return area }
        let fitted = fit(in: area)
        let shown = min(fitted.lines.count, fitted.rows)
        let first = min(max(0, scroll), fitted.lines.count - shown)
        let boxWidth = fitted.innerWidth + fitted.chrome
        let boxHeight = shown + (fitted.framed ? 2 : 0)
        let box = Rect(x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2, width: boxWidth, height: boxHeight)
        grid.fill(box, with: Cell(" ", style: background))
        let inner: Rect
        if fitted.framed {
            Frame(title: title, style: frameStyle, titleStyle: Style(.header, attributes: .bold), glyphs: glyphs).draw(in: box, into: &grid)
            inner = Rect(x: box.x + 2, y: box.y + 1, width: fitted.innerWidth, height: shown)
            if isScrollable && shown < fitted.lines.count {
                let position = " \(first + 1)-\(first + shown)/\(fitted.lines.count) "
                let width = DisplayWidth.of(position)
                if width <= boxWidth - 4 {
                    grid.put(position, x: box.maxX - 2 - width, y: box.maxY - 1, style: Style(.header, attributes: .bold))
                }
            }
        } else {
            inner = box
        }
        TextPanel(spans, scroll: first, background: background, glyphs: glyphs).draw(wrapped: fitted.lines, in: inner, into: &grid)
        return box
    }

    /// How far the text can scroll in `area` (the lines that do not fit), and a page: the lines
    /// shown less one, so that a page down keeps the last line in view.
    public func scrolling(in area: Rect) -> (limit: Int, page: Int) {
        guard !area.isEmpty else { return (0, 1) }
        let fitted = fit(in: area)
        return (max(0, fitted.lines.count - fitted.rows), max(1, fitted.rows - 1))
    }

    /// The text wrapped for the area, the box's inner width, the rows it has for text, and
    /// whether it is framed (with `chrome` columns of frame and padding).
    private func fit(in area: Rect) -> (lines: [[TextSpan]], innerWidth: Int, rows: Int, framed: Bool, chrome: Int) {
        let framed = area.width >= 5 && area.height >= 3
        let chrome = framed ? 4 : 0  // frame and one column of padding on each side
        let widest = max(1, min(area.width, maxWidth) - chrome)
        let lines = TextLayout.wrap(spans, width: widest)
        let rows = max(1, area.height - (framed ? 2 : 0))
        // Wide enough for the title, and for the position when it shows.
        let position = framed && isScrollable && lines.count > rows ? DisplayWidth.of(" \(lines.count)-\(lines.count)/\(lines.count) ") : 0
        let textWidth = max(lines.map(\.displayWidth).max() ?? 0, framed ? DisplayWidth.of(title) : 0, position)
        return (lines, min(widest, max(1, textWidth)), rows, framed, chrome)
    }
}
