/// The plain-ASCII spelling of the maths symbols gruscope's texts use, for `--ascii` and
/// locales that are not UTF-8 (`LANG=C`): every label, title and explanation passes through
/// ``Glyphs/text(_:)``, so a text is written once, in Unicode, and its ASCII form derives from
/// this one table.
///
/// `h̃ → h~`, `h′ → h'`, `z·h → z*h`, `(1−z) → (1-z)`, `‖h′ − h‖ → ||h' - h||`, `≤ → <=`,
/// `0.98¹⁰ → 0.98^10`, `→ → ->`, `σ → sigma`. A letter with a combining tilde keeps its letter and
/// gains `~`; other combining marks are dropped. Characters with no ASCII form (Chinese text
/// under `--ascii --lang zh`) stay as they are: they are words, not symbols.
public enum ASCIIText {
    /// `text` with every symbol of the table replaced.
    public static func of(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var inSuperscript = false
        var inSubscript = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                inSuperscript = false
                inSubscript = false
                out.unicodeScalars.append(scalar)
                continue
            }
            if let digit = superscriptDigit(scalar) {
                if !inSuperscript { out += "^" }
                inSuperscript = true
                out += digit
                continue
            }
            inSuperscript = false
            if let digit = subscriptDigit(scalar) {
                if !inSubscript { out += "_" }
                inSubscript = true
                out += digit
                continue
            }
            inSubscript = false
            if scalar == "\u{0303}" {  // combining tilde: h̃ → h~
                out += "~"
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let replacement = table[scalar] {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The symbol table (one scalar each; superscripts, subscripts and the tilde above).
    static let table: [Unicode.Scalar: String] = [
        "\u{2032}": "'", "\u{2033}": "''",          // ′ ″
        "\u{00B7}": "*", "\u{22C5}": "*", "\u{2299}": "*", "\u{00D7}": "x",  // · ⋅ ⊙ ×
        "\u{2212}": "-", "\u{2013}": "-", "\u{2014}": "--", "\u{2010}": "-", "\u{2011}": "-",  // − – — ‐ ‑
        "\u{2016}": "||",                           // ‖
        "\u{2264}": "<=", "\u{2265}": ">=", "\u{2248}": "~=", "\u{2260}": "!=", "\u{00B1}": "+/-",
        "\u{2192}": "->", "\u{2190}": "<-", "\u{2191}": "^", "\u{2193}": "v", "\u{2194}": "<->",
        "\u{21B6}": "<-", "\u{21B7}": "->",
        "\u{03C3}": "sigma", "\u{03A3}": "sum", "\u{220F}": "prod", "\u{2202}": "d", "\u{221A}": "sqrt",
        "\u{03B1}": "alpha", "\u{03B2}": "beta", "\u{0394}": "delta", "\u{03B4}": "delta",
        "\u{2026}": "...", "\u{22EF}": "...",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{2018}": "'", "\u{2019}": "'", "\u{00AB}": "<<", "\u{00BB}": ">>",
        "\u{2039}": "<", "\u{203A}": ">",
        "\u{25B6}": ">", "\u{25C0}": "<", "\u{25B2}": "^", "\u{25BC}": "v", "\u{25B8}": ">",
        "\u{25CF}": "*", "\u{25C6}": "*", "\u{25CB}": "o", "\u{2022}": "*",
        "\u{2502}": "|", "\u{2500}": "-", "\u{2501}": "=", "\u{2503}": "|",
        "\u{250C}": "+", "\u{2510}": "+", "\u{2514}": "+", "\u{2518}": "+",
        "\u{251C}": "+", "\u{2524}": "+", "\u{252C}": "+", "\u{2534}": "+", "\u{253C}": "+",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ",
        "\u{00B0}": " deg",
        "\u{2080}": "_0",
    ]

    private static func superscriptDigit(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\u{2070}": return "0"
        case "\u{00B9}": return "1"
        case "\u{00B2}": return "2"
        case "\u{00B3}": return "3"
        case "\u{2074}"..."\u{2079}": return String(scalar.value - 0x2070)
        case "\u{207B}": return "-"
        default: return nil
        }
    }

    private static func subscriptDigit(_ scalar: Unicode.Scalar) -> String? {
        guard ("\u{2080}"..."\u{2089}").contains(scalar) else { return nil }
        return String(scalar.value - 0x2080)
    }
}

extension Glyphs {
    /// A text in this glyph set: unchanged in Unicode, spelled with ``ASCIIText`` in ASCII.
    public func text(_ text: String) -> String {
        self == .unicode ? text : ASCIIText.of(text)
    }
}
