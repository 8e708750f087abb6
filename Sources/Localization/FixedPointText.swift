/// `String(format: "%.Nf", value)` without Foundation's formatter, which costs more than the
/// rest of an explanation: the same digits, computed exactly from the binary value and rounded
/// half to even, as the C library's `printf` does (so `0.125` at two decimals is `0.12`, and a
/// negative value that rounds to zero keeps its minus sign).
enum FixedPointText {
    /// The text, or nil for what this does not cover (non-finite values, magnitudes of 2⁵³ or
    /// more, decimals outside 0...17), which the caller formats the slow way.
    static func text(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, (0...17).contains(decimals), abs(value) < 0x1p53 else { return nil }
        // |value| = significand · 2^exponent exactly, the significand below 2⁵³.
        let bits = abs(value).bitPattern
        let biasedExponent = Int(bits >> 52)
        var significand = bits & (1 << 52 - 1)
        let exponent: Int
        if biasedExponent == 0 {
            exponent = -1074
        } else {
            significand |= 1 << 52
            exponent = biasedExponent - 1075
        }
        // |value| · 10^decimals below 2⁵³ · 10¹⁷ < 2¹¹⁰, so it fits in 128 bits.
        let power = UInt128(powersOfTen[decimals])
        let scaled = UInt128(significand) * power
        var units: UInt128
        if exponent >= 0 {
            units = scaled << exponent
        } else if -exponent > 120 {
            units = 0  // below one half of the last decimal
        } else {
            let shift = -exponent
            units = scaled >> shift
            let remainder = scaled & (UInt128(1) << shift - 1)
            let half = UInt128(1) << (shift - 1)
            if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
        }
        var text = value.sign == .minus ? "-" : ""
        text += String(units / power)
        if decimals > 0 {
            let fraction = String(units % power)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    private static let powersOfTen: [UInt64] = (0...17).map { p in (0..<p).reduce(1) { r, _ in r * 10 } }
}
