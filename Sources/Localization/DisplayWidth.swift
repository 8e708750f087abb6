/// How many terminal columns a character takes: 2 for East Asian wide and fullwidth
/// characters, 0 for combining marks and controls, 1 otherwise.
///
/// This is a pure table rather than the C library's `wcwidth`, so the layout (and every
/// snapshot) is the same whatever locale the tests run under.
public enum DisplayWidth {
    /// The columns one character takes.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    /// The columns a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var columns = 0
        for scalar in text.unicodeScalars {
            guard StandaloneScalars.isStandalone(scalar.value) else {
                // Some scalar may join its neighbour: measure character by character.
                return text.reduce(0) { $0 + of($1) }
            }
            columns += of(scalar)
        }
        return columns
    }

    /// `text` padded with spaces to `width` columns (on the left when `alignRight`), measured
    /// by display width, so Chinese and combining marks line up; longer text is left as it is.
    public static func padded(_ text: some StringProtocol, to width: Int, alignRight: Bool = false) -> String {
        let spaces = width - of(text)
        guard spaces > 0 else { return String(text) }
        let padding = String(repeating: " ", count: spaces)
        return alignRight ? padding + text : text + padding
    }

    /// The columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // ASCII and Latin letters, nearly every cell, in one comparison.
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || (0x20D0...0x20FF).contains(v)
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 || (v > 0x115F && v < 0x2E80) { return false }
        return wideRanges.contains { $0.contains(v) }
    }
}
