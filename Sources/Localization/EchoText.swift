/// Text from outside (a file's contents, a typed line, a key in a theme) made safe to print back
/// on a terminal: every control character is written as a visible escape, so nothing echoed can
/// move the cursor, set the window title or turn text invisible, and long text is clipped.
///
/// The one place this is done: error messages escape every plain value they quote (see
/// ``Message``), messages quote what a user typed through ``printable(_:limit:)``, and
/// `gruscope themes`, the repl and the status line print through it.
///
/// Escaped: C0 controls and DEL (`\t`, `\n`, `\r`, `\e`, else `\x07`), C1 controls U+0080–U+009F,
/// the line and paragraph separators U+2028/U+2029 and the bidirectional overrides and isolates
/// U+202A–U+202E and U+2066–U+2069 (which reorder what follows them) as `\u{…}`. A backslash
/// stays a backslash.
public enum EchoText {
    /// How many scalars an echo keeps by default before it is clipped with `…`.
    public static let defaultLimit = 80

    /// `text` with its control characters escaped, cut to at most `limit` Unicode scalars (the
    /// escapes included; a pile of combining marks counts every mark) followed by `…` when
    /// longer.
    public static func printable(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var result = ""
        var count = 0
        let limit = max(1, limit)
        for scalar in text.unicodeScalars {
            let piece = escape(scalar)
            let length = piece?.count ?? 1
            if count + length > limit {
                result += "…"
                return result
            }
            if let piece { result += piece } else { result.unicodeScalars.append(scalar) }
            count += length
        }
        return result
    }

    /// `text` with its control characters escaped and nothing cut.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { escape($0) != nil }) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            if let piece = escape(scalar) { result += piece } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Whether a scalar is written as an escape.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        escape(scalar) != nil
    }

    /// The escape for a scalar that must not reach the terminal as it is, or nil.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(v, digits: 2)
        case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + hex(v, digits: 4) + "}"
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
