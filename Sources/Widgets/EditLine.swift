import Localization

/// An ``EditBuffer`` drawn on one row: its characters, scrolled sideways so the cursor is always
/// in view, with the cursor cell in reverse video and a mark where text lies beyond the left or
/// right edge.
///
/// Drawing looks only at the characters near the cursor (about two rows' width of them), so a
/// line of 65 536 characters draws as fast as a short one. A character that would
/// draw nothing (a control character, or a combining mark with nothing before it) is shown as a
/// visible stand-in, so every character the cursor can sit on has a cell.
public struct EditLine {
    /// The text and cursor.
    public var buffer: EditBuffer
    /// The style of the text.
    public var style: Style
    /// The style of the cell under the cursor (by default the text's, reversed).
    public var cursorStyle: Style
    /// Characters for the scroll marks.
    public var glyphs: Glyphs
    /// Whether `‹` and `›` mark text beyond the edges (off for cells too narrow to spare them).
    public var marksScroll: Bool

    public init(_ buffer: EditBuffer, style: Style, cursorStyle: Style? = nil, glyphs: Glyphs = .unicode, marksScroll: Bool = true) {
        self.buffer = buffer
        self.marksScroll = marksScroll
        self.style = style
        self.cursorStyle = cursorStyle ?? {
            var reversed = style
            reversed.attributes.insert(.reverse)
            return reversed
        }()
        self.glyphs = glyphs
    }

    /// The columns the character at `index` takes on screen (at least 1, see ``shown(_:)``).
    func columns(at index: Int) -> Int {
        index < buffer.characters.count ? max(1, DisplayWidth.of(buffer.characters[index])) : 1
    }

    /// The first character on screen for a row `width` columns wide: 0 when the text up to the
    /// cursor fits, else the one that puts the cursor in the last column, so as much as fits of
    /// what was typed before it is in view (after a `‹` when ``marksScroll`` is on).
    public func firstVisible(width: Int) -> Int {
        let cursor = buffer.cursor
        guard width > 0 else { return cursor }
        if cursor < width {
            var used = 1
            for index in 0..<cursor { used += columns(at: index) }
            if used <= width { return 0 }
        }
        var start = cursor
        var used = 1 + (marksScroll && width > 2 ? 1 : 0)
        while start > 0 && used + columns(at: start - 1) <= width {
            start -= 1
            used += columns(at: start)
        }
        return start
    }

    /// Draws the line into the first row of `area`; returns the cursor's column.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Int {
        guard area.width > 0, area.height > 0 else { return area.x }
        let characters = buffer.characters
        let start = firstVisible(width: area.width)
        var x = area.x
        var cursorX = area.x
        if start > 0, marksScroll, area.width > 2 {
            grid.put(glyphs.moreLeft, x: x, y: area.y, style: Style(.dim))
            x += 1
        }
        var index = start
        while index <= characters.count {
            let isCursor = index == buffer.cursor
            let w = columns(at: index)
            guard x + w <= area.maxX else { break }
            if isCursor { cursorX = x }
            let character = index < characters.count ? shown(characters[index]) : " "
            grid.put(character, x: x, y: area.y, style: isCursor ? cursorStyle : style)
            x += w
            index += 1
        }
        // Text goes on past the right edge: say so, unless the cursor sits in that column.
        if index < characters.count, marksScroll, area.width > 2, cursorX != area.maxX - 1 {
            grid.put(glyphs.moreRight, x: area.maxX - 1, y: area.y, style: Style(.dim))
        }
        return cursorX
    }

    /// What is drawn for a character: itself, or a one-column stand-in when it would draw
    /// nothing (a control character shows as `?`; a combining mark with nothing to sit on is
    /// drawn on a dotted circle, as Unicode shows such marks, or as `?` in ASCII).
    func shown(_ character: Character) -> Character {
        guard DisplayWidth.of(character) == 0, let first = character.unicodeScalars.first else { return character }
        let isControl = first.value < 0x20 || (0x7F..<0xA0).contains(first.value)
        if isControl || glyphs == .ascii { return "?" }
        // Format characters such as U+200B do not join the circle: they too show as `?`.
        let onCircle = "\u{25CC}" + String(character)
        return onCircle.count == 1 ? Character(onCircle) : "?"
    }
}
