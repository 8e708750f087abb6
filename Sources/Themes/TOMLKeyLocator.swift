/// Finds the line of a key in TOML text, for semantic errors (the parser reports lines only for
/// syntax errors). Understands `[table]` headers, dotted and quoted keys, comments, and keys
/// inside one-line inline tables — enough for theme files.
struct TOMLKeyLocator {
    /// One key path defined on a line (1-based), with the keys its inline table (if the value
    /// opens one) defines at any depth.
    private struct Entry {
        var line: Int
        var path: [String]
        var inlineKeys: Set<String>
    }

    private var entries: [Entry] = []
    /// Entry indices by path, in file order: a lookup costs the length of the path asked for,
    /// not the length of the file, so reporting every key of a large file stays linear.
    private var byPath: [[String]: [Int]] = [:]

    init(_ text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(Self.strippingComment(rawLine).trimming(" \t\r"))
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[") {
                let inner = line.trimming("[] \t")
                table = Self.keyPath(inner)
                add(Entry(line: index + 1, path: table, inlineKeys: []))
            } else if let equals = Self.firstUnquoted("=", in: line) {
                let key = Self.keyPath(line[line.startIndex..<equals])
                let value = line[line.index(after: equals)...]
                add(Entry(line: index + 1, path: table + key, inlineKeys: value.contains("{") ? Self.definedKeys(value) : []))
            }
        }
    }

    private mutating func add(_ entry: Entry) {
        byPath[entry.path, default: []].append(entries.count)
        entries.append(entry)
    }

    /// The line that best matches `path`: the one defining the longest prefix of it (the key
    /// itself, its inline table, or its table header); the first in the file among equals.
    /// Nil when nothing matches.
    func line(for path: [String]) -> Int? {
        var best: (score: Int, index: Int)?
        for index in candidates(for: path) {
            let entry = entries[index]
            let length = entry.path.count
            var score = length
            if length < path.count, entry.inlineKeys.contains(path[length]) { score = path.count }
            if let current = best, current.score > score || (current.score == score && current.index < index) { continue }
            best = (score, index)
        }
        return best.map { entries[$0.index].line }
    }

    /// The entries a lookup of `path` looks at: those defining a prefix of it, found by path, so
    /// their number is bounded by what the file defines at those paths, not by its length.
    func candidates(for path: [String]) -> [Int] {
        (0...path.count).flatMap { length in byPath[Array(path.prefix(length))] ?? [] }
    }

    /// The keys an inline table value defines, at any depth: each name (bare or quoted, or a
    /// part of a dotted name) that stands before an `=` outside quotes.
    static func definedKeys(_ value: Substring) -> Set<String> {
        var keys: Set<String> = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in value {
            if let open = quote {
                if escaped {
                    escaped = false
                    current.append(character)
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                current = ""
            case "=":
                if !current.isEmpty { keys.insert(current) }
                current = ""
            case ".":
                if !current.isEmpty { keys.insert(current) }
                current = ""
            case " ", "\t":
                continue
            case "{", ",", "}", "[", "]":
                current = ""
            default:
                current.append(character)
            }
        }
        return keys
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
