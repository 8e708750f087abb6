/// Text whose every Unicode scalar is a character of its own, so that it can be measured and
/// drawn scalar by scalar instead of through grapheme breaking, which costs far more.
///
/// A scalar stands alone when no grapheme rule joins it to a neighbour: no combining marks,
/// joiners, variation selectors, prepended or spacing marks, regional indicators or Hangul
/// jamo. The ranges below hold only such scalars (plus controls other than CR, which the rules
/// always break around); anything outside them sends the text the slow, exact way. They cover
/// Latin, Greek and Cyrillic letters, punctuation, arrows, maths, box drawing and blocks, and
/// CJK ideographs, kana and punctuation: every text gruscope draws in English or Chinese.
public enum StandaloneScalars {
    /// Whether every scalar of `text` is a character of its own.
    public static func covers(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { isStandalone($0.value) }
    }

    /// Whether a scalar never joins a neighbour into one character.
    public static func isStandalone(_ v: UInt32) -> Bool {
        if v < 0x300 { return v != 0x0D }
        switch v {
        case 0x370...0x482, 0x2010...0x205E, 0x2070...0x20CF, 0x2100...0x23FF, 0x2500...0x27BF,
             0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }
}
