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
        let limit = max(1, width)
        var lines: [[StyledCharacter]] = []
        var current: [StyledCharacter] = []
        var currentWidth = 0
        var droppingSpaces = false

        /// Ends the line before index `cut` (all of it by default); the rest starts the next line.
        func endLine(at cut: Int? = nil) {
            let end = cut ?? current.count
            lines.append(Array(current[..<end]).trimmingTrailingSpaces())
            current = Array(current[end...])
            currentWidth = current.reduce(0) { $0 + $1.width }
        }

        for span in spans {
            for character in span.text {
                if character == "\n" {
                    endLine()
                    droppingSpaces = false
                    continue
                }
                let w = DisplayWidth.of(character)
                if w == 0 { continue }
                let isSpace = character == " "
                if isSpace, droppingSpaces, current.isEmpty { continue }
                droppingSpaces = false
                let item = StyledCharacter(character: character, style: span.style, width: w)
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
        lines.append(current.trimmingTrailingSpaces())
        return lines.map(spans(of:))
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when anything was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : String(ellipsis.prefix(width))
        let room = width - DisplayWidth.of(mark)
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

    /// The last index `i` in `line` (up to `line.count`, meaning “before `next`”) where the line
    /// may break, leaving a non-blank line before it; nil when the line has no break opportunity.
    private static func breakPosition(in line: [StyledCharacter], before next: StyledCharacter) -> Int? {
        var i = line.count
        while i > 0 {
            let after = i == line.count ? next : line[i]
            if mayBreak(between: line[i - 1], and: after), line[0..<i].contains(where: { $0.character != " " }) {
                return i
            }
            i -= 1
        }
        return nil
    }

    private static func mayBreak(between before: StyledCharacter, and after: StyledCharacter) -> Bool {
        if after.character == " " { return false }
        if before.character == " " { return true }
        return (before.width == 2 || after.width == 2) && !noBreakBefore.contains(after.character)
    }

    private static let noBreakBefore: Set<Character> = [
        "、", "。", "，", "．", "！", "？", "：", "；", "）", "」", "』", "】", "〉", "》", "ー", "々",
        ",", ".", ";", ":", "!", "?", ")", "]", "}",
    ]

    private static func spans(of line: [StyledCharacter]) -> [TextSpan] {
        var result: [TextSpan] = []
        for item in line {
            if let last = result.last, last.style == item.style {
                result[result.count - 1].text.append(item.character)
            } else {
                result.append(TextSpan(String(item.character), style: item.style))
            }
        }
        return result
    }
}

/// A character with its style and width, the unit the wrapper works on.
struct StyledCharacter: Hashable {
    var character: Character
    var style: Style
    var width: Int
}

extension Array where Element == StyledCharacter {
    func trimmingTrailingSpaces() -> [StyledCharacter] {
        var end = count
        while end > 0, self[end - 1].character == " " { end -= 1 }
        return Array(self[0..<end])
    }
}
