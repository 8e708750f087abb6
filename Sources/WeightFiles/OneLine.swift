/// Keeps text taken from a file (array names, keys, strings) on one printable line, since every
/// message is printed as a single `error:` line.
enum OneLine {
    /// Control characters become `\u{..}` escapes.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A name from the file in quotes, shortened when absurdly long.
    static func quoted(_ name: String) -> String {
        let limit = 120
        let shown = name.count > limit ? String(name.prefix(limit)) + "…" : name
        return "'" + clean(shown) + "'"
    }

    /// Up to `limit` quoted names, then how many more there are.
    static func list(_ names: [String], limit: Int = 8) -> String {
        let shown = names.prefix(limit).map(quoted).joined(separator: ", ")
        return names.count > limit ? shown + " and \(names.count - limit) more" : shown
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
