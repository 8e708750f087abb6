/// One line of the command language as words: `#` starts a comment, words are separated by
/// white space, and the first word names the command.
///
/// White space is Unicode's (`\t`, `\v`, `\f`, U+0085, U+2028, U+2029, U+3000 … as well as the
/// space), one definition for the whole language, so a line that looks blank is blank wherever it
/// is read. Everything works on Unicode scalars, in one pass.
public struct CommandWords: Sendable {
    /// The line without its comment and without white space at either end.
    public let text: Substring
    /// The words, in order.
    public let words: [Substring]

    /// The longest line the language reads, in UTF-8 bytes. A line of H = 16 384 numbers
    /// written out in full is about 300 KB; a longer line is refused before anything is parsed.
    public static let longestLine = 1 << 20

    /// Splits a line; it must already be checked against ``longestLine``.
    public init(_ line: some StringProtocol) {
        var body = Substring(line)
        if let hash = body.utf8.firstIndex(of: UInt8(ascii: "#")) { body = body[..<hash] }
        text = Self.trimmed(body)
        var words: [Substring] = []
        var start: Substring.UnicodeScalarView.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if Self.isSpace(scalars[index]) {
                if let from = start { words.append(Substring(scalars[from..<index])) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let from = start { words.append(Substring(scalars[from...])) }
        self.words = words
    }

    /// Whether the line holds nothing but white space and a comment.
    public var isBlank: Bool { words.isEmpty }

    /// The text after the first `count` words, white space trimmed.
    public func rest(after count: Int) -> Substring {
        guard count > 0 else { return text }
        guard count <= words.count else { return text[text.endIndex...] }
        return Self.trimmed(text[words[count - 1].endIndex...])
    }

    /// Whether a scalar separates words: Unicode's White_Space property.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return scalar.properties.isWhitespace
    }

    /// `text` without white space at either end.
    public static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}
