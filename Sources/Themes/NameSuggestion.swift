/// “Did you mean …?” for misspelt names in theme files.
enum NameSuggestion {
    /// The closest candidate within two edits of `name`, if there is one.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two strings, by character.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ` (did you mean 'x'?)` or ` (use a, b, c)`.
    static func hint(for name: String, among candidates: [String], listing: Bool = true) -> String {
        if let close = closest(to: name, among: candidates) { return " (did you mean '\(close)'?)" }
        return listing ? " (use " + candidates.joined(separator: ", ") + ")" : ""
    }
}
