/// A check of TOML text made before it is handed to the TOML library (TOMLKit, on toml++).
///
/// toml++ 3 aborts the whole program on an internal assertion, rather than reporting an error,
/// when a table header's first name does not start with a name character or a quote (`[中]`,
/// `[[é]]`, `[#…`, `[=`, or `[` alone at the end of a line), and when a `}` stands where a list
/// expects a value (`[}`, `[1, }`); found by the `theme` and `lesson` fuzz targets. It also aborts
/// on a date followed by a space and one lone digit (`a = 2020-01-01 1`, found by the
/// `session-file` target): it reads on for a time and asserts that one more character follows.
/// This check finds those, and any character outside ASCII standing outside a string or comment (TOML 1.0
/// allows them nowhere else), so the theme and lesson
/// readers (``TOMLText``, the theme parser) report them with their line instead of calling the
/// library.
public enum TOMLPreflight {
    /// The first problem: its 1-based line and what is wrong, or nil when there is none.
    public static func firstProblem(in text: String) -> (line: Int, message: String)? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        var index = 0
        // The brackets open in values: `[` for a list, `{` for an inline table.
        var open: [Unicode.Scalar] = []
        // Right after a list's `[` or `,`, where a value (or `]`) must come.
        var expectsListValue = false
        var lineHasContent = false
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        /// Skips a string opened at `index` by `quote`; multi-line when tripled.
        func skipString(_ quote: Unicode.Scalar) {
            let tripled = at(1) == quote && at(2) == quote
            index += tripled ? 3 : 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    line += 1
                    if !tripled { return }  // unterminated: the library reports it
                }
                if quote == "\"" && scalar == "\\" {
                    if at(1) == "\n" { line += 1 }
                    index += 2
                    continue
                }
                if scalar == quote && (!tripled || (at(1) == quote && at(2) == quote)) {
                    index += tripled ? 3 : 1
                    // A tripled string may end with up to two more quotes of its own.
                    while tripled && at(0) == quote { index += 1 }
                    return
                }
                index += 1
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                line += 1
                lineHasContent = false
                index += 1
            case " ", "\t", "\r":
                index += 1
            case "#":
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
            case "\"", "'":
                lineHasContent = true
                expectsListValue = false
                skipString(scalar)
            case "}" where expectsListValue:
                return (line, "a value must come before '}' in a list")
            case "[" where open.isEmpty && !lineHasContent:
                // A table header: its first name must start like a name or a quoted name.
                lineHasContent = true
                index += at(1) == "[" ? 2 : 1
                while at(0) == " " || at(0) == "\t" { index += 1 }
                if let first = at(0), !first.isASCII { return (line, outsideQuotes(first)) }
                guard let first = at(0),
                      first.properties.isAlphabetic || ("0"..."9").contains(first) || "_-\"']".unicodeScalars.contains(first)
                else {
                    return (line, "a table name must follow '[' (letters, digits, _ and -, or a quoted name)")
                }
            default:
                lineHasContent = true
                expectsListValue = scalar == "[" || (scalar == "," && open.last == "[")
                switch scalar {
                case "[", "{": open.append(scalar)
                case "]" where open.last == "[", "}" where open.last == "{": open.removeLast()
                default: break
                }
                if !scalar.isASCII { return (line, outsideQuotes(scalar)) }
                if let date = dateWithLoneDigit(in: scalars, at: index) {
                    return (line, "'\(date)' is neither a date nor a date and time (a time is written 07:32:00)")
                }
                index += 1
            }
        }
        return nil
    }

    /// The characters that end a value for toml++: white space, `]`, `}`, `,` and `#`.
    private static let valueTerminators = Set(" \t\n\u{0B}\u{0C}\r]},#".unicodeScalars)

    /// The text of a value that starts at `start` as toml++'s date scan sees it, when it is the
    /// shape that trips its assertion: ten characters other than `_`, starting with a digit, with `-`
    /// as the fifth and eighth (`2020-01-01`), then one space, one digit and the value's end.
    /// Every such text is invalid TOML; checked wherever a value can start (not inside a name).
    private static func dateWithLoneDigit(in scalars: [Unicode.Scalar], at start: Int) -> String? {
        guard ("0"..."9").contains(scalars[start]) else { return nil }
        if start > 0, isNameCharacter(scalars[start - 1]) { return nil }
        var kept: [Unicode.Scalar] = []
        var index = start
        while index < scalars.count, !valueTerminators.contains(scalars[index]), kept.count <= 10 {
            if scalars[index] != "_" { kept.append(scalars[index]) }
            index += 1
        }
        guard kept.count == 10, kept[4] == "-", kept[7] == "-",
              index + 1 < scalars.count, scalars[index] == " ", ("0"..."9").contains(scalars[index + 1]),
              index + 2 == scalars.count || valueTerminators.contains(scalars[index + 2])
        else { return nil }
        return EchoText.printable(String(String.UnicodeScalarView(scalars[start...(index + 1)])))
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    private static func outsideQuotes(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return "\(EchoText.printable(String(scalar))) (U+\(code)) outside quotes; names outside ASCII must be quoted"
    }
}
