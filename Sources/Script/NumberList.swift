import Localization

/// Parsing of the numbers people type: `1 2 3`, `1,2,3`, `1, -2.5e-1, 3`.
///
/// One pass over the text's Unicode scalars, whatever its length: a line of a million numbers is
/// read in about the time it takes to convert them, and a message is only worded when something
/// is wrong. White space is Unicode's (``CommandWords/isSpace(_:)``), the same as everywhere in
/// the language.
public enum NumberList {
    /// The largest magnitude accepted for a value typed or read from a file. Beyond it a single
    /// product in the cell could overflow to infinity and poison the trace with NaN; ±1e30 still
    /// saturates every gate cleanly.
    public static let largestMagnitude: Float = 1e30

    /// The numbers in `text`, separated by commas and/or white space (brackets are tolerated, so
    /// a pasted `[1, 2, 3]` works). `what` names the vector in messages, e.g. `x` or `--h0`.
    public static func parse(_ text: some StringProtocol, what: String) throws(UserError) -> [Float] {
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        // A pasted list keeps its brackets: `[1, 2, 3]`.
        while start < end, CommandWords.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end, CommandWords.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start < end, scalars[start] == "[" {
            start = scalars.index(after: start)
            if start < end, scalars[scalars.index(before: end)] == "]" { end = scalars.index(before: end) }
        }
        var values: [Float] = []
        var pieceStart: String.UnicodeScalarView.Index?
        // Whether a comma came since the last number: "1,,2", ",1" and "1," have an empty entry.
        var commaPending = false
        var sawComma = false
        var index = start
        func finishPiece(at end: String.UnicodeScalarView.Index) throws(UserError) {
            guard let from = pieceStart else { return }
            let piece = Substring(scalars[from..<end])
            values.append(try number(piece, what: what, index: values.count))
            pieceStart = nil
            commaPending = false
        }
        while index < end {
            let scalar = scalars[index]
            if scalar == "," {
                if pieceStart == nil && (commaPending || values.isEmpty) {
                    throw UserError(key: "error.script.empty_entry", ["what": what])
                }
                try finishPiece(at: index)
                commaPending = true
                sawComma = true
            } else if CommandWords.isSpace(scalar) {
                try finishPiece(at: index)
            } else if pieceStart == nil {
                pieceStart = index
            }
            index = scalars.index(after: index)
        }
        try finishPiece(at: end)
        if sawComma && commaPending {
            throw UserError(key: "error.script.empty_entry", ["what": what])
        }
        return values
    }

    /// One number, refusing NaN, infinities, values past ±1e30 and anything that is not a number.
    public static func number(_ text: some StringProtocol, what: String) throws(UserError) -> Float {
        try number(CommandWords.trimmed(Substring(text)), what: what, index: nil)
    }

    /// One number of a list (`what[index]` in messages), or a value on its own.
    private static func number(_ text: Substring, what: String, index: Int?) throws(UserError) -> Float {
        if isPlainNumber(text), let value = Float(text) {
            guard value.isFinite, abs(value) <= largestMagnitude else {
                throw outOfRange(what: name(what, index), text: String(text))
            }
            return value
        }
        let shown = EchoText.printable(text)
        let lower = text.lowercased()
        if lower.contains("nan") || lower.contains("inf") {
            throw UserError(key: "error.script.not_finite", ["what": name(what, index), "text": shown])
        }
        throw UserError(key: "error.script.not_a_number", ["what": name(what, index), "text": shown])
    }

    private static func name(_ what: String, _ index: Int?) -> String {
        index.map { "\(what)[\($0)]" } ?? what
    }

    /// A value past ±1e30 (typed, or reached by nudging).
    public static func outOfRange(what: String, text: String) -> UserError {
        UserError(key: "error.script.out_of_range", ["what": what, "text": EchoText.printable(text)])
    }

    /// `Float.init` also accepts "nan", "inf" and hexadecimal floats; people mean none of those.
    private static func isPlainNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
    }

    /// Checks a vector's length against what the cell needs.
    public static func expectCount(_ values: [Float], _ count: Int, what: String) throws(UserError) {
        guard values.count == count else {
            let arguments = ["what": what, "count": String(count), "got": String(values.count)]
            throw UserError(key: count == 1 ? "error.script.count_one" : "error.script.count", arguments)
        }
    }
}
