/// Finds the line of a key in TOML text, for semantic errors (TOMLKit reports lines only for
/// syntax errors). Understands `[table]` headers, dotted and quoted keys, comments, and keys
/// inside one-line inline tables — enough for theme files.
struct TOMLKeyLocator {
    /// Key paths defined on each line (1-based), with the text after the `=`.
    private var entries: [(line: Int, path: [String], value: Substring)] = []

    init(_ text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(Self.strippingComment(rawLine).trimming(" \t\r"))
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[") {
                let inner = line.trimming("[] \t")
                table = Self.keyPath(inner)
                entries.append((index + 1, table, ""))
            } else if let equals = Self.firstUnquoted("=", in: line) {
                let key = Self.keyPath(line[line.startIndex..<equals])
                entries.append((index + 1, table + key, line[line.index(after: equals)...]))
            }
        }
    }

    /// The line that best matches `path`: the one defining the longest prefix of it (the key
    /// itself, its inline table, or its table header). Nil when nothing matches.
    func line(for path: [String]) -> Int? {
        var best: (line: Int, score: Int)?
        for entry in entries where entry.path.count <= path.count && Array(path.prefix(entry.path.count)) == entry.path {
            var score = entry.path.count
            if entry.path.count < path.count, entry.value.contains("{"), Self.valueDefines(path[entry.path.count], entry.value) {
                score = path.count
            }
            if best == nil || score > best!.score { best = (entry.line, score) }
        }
        return best?.line
    }

    private static func valueDefines(_ key: String, _ value: Substring) -> Bool {
        var rest = value[...]
        while let range = rest.range(of: key) {
            let before = rest[..<range.lowerBound].last
            let after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\"" }.first
            if (before == nil || " {,\t\"".contains(before!)) && after == "=" { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// `a."b.c" . d` → ["a", "b.c", "d"].
    static func keyPath(_ text: some StringProtocol) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimming(" \t"))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimming(" \t"))
        return parts
    }

    private static func strippingComment(_ line: Substring) -> Substring {
        guard let hash = firstUnquoted("#", in: line) else { return line }
        return line[line.startIndex..<hash]
    }

    private static func firstUnquoted(_ target: Character, in text: Substring) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == "\\" && open == "\"" {
                    index = text.index(after: index)
                    if index == text.endIndex { break }
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == target {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension StringProtocol {
    /// Without the given characters at either end (Foundation-free).
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
