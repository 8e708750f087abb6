import Foundation

/// A small deterministic random number generator (SplitMix64), so that `--seed N` gives the
/// same weights on every machine, every run and every Swift version.
///
/// The standard library's generator is neither seedable nor stable across releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole output is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// A Float uniform on [low, high), built from the top 24 bits so every value is exact.
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        Self.uniform(bits: next(), low, high)
    }

    /// What ``uniform(_:_:)`` would return as draw number `index` (from 0) of a generator made
    /// with `seed`, without making the draws before it: the state after n draws is seed + n·γ.
    /// That lets initialisers write each weight straight to where it is stored, in any order.
    static func uniform(seed: UInt64, draw index: Int, _ low: Float, _ high: Float) -> Float {
        uniform(bits: mix(seed &+ (UInt64(truncatingIfNeeded: index) &+ 1) &* increment), low, high)
    }

    /// SplitMix64's γ, the golden-ratio step of the state.
    private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func mix(_ state: UInt64) -> UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func uniform(bits: UInt64, _ low: Float, _ high: Float) -> Float {
        let unit = Float(bits >> 40) / Float(1 << 24)
        return low + (high - low) * unit
    }

    /// A standard normal Float (Box–Muller), for orthogonal initialisation.
    public mutating func normal() -> Float {
        let u1 = Double(next() >> 11 | 1) / Double(1 << 53)
        let u2 = Double(next() >> 11) / Double(1 << 53)
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }
}
