import Localization

/// Word wrapping by display width.
///
/// Lines break at spaces (dropped at the break), and between any two wide characters (CJK text
/// has no spaces), except before closing punctuation such as `。` or `)`. A word longer than the
/// line is cut at a character boundary; a wide character is never split: it moves to the next
/// line whole. Newlines always break, and spaces after a newline (indentation) are kept.
public enum TextLayout {
    /// The spans wrapped into lines no wider than `width` columns. At least one column is assumed,
    /// so a wide character alone on a one-column line overflows it (and the grid clips it).
    public static func wrap(_ spans: [TextSpan], width: Int) -> [[TextSpan]] {
        wrap(spans, width: width, maxLines: .max)
    }

    /// The first `maxLines` lines of ``wrap(_:width:)`` (lines never change once the text has
    /// moved past them), without wrapping the rest: for a panel that shows only a few.
    public static func wrap(_ spans: [TextSpan], width: Int, maxLines: Int) -> [[TextSpan]] {
        let limit = max(1, width)
        guard maxLines > 0 else { return [] }
        var lines: [[StyledCharacter]] = []
        var current: [StyledCharacter] = []
        var currentWidth = 0
        var droppingSpaces = false
        let newline = UInt32(0x0A), space = UInt32(0x20)

        /// Ends the line before index `cut` (all of it by default); the rest starts the next line.
        func endLine(at cut: Int? = nil) {
            let end = cut ?? current.count
            lines.append(Array(current[..<end]).trimmingTrailingSpaces())
            current = Array(current[end...])
            currentWidth = current.reduce(0) { $0 + $1.width }
        }

        spanLoop: for span in spans {
            for (code, w) in characters(of: span.text) {
                if lines.count >= maxLines { break spanLoop }
                if code == newline {
                    endLine()
                    droppingSpaces = false
                    continue
                }
                if w == 0 { continue }
                let isSpace = code == space
                if isSpace, droppingSpaces, current.isEmpty { continue }
                droppingSpaces = false
                let item = StyledCharacter(code: code, style: span.style, width: w)
                while currentWidth + w > limit, !current.isEmpty {
                    if isSpace {
                        endLine()
                        droppingSpaces = true
                        break
                    }
                    if let cut = breakPosition(in: current, before: item) {
                        endLine(at: cut)
                    } else {
                        endLine()
                    }
                }
                if isSpace, droppingSpaces { continue }
                current.append(item)
                currentWidth += w
            }
        }
        if lines.count < maxLines { lines.append(current.trimmingTrailingSpaces()) }
        // One character can end more than one line (a long word cut twice).
        return lines.prefix(maxLines).map(spans(of:))
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when anything was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : String(ellipsis.prefix(width))
        let room = width - DisplayWidth.of(mark)
        if StandaloneScalars.covers(text) {
            let scalars = text.unicodeScalars
            var end = scalars.startIndex
            var used = 0
            while end < scalars.endIndex {
                let w = DisplayWidth.of(scalars[end])
                if used + w > room { break }
                used += w
                end = scalars.index(after: end)
            }
            return String(scalars[..<end]) + mark
        }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + mark
    }

    /// `text` cut to `width` columns by leaving out its middle, with `ellipsis` where the middle
    /// was: both ends stay, so a long path keeps its start and its file name
    /// (`/home/ann/…/run/inputs.npy`). Measured by display width.
    public static func truncateMiddle(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : String(ellipsis.prefix(width))
        let room = width - DisplayWidth.of(mark)
        let characters = Array(text)
        // The end gets the larger half: it names the file.
        var tail: [Character] = [], tailWidth = 0
        for character in characters.reversed() {
            let w = DisplayWidth.of(character)
            if tailWidth + w > room - room / 2 { break }
            tail.append(character)
            tailWidth += w
        }
        var head = "", headWidth = 0
        for character in characters.prefix(characters.count - tail.count) {
            let w = DisplayWidth.of(character)
            if headWidth + w > room - tailWidth { break }
            head.append(character)
            headWidth += w
        }
        return head + mark + String(tail.reversed())
    }

    /// The last index `i` in `line` (up to `line.count`, meaning “before `next`”) where the line
    /// may break, leaving a non-blank line before it; nil when the line has no break opportunity.
    private static func breakPosition(in line: [StyledCharacter], before next: StyledCharacter) -> Int? {
        var i = line.count
        while i > 0 {
            let after = i == line.count ? next : line[i]
            if mayBreak(between: line[i - 1], and: after), line[0..<i].contains(where: { !$0.isSpace }) {
                return i
            }
            i -= 1
        }
        return nil
    }

    private static func mayBreak(between before: StyledCharacter, and after: StyledCharacter) -> Bool {
        if after.isSpace { return false }
        if before.isSpace { return true }
        return (before.width == 2 || after.width == 2) && !noBreakBefore.contains(after.code)
    }

    private static let noBreakBefore: Set<UInt32> = Set(
        ["、", "。", "，", "．", "！", "？", "：", "；", "）", "」", "』", "】", "〉", "》", "ー", "々",
         ",", ".", ";", ":", "!", "?", ")", "]", "}"].map { (scalar: Unicode.Scalar) in scalar.value })

    /// The line as spans, one per run of a style.
    private static func spans(of line: [StyledCharacter]) -> [TextSpan] {
        var result: [TextSpan] = []
        var bytes: [UInt8] = []
        var start = 0
        while start < line.count {
            let style = line[start].style
            bytes.removeAll(keepingCapacity: true)
            var end = start
            while end < line.count, line[end].style == style {
                let cell = Cell(code: line[end].code)
                if let scalar = cell.singleScalar {
                    UTF8.encode(scalar) { bytes.append($0) }
                } else {
                    bytes.append(contentsOf: String(cell.character).utf8)
                }
                end += 1
            }
            result.append(TextSpan(String(decoding: bytes, as: UTF8.self), style: style))
            start = end
        }
        return result
    }

    /// The code (as in ``Cell/code``) and display width of each character of `text`. All-ASCII
    /// text goes byte by byte; a CR LF pair is one character there too, which like any control
    /// character takes no columns (so it is not a line break either).
    static func characters(of text: String) -> [(code: UInt32, width: Int)] {
        var result: [(code: UInt32, width: Int)] = []
        let isASCII: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            result.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                    result.append((0x0D, 0))
                    i += 2
                    continue
                }
                result.append((UInt32(byte), byte < 0x20 || byte == 0x7F ? 0 : 1))
                i += 1
            }
            return true
        }
        if isASCII == true { return result }
        result.removeAll()
        if StandaloneScalars.covers(text) {
            for scalar in text.unicodeScalars { result.append((scalar.value, DisplayWidth.of(scalar))) }
            return result
        }
        for character in text {
            // A newline is always a character of its own, so its code is the newline's.
            let cell = Cell(character)
            result.append((cell.code, DisplayWidth.of(cell.firstScalar)))
        }
        return result
    }
}

/// A character (as a ``Cell/code``) with its style and width, the unit the wrapper works on.
struct StyledCharacter: Hashable {
    var code: UInt32
    var style: Style
    var width: Int

    var isSpace: Bool { code == 0x20 }
}

extension Array where Element == StyledCharacter {
    func trimmingTrailingSpaces() -> [StyledCharacter] {
        var end = count
        while end > 0, self[end - 1].isSpace { end -= 1 }
        return Array(self[0..<end])
    }
}
