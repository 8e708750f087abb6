/// A text in double quotes as both a JSON string and a TOML basic string read it: `"` and `\`
/// escaped, newline, carriage return and tab as `\n`, `\r`, `\t`, every other control character
/// (and DEL, which TOML refuses raw) as `\u00xx` (lower-case hex, as Python and asciinema
/// write it), everything else as it is.
///
/// The one quoting rule for what gruscope writes for other programs to read: session files
/// (TOML) and asciicast recordings (JSON).
public enum QuotedText {
    /// `text` between double quotes, escaped.
    public static func basic(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
