/// Quoting what a user, a file or the environment typed back to them, safely: every control
/// character is written out as an escape (`\e`, `\n`, `\u{85}` …), so no echoed text can move the
/// cursor, set the terminal's title or start a new line; and a long echo is cut short.
///
/// Every message put together from outside text goes through here: error messages (their
/// plain values, see ``Message``), answers on the `:` line and in the repl, the status line,
/// theme descriptions, weight-file errors.
public enum Echo {
    /// The most characters of outside text an echo repeats; longer text is cut, ending in `…`.
    public static let longest = 60

    /// `text` with every control character escaped, cut to ``longest`` characters: how a
    /// message quotes what the user typed (`unknown command 'frobnicate'`).
    public static func clipped(_ text: some StringProtocol, longest: Int = Echo.longest) -> String {
        // Cut before escaping, on Unicode scalars: a 10 MB line costs no more than its first
        // characters, and an escape is never cut in half.
        var kept = String.UnicodeScalarView()
        var count = 0
        var cut = false
        for scalar in text.unicodeScalars {
            if count == longest {
                cut = true
                break
            }
            kept.append(scalar)
            count += 1
        }
        return escaped(String(kept)) + (cut ? "…" : "")
    }

    /// `text` with every control character escaped; everything else is kept as it is.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a scalar is escaped: the C0 and C1 controls and DEL, the line and paragraph
    /// separators (which start a new line), and the bidirectional overrides and isolates
    /// (which reorder what follows them on the line).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        guard v >= 0x2028 else { return false }
        return (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
