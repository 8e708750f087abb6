import Localization

/// Styled text wrapped to its area (see ``TextLayout/wrap(_:width:)``), optionally scrolled.
/// When more lines follow than fit, the last row ends in an ellipsis so the cut is visible.
public struct TextPanel: Sendable, Hashable {
    /// The text.
    public var spans: [TextSpan]
    /// The first wrapped line shown.
    public var scroll: Int
    /// The fill for the area around the text.
    public var background: Style
    /// “…” or “...”.
    public var glyphs: Glyphs

    /// A panel of styled spans.
    public init(_ spans: [TextSpan], scroll: Int = 0, background: Style = .plain, glyphs: Glyphs = .unicode) {
        self.spans = spans
        self.scroll = scroll
        self.background = background
        self.glyphs = glyphs
    }

    /// A panel of text in one style.
    public init(_ text: String, style: Style = .plain, scroll: Int = 0, glyphs: Glyphs = .unicode) {
        self.init([TextSpan(text, style: style)], scroll: scroll, background: .plain, glyphs: glyphs)
    }

    /// How many lines the text wraps to at `width`, for clamping ``scroll``.
    public static func lineCount(_ spans: [TextSpan], width: Int) -> Int {
        TextLayout.wrap(spans, width: width).count
    }

    /// Clears `area` and draws the text into it. Returns the number of wrapped lines.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Int {
        guard !area.isEmpty else { return 0 }
        return draw(wrapped: TextLayout.wrap(spans, width: area.width), in: area, into: &grid)
    }

    /// Clears `area` and draws ``spans`` already wrapped to the area's width by
    /// ``TextLayout/wrap(_:width:)``, for a caller that wrapped them to size the area.
    /// Returns the number of wrapped lines.
    @discardableResult
    public func draw(wrapped lines: [[TextSpan]], in area: Rect, into grid: inout Grid) -> Int {
        guard !area.isEmpty else { return 0 }
        grid.fill(area, with: Cell(" ", style: background))
        let first = min(max(0, scroll), lines.count)
        let shown = lines[first...].prefix(area.height)
        let cutShort = lines.count - first > area.height
        for (row, line) in shown.enumerated() {
            let y = area.y + row
            let isLast = row == area.height - 1
            if isLast && cutShort {
                drawWithEllipsis(line, x: area.x, y: y, width: area.width, into: &grid)
            } else {
                var x = area.x
                for span in line { x += grid.put(span.text, x: x, y: y, style: span.style, maxWidth: area.maxX - x) }
            }
        }
        return lines.count
    }

    private func drawWithEllipsis(_ line: [TextSpan], x startX: Int, y: Int, width: Int, into grid: inout Grid) {
        let mark = TextLayout.truncate(glyphs.ellipsis, width: width, ellipsis: "")
        let room = width - DisplayWidth.of(mark)
        var x = startX
        var lastStyle = line.last?.style ?? Style(.dim)
        for span in line {
            let remaining = startX + room - x
            guard remaining > 0 else { break }
            let visible = TextLayout.truncate(span.text, width: remaining, ellipsis: "")
            x += grid.put(visible, x: x, y: y, style: span.style, maxWidth: remaining)
            lastStyle = span.style
        }
        grid.put(mark, x: x, y: y, style: lastStyle, maxWidth: startX + width - x)
    }
}
