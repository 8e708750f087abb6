
/// The texts of one language: keys such as `unit.remember` mapped to sentences with
/// `{placeholders}`.
///
/// A catalogue file is TOML; tables group keys, so `[unit]` then `remember = "…"` is the key
/// `unit.remember`.
public struct Catalogue: Sendable {
    /// Key → text with placeholders.
    public let texts: [String: String]

    /// A catalogue from its parts.
    public init(texts: [String: String]) {
        self.texts = texts
    }

    /// Reads a catalogue file's text; `file` names it in errors.
    public init(toml text: String, file: String) throws(UserError) {
        let table = try TOMLText.parse(text, file: file)
        var texts: [String: String] = [:]
        try Self.flatten(table, prefix: "", file: file, into: &texts)
        self.texts = texts
    }

    /// The text for a key with its placeholders filled, or nil when the key is missing.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String? {
        texts[key].map { Self.fill($0, arguments) }
    }

    /// Replaces each `{name}` that has an argument; other braces stay as they are.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        // Braces are ASCII, so they are found among the UTF-8 bytes, which is much quicker
        // than comparing characters (this runs for every sentence of every frame).
        let bytes = template.utf8
        let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        guard var open = bytes.firstIndex(of: openBrace) else { return template }
        var result = ""
        result.reserveCapacity(bytes.count + 32)
        var start = bytes.startIndex
        while let close = bytes[open...].firstIndex(of: closeBrace) {
            result += template[start..<open]
            let name = template[bytes.index(after: open)..<close]
            if let value = arguments[String(name)] {
                result += value
            } else if let word = pluralWord(name, arguments) {
                result += word
            } else {
                result += template[open...close]
            }
            start = bytes.index(after: close)
            guard let next = bytes[start...].firstIndex(of: openBrace) else { break }
            open = next
        }
        return result + template[start...]
    }

    /// A word that agrees with a count: `{count|step|steps}` is `step` when the argument `count`
    /// is 1 and `steps` otherwise (so "1 step", "0 steps", "2 steps"). A language without
    /// plurals writes the word alone. Nil when `choice` is not such a placeholder or names no
    /// argument.
    static func pluralWord(_ choice: Substring, _ arguments: [String: String]) -> String? {
        let parts = choice.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let count = arguments[String(parts[0])] else { return nil }
        return String(count == "1" ? parts[1] : parts[2])
    }

    /// The names of the `{placeholders}` in a text (a plural choice `{count|step|steps}` names
    /// `count`).
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            names.append(String(name.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func flatten(
        _ table: TOMLTable, prefix: String, file: String, into texts: inout [String: String]
    ) throws(UserError) {
        for key in table.keys {
            let name = prefix.isEmpty ? key : prefix + "." + key
            guard let value = table[key] else { continue }
            if let text = value.string {
                texts[name] = text
            } else if let inner = value.table {
                try flatten(inner, prefix: name, file: file, into: &texts)
            } else {
                throw UserError("\(file): \(name) must be a text in quotes, got \(value.debugDescription)")
            }
        }
    }
}
