import Foundation
import GRUCore
import Script
@testable import Teaching

/// Numbers as they appear in explanations, read back for comparison.
struct SpelledNumber: Equatable {
    var value: Double
    var isPercent: Bool
    /// Half of the last written digit: how far the spelled value may be from the true one.
    var tolerance: Double
}

enum TestText {
    /// Every number in a text, in order: `-0.40`, `50%`, `1.2e-05`, `4`.
    static func numbers(in text: String) -> [SpelledNumber] {
        let pattern = #"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?%?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard let r = Range(match.range, in: text) else { return nil }
            return spelled(String(text[r]))
        }
    }

    /// One spelled number, or nil when it is not one.
    static func spelled(_ token: String) -> SpelledNumber? {
        var text = token.trimmingCharacters(in: .whitespaces)
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() }
        guard let value = Double(text) else { return nil }
        let tolerance: Double
        if let e = text.lowercased().firstIndex(of: "e") {
            let mantissa = text[..<e]
            let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
            tolerance = 0.5 * pow(10, -Double(decimals)) * abs(value / (Double(mantissa) ?? 1)) + 1e-12
        } else {
            let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
            tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-9
        }
        return SpelledNumber(value: value, isPercent: isPercent, tolerance: tolerance)
    }

    /// Whether a spelled number stands for a true value.
    static func matches(_ number: SpelledNumber, _ truth: Float, percent: Bool = false) -> Bool {
        let target = percent ? Double(truth) * 100 : Double(truth)
        return number.isPercent == percent && abs(number.value - target) <= number.tolerance * 1.0001 + 1e-7
    }
}

enum TestSessions {
    /// The article's worked example with both gates computed.
    static func seedDocComputed() throws -> Session {
        var session = try Session(scene: .seedDoc)
        try session.unpin()
        return session
    }

    /// Sessions covering both reset rules, pins, zero and negative states and several weights.
    static func variety() throws -> [(String, Session)] {
        var result: [(String, Session)] = []
        let doc = try Session(scene: .seedDoc)
        result.append(("seed-doc", doc))
        var docAfter = doc
        try docAfter.setResetAfter(true)
        result.append(("seed-doc reset after", docAfter))
        var computed = try seedDocComputed()
        try computed.step(3)
        result.append(("seed-doc computed, t=3", computed))
        var code = try Session(scene: .seedCode)
        result.append(("seed-code", code))
        try code.setH([-0.9, 0.4, 0, -2.5, 1.1])
        try code.setResetAfter(true)
        result.append(("seed-code negative h, reset after", code))
        var torch = try Session(scene: .seedDoc)
        try torch.setVariant(.pytorch)
        try torch.setH([1, -2, 0, 1, 4, -3])
        result.append(("pytorch", torch))
        var keras = try Session(scene: .seedCode)
        try keras.setVariant(.keras)
        try keras.setH([0.3, -0.7, 0.2, 0.9, -0.1])
        try keras.step(2)
        result.append(("keras", keras))
        var large = try Session(scene: .seedCode)
        try large.resize(inputSize: 9, hiddenSize: 12)
        try large.setX([1, -2, 3, -4, 5, 0, 0.5, -0.5, 2])
        try large.step(2)
        result.append(("I=9 H=12", large))
        return result
    }
}
