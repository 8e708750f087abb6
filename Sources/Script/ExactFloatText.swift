/// A Float32's shortest spelling that reads back to the same value, byte for byte what Swift's
/// `Float.description` prints (`0.5`, `-0.0`, `1e-05`, `1.6777218e+07`), written straight into
/// bytes: a long `trace --format json` spells millions of numbers, and making a String for each
/// cost most of its time.
///
/// The digits are the shortest decimal inside the value's rounding interval (whose ends count
/// when the value's last bit is even, as round-to-nearest-even reads them back), and of those the
/// one nearest the value, the even one on a tie. They are found in integer arithmetic for every
/// value from about 4.3e-19 to 3.3e7 in magnitude (the binary exponents where the interval,
/// scaled by a power of ten, fits a 128-bit product); the rest (zero, subnormals, the extremes,
/// infinities and NaN) take `Float.description` itself. A test compares every Float32 of the
/// fast range with `description` (`GRUSCOPE_EXHAUSTIVE=1`) and a sample on every run.
public enum ExactFloatText {
    /// The most bytes a spelling takes (`-1.1754942e-38` is 14).
    public static let maximumLength = 16

    /// Writes the spelling of `value` at `out` (room for ``maximumLength`` bytes) and returns its
    /// length.
    @inlinable
    public static func write(_ value: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let bits = value.bitPattern
        let biased = Int((bits >> 23) & 0xFF)
        guard biased >= 66 && biased <= 151 else { return fallback(value, to: out) }
        return fast(bits: bits, biased: biased, to: out)
    }

    /// Appends the spelling of `value` to `bytes`.
    @inlinable
    public static func append(_ value: Float, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let count = write(value, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: count))
        }
    }

    /// The spelling as a String (for tests and single values).
    public static func string(_ value: Float) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @usableFromInline
    static func fallback(_ value: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        for byte in value.description.utf8 {
            out[count] = byte
            count += 1
        }
        return count
    }

    /// 5^p by squaring (p ≤ 27, so it fits; tables would cost a lazy-initialisation check per
    /// number).
    @inline(__always) @usableFromInline
    static func powerOfFive(_ p: Int) -> UInt64 {
        var result: UInt64 = 1, base: UInt64 = 5, rest = p
        while rest > 0 {
            if rest & 1 == 1 { result &*= base }
            base &*= base
            rest >>= 1
        }
        return result
    }

    /// ⌊y·5^p / 2^shift⌋ and whether the division left no remainder; `half` compares the
    /// remainder with half the divisor (−1, 0, 1).
    @inline(__always) @usableFromInline
    static func scaled(_ y: UInt64, five: UInt64, shift: Int) -> (quotient: UInt64, exact: Bool, half: Int) {
        let (high, low) = y.multipliedFullWidth(by: five)
        guard shift > 0 else { return (low, true, -1) }
        let quotient = (high << (64 - shift)) | (low >> shift)
        let remainder = low & ((1 << shift) - 1)
        let halfway = UInt64(1) << (shift - 1)
        return (quotient, remainder == 0, remainder < halfway ? -1 : (remainder == halfway ? 0 : 1))
    }

    @usableFromInline
    static func fast(bits: UInt32, biased: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if bits >> 31 != 0 {
            out[0] = UInt8(ascii: "-")
            length = 1
        }
        let fraction = UInt64(bits & 0x7F_FFFF)
        let mantissa = fraction | (1 << 23)
        // value = mantissa·2^(biased−150); the interval's ends and the value, in units of
        // 2^(biased−152), scaled by 10^p so that one unit is at least one integer step.
        let s = 152 - biased
        let p = ((s * 78913) >> 18) + 1
        let shift = s - p
        let five = powerOfFive(p)
        let even = mantissa & 1 == 0
        let lowerGap: UInt64 = fraction == 0 && biased > 1 ? 1 : 2
        let upper = scaled(4 * mantissa + 2, five: five, shift: shift)
        let lower = scaled(4 * mantissa - lowerGap, five: five, shift: shift)
        let exact = scaled(4 * mantissa, five: five, shift: shift)
        var high = upper.quotient
        if upper.exact && !even { high -= 1 }
        var low = lower.quotient + (lower.exact ? 0 : 1)
        if lower.exact && !even { low += 1 }
        // The most trailing zeros a number in [low, high] can have: scale the interval down
        // by ten while it still holds an integer.
        var zeros = 0, unit: UInt64 = 1
        while true {
            let nextLow = (low + 9) / 10, nextHigh = high / 10
            if nextLow > nextHigh { break }
            low = nextLow
            high = nextHigh
            zeros += 1
            unit &*= 10
        }
        // Of the two numbers of that many zeros around the value, the nearer (the even one on
        // a tie), unless it falls outside the interval.
        var below = exact.quotient
        for _ in 0..<zeros { below /= 10 }
        let twice = 2 * Int64(exact.quotient - below * unit) - Int64(unit)
        let order: Int
        if twice <= -2 { order = -1 }
        else if twice >= 1 { order = 1 }
        else if twice == 0 { order = exact.exact ? 0 : 1 }
        else { order = exact.exact ? -1 : exact.half }
        var digits = order < 0 || (order == 0 && below % 2 == 0) ? below : below + 1
        if digits < low { digits = below + 1 } else if digits > high { digits = below }
        var count = 1, bound: UInt64 = 10
        while count < 19 && digits >= bound {
            count += 1
            bound &*= 10
        }
        // The decimal exponent of the first digit.
        let exponent = count - 1 + zeros - p
        let scientific = exponent < -4 || (biased == 151 && fraction != 0)
        if scientific {
            length += writeDigits(digits, count: count, pointAfter: 1, to: out + length)
            out[length] = UInt8(ascii: "e")
            out[length + 1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            let magnitude = abs(exponent)
            out[length + 2] = UInt8(ascii: "0") + UInt8(magnitude / 10)
            out[length + 3] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            return length + 4
        }
        if exponent >= 0 {
            let whole = exponent + 1
            if count <= whole {
                length += writeDigits(digits, count: count, pointAfter: count, to: out + length)
                for _ in 0..<(whole - count) {
                    out[length] = UInt8(ascii: "0")
                    length += 1
                }
                out[length] = UInt8(ascii: ".")
                out[length + 1] = UInt8(ascii: "0")
                return length + 2
            }
            return length + writeDigits(digits, count: count, pointAfter: whole, to: out + length)
        }
        out[length] = UInt8(ascii: "0")
        out[length + 1] = UInt8(ascii: ".")
        length += 2
        for _ in 0..<(-exponent - 1) {
            out[length] = UInt8(ascii: "0")
            length += 1
        }
        return length + writeDigits(digits, count: count, pointAfter: count, to: out + length)
    }

    /// `count` decimal digits of `digits` with a point after the first `pointAfter` of them
    /// (none when that is all of them); returns the bytes written.
    @inline(__always) @usableFromInline
    static func writeDigits(
        _ digits: UInt64, count: Int, pointAfter: Int, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let total = count + (pointAfter < count ? 1 : 0)
        var rest = digits
        var at = total - 1
        for index in stride(from: count - 1, through: 0, by: -1) {
            out[at] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            at -= 1
            if index == pointAfter && pointAfter < count {
                out[at] = UInt8(ascii: ".")
                at -= 1
            }
        }
        return total
    }
}
