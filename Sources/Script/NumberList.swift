import Foundation
import Localization

/// Parsing of the numbers people type: `1 2 3`, `1,2,3`, `1, -2.5e-1, 3`.
public enum NumberList {
    /// The largest magnitude accepted for a value typed or read from a file. Beyond it a single
    /// product in the cell could overflow to infinity and poison the trace with NaN; ±1e30 still
    /// saturates every gate cleanly.
    public static let largestMagnitude: Float = 1e30

    /// The numbers in `text`, separated by commas and/or whitespace (brackets are tolerated, so a
    /// pasted `[1, 2, 3]` works). `what` names the vector in messages, e.g. `x` or `--h0`.
    public static func parse(_ text: some StringProtocol, what: String) throws(UserError) -> [Float] {
        var cleaned = String(text)
        if let first = cleaned.firstIndex(where: { !$0.isWhitespace }), cleaned[first] == "[" {
            cleaned.remove(at: first)
            if let last = cleaned.lastIndex(where: { !$0.isWhitespace }), cleaned[last] == "]" {
                cleaned.remove(at: last)
            }
        }
        let pieces = cleaned.split(whereSeparator: { $0 == "," || $0.isWhitespace })
        if cleaned.contains(",") {
            // "1,,2" or a trailing comma is a typo, not an empty value.
            let fields = cleaned.split(separator: ",", omittingEmptySubsequences: false)
            if fields.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw UserError(key: "error.script.empty_entry", ["what": what])
            }
        }
        var values: [Float] = []
        values.reserveCapacity(pieces.count)
        for (index, piece) in pieces.enumerated() {
            values.append(try number(piece, what: "\(what)[\(index)]"))
        }
        return values
    }

    /// One number, refusing NaN, infinities, values past ±1e30 and anything that is not a number.
    public static func number(_ text: some StringProtocol, what: String) throws(UserError) -> Float {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Float(trimmed), isPlainNumber(trimmed) else {
            let lower = trimmed.lowercased()
            if lower.contains("nan") || lower.contains("inf") {
                throw UserError(key: "error.script.not_finite", ["what": what, "text": trimmed])
            }
            throw UserError(key: "error.script.not_a_number", ["what": what, "text": trimmed])
        }
        guard value.isFinite, abs(value) <= largestMagnitude else {
            throw outOfRange(what: what, text: trimmed)
        }
        return value
    }

    /// A value past ±1e30 (typed, or reached by nudging).
    public static func outOfRange(what: String, text: String) -> UserError {
        UserError(key: "error.script.out_of_range", ["what": what, "text": text])
    }

    /// `Float.init` also accepts "nan", "inf" and hexadecimal floats; people mean none of those.
    private static func isPlainNumber(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    }

    /// Checks a vector's length against what the cell needs.
    public static func expectCount(_ values: [Float], _ count: Int, what: String) throws(UserError) {
        guard values.count == count else {
            let arguments = ["what": what, "count": String(count), "got": String(values.count)]
            throw count == 1
                ? UserError(key: "error.script.count_one", arguments)
                : UserError(key: "error.script.count", arguments)
        }
    }
}
