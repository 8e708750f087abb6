import Localization

/// The bottom line: a message at the left (errors in the error role) and key hints at the right.
///
/// The message has priority: hints that do not fit beside it are dropped from the end of the
/// list (so put the most important first); a message wider than the line is cut with an ellipsis.
public struct StatusLine: Sendable, Hashable {
    /// The message, if any.
    public var message: String
    /// The message's style, e.g. `Style(.error, attributes: .bold)` for errors.
    public var messageStyle: Style
    /// Key hints, most important first.
    public var hints: [KeyHint]
    /// The line's fill.
    public var background: Style
    /// Ellipsis.
    public var glyphs: Glyphs

    /// A status line from its parts.
    public init(message: String = "", messageStyle: Style = .plain, hints: [KeyHint] = [], background: Style = .plain, glyphs: Glyphs = .unicode) {
        self.message = message
        self.messageStyle = messageStyle
        self.hints = hints
        self.background = background
        self.glyphs = glyphs
    }

    /// The hints that fit in `room` columns, in order, two spaces apart.
    public static func fittingHints(_ hints: [KeyHint], room: Int) -> [KeyHint] {
        var used = 0
        var kept: [KeyHint] = []
        for hint in hints {
            let needed = hint.displayWidth + (kept.isEmpty ? 0 : 2)
            if used + needed > room { break }
            kept.append(hint)
            used += needed
        }
        return kept
    }

    /// Clears the top line of `area` and draws the status line there.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        grid.fill(line, with: Cell(" ", style: background))
        let shownMessage = TextLayout.truncate(message.replacingNewlines(), width: area.width, ellipsis: glyphs.ellipsis)
        let messageWidth = grid.put(shownMessage, x: area.x, y: area.y, style: messageStyle, maxWidth: area.width)
        let room = area.width - messageWidth - (messageWidth > 0 ? 2 : 0)
        let shown = Self.fittingHints(hints, room: room)
        let total = shown.reduce(0) { $0 + $1.displayWidth } + 2 * max(0, shown.count - 1)
        var x = area.maxX - total
        for (n, hint) in shown.enumerated() {
            if n > 0 { x += 2 }
            x += grid.put(hint.key, x: x, y: area.y, style: Style(.header, attributes: .bold))
            x += 1
            x += grid.put(hint.action, x: x, y: area.y, style: Style(.dim))
        }
    }
}

extension String {
    /// Status lines and table cells hold one line: newlines and tabs become spaces.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
