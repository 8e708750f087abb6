/// Numbers right-aligned in a fixed number of columns that never overflow them.
///
/// The rule, tried in order until something fits:
/// 1. fixed point with `decimals` decimals, then fewer, down to none (`" 0.123"`, `"-12.35"`);
/// 2. scientific with two, one, then no mantissa decimals (`"1.2e+05"`, `"1e+05"`);
/// 3. `#` in every column, as spreadsheets do, so a too-narrow column is obvious.
///
/// NaN prints as `nan` and infinities as `inf` / `-inf` (or `#`s when even that is too wide).
/// Rounding is the one rule of ``FixedPointText`` (ties to even on the exact binary value, as the
/// stories round), and a value that rounds to zero prints without a minus sign. Formatting is done here rather than
/// with `String(format:)` so it is locale-free and cheap enough to run for every value every frame.
public enum NumberFormat {
    /// `value` right-aligned in exactly `width` columns (an empty string for `width ≤ 0`).
    public static func fit(_ value: Float, width: Int, decimals: Int = 3) -> String {
        guard width > 0 else { return "" }
        let decimals = min(max(decimals, 0), 9)
        if let text = fittedFixed(Double(value), width: width, decimals: decimals) { return text }
        return DisplayWidth.padded(fitted(Double(value), width: width, decimals: decimals), to: width, alignRight: true)
    }

    /// Rule 1 of ``fit(_:width:decimals:)`` (nearly every value on screen), measured in digits
    /// and written once into a string of exactly `width` bytes; nil when it needs the other rules.
    private static func fittedFixed(_ value: Double, width: Int, decimals: Int) -> String? {
        guard let fixed = FixedFit(value, width: width, decimals: decimals) else { return nil }
        return String(unsafeUninitializedCapacity: width) { bytes in
            fixed.write(into: bytes)
            return width
        }
    }

    /// Rule 1 of ``fit(_:width:decimals:)`` worked out in integers: the first number of
    /// decimals, from `decimals` down, whose fixed-point text fits `width` columns.
    public struct FixedFit {
        /// The value's magnitude in units of the last decimal, rounded.
        public let units: UInt64
        /// Decimals shown.
        public let decimals: Int
        /// Whether a minus sign is shown (not for a value that rounds to zero).
        public let isNegative: Bool
        /// Columns of the padded text.
        public let width: Int

        /// nil when no number of decimals fits (the caller goes on to scientific notation) or
        /// the value is not finite.
        public init?(_ value: Double, width: Int, decimals: Int) {
            guard value.isFinite, width > 0 else { return nil }
            for d in stride(from: decimals, through: 0, by: -1) {
                guard let exact = FixedPointText.units(abs(value), decimals: d), exact < 9_000_000_000_000_000 else { continue }
                let units = UInt64(exact)
                let isNegative = value < 0 && units != 0
                var whole = units / UInt64(powersOfTen[d])
                var length = (isNegative ? 1 : 0) + (d > 0 ? d + 1 : 0) + 1
                while whole >= 10 { whole /= 10; length += 1 }
                guard length <= width else { continue }
                self.units = units
                self.decimals = d
                self.isNegative = isNegative
                self.width = width
                return
            }
            return nil
        }

        /// Writes the text right-aligned into the first `width` bytes of `bytes`: decimals,
        /// point, whole digits and sign from the right, then spaces.
        public func write(into bytes: UnsafeMutableBufferPointer<UInt8>) {
            let unit = UInt64(powersOfTen[decimals])
            var i = width - 1
            var fraction = units % unit
            for _ in 0..<decimals {
                bytes[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                i -= 1
            }
            if decimals > 0 { bytes[i] = UInt8(ascii: "."); i -= 1 }
            var digits = units / unit
            repeat {
                bytes[i] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                i -= 1
            } while digits > 0
            if isNegative { bytes[i] = UInt8(ascii: "-"); i -= 1 }
            while i >= 0 { bytes[i] = UInt8(ascii: " "); i -= 1 }
        }
    }

    /// The shortest faithful text for `value` with at most `decimals` decimals, without padding
    /// (used where the width is free, e.g. an edit buffer's starting text).
    public static func plain(_ value: Float, decimals: Int = 3) -> String {
        guard value.isFinite else { return special(Double(value)) }
        var text = fixed(Double(value), decimals: min(max(decimals, 0), 9)) ?? scientific(Double(value), mantissaDecimals: 3)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    private static func fitted(_ value: Double, width: Int, decimals: Int) -> String {
        guard value.isFinite else {
            let text = special(value)
            return text.count <= width ? text : String(repeating: "#", count: width)
        }
        for d in stride(from: decimals, through: 0, by: -1) {
            if let text = fixed(value, decimals: d), text.count <= width { return text }
        }
        for d in stride(from: 2, through: 0, by: -1) {
            let text = scientific(value, mantissaDecimals: d)
            if text.count <= width { return text }
        }
        return String(repeating: "#", count: width)
    }

    private static func special(_ value: Double) -> String {
        value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }

    private static let powersOfTen: [Double] = (0...18).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// Fixed-point text, or nil when the magnitude is too large to hold exactly as an integer.
    static func fixed(_ value: Double, decimals: Int) -> String? {
        guard abs(value) < 9e15 else { return nil }
        return FixedPointText.text(value, decimals: decimals)
    }

    /// Scientific text like `-1.25e-07` with a sign and at least two exponent digits.
    public static func scientific(_ value: Double, mantissaDecimals: Int) -> String {
        guard value != 0 else { return fixed(0, decimals: mantissaDecimals).map { $0 + "e+00" } ?? "0e+00" }
        var exponent = Int(log10Floor(abs(value)))
        var mantissa = abs(value) / pow10(exponent)
        let unit = powersOfTen[mantissaDecimals]
        if let units = FixedPointText.units(mantissa, decimals: mantissaDecimals), Double(units) >= 10 * unit {
            exponent += 1
            mantissa = abs(value) / pow10(exponent)
        } else if mantissa < 1 {
            exponent -= 1
            mantissa = abs(value) / pow10(exponent)
        }
        let digits = fixed(mantissa, decimals: mantissaDecimals) ?? "0"
        let magnitude = String(abs(exponent))
        let exponentText = (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        return (value < 0 ? "-" : "") + digits + "e" + exponentText
    }

    /// ⌊log10 x⌋ for x > 0 without Foundation.
    private static func log10Floor(_ x: Double) -> Int {
        var exponent = 0
        var scaled = x
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        return exponent
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result /= 10 }
        }
        return result
    }
}
