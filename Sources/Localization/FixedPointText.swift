/// The one rounding rule of every number gruscope shows (the table, the stories, lessons,
/// answers, exports): digits computed exactly from the binary value and rounded half to even, as
/// the C library's `printf` does, so `0.125` at two decimals is `0.12` everywhere; and a value
/// that rounds to zero is shown without a minus sign (`-0.001` at two decimals is `0.00`).
/// ``NumberFormat`` (fixed columns) and ``NumberText`` (prose) both round through ``units(_:decimals:)``.
enum FixedPointText {
    /// `value` with `decimals` decimals, or nil for what this does not cover (non-finite values,
    /// magnitudes of 2⁵³ or more, decimals outside 0...17), which the caller spells otherwise.
    static func text(_ value: Double, decimals: Int) -> String? {
        guard let units = units(abs(value), decimals: decimals) else { return nil }
        let power = UInt128(powersOfTen[decimals])
        var text = value.sign == .minus && units != 0 ? "-" : ""
        text += String(units / power)
        if decimals > 0 {
            let fraction = String(units % power)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// `magnitude` (≥ 0) in units of its last decimal, rounded by the rule above; nil outside
    /// what ``text(_:decimals:)`` covers.
    static func units(_ magnitude: Double, decimals: Int) -> UInt128? {
        guard magnitude.isFinite, magnitude >= 0, (0...17).contains(decimals), magnitude < 0x1p53 else { return nil }
        let value = magnitude
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
        return units
    }

    private static let powersOfTen: [UInt64] = (0...17).map { p in (0..<p).reduce(1) { r, _ in r * 10 } }
}
