import TOMLKit

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
            if let value = arguments[String(template[bytes.index(after: open)..<close])] {
                result += value
            } else {
                result += template[open...close]
            }
            start = bytes.index(after: close)
            guard let next = bytes[start...].firstIndex(of: openBrace) else { break }
            open = next
        }
        return result + template[start...]
    }

    /// The names of the `{placeholders}` in a text.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func flatten(
        _ table: TOMLTable, prefix: String, file: String, into texts: inout [String: String]
    ) throws(UserError) {
        for key in table.keys {
            let name = prefix.isEmpty ? key : prefix + "." + key
            guard let value = table[key]?.tomlValue else { continue }
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
