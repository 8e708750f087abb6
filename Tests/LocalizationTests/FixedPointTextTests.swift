import Foundation
import Testing
@testable import Localization

/// Numbers are spelled without Foundation's formatter; they must come out exactly as
/// `String(format:)` spells them, rounding ties to even and all, except that a value rounding to
/// zero has no minus sign (the one rule, ``FixedPointText``).
@Suite struct FixedPointTextTests {
    func check(_ value: Double, _ decimals: Int) {
        var expected = String(format: "%.\(decimals)f", value)
        if expected.hasPrefix("-"), expected.allSatisfy({ "-0.".contains($0) }) { expected.removeFirst() }
        #expect(NumberText.fixed(value, decimals: decimals) == expected, "\(value) at \(decimals)")
        if let fast = FixedPointText.text(value, decimals: decimals) { #expect(fast == expected, "\(value) at \(decimals)") }
    }

    @Test func tiesRoundToEven() {
        for (value, decimals) in [(0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (0.125, 2), (0.375, 2), (2.675, 2), (1.005, 2), (0.045, 2)] {
            check(value, decimals)
        }
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.12")
        #expect(NumberText.fixed(2.5, decimals: 0) == "2")
        // The columns round by the same rule.
        #expect(NumberFormat.fit(0.125, width: 4, decimals: 2) == "0.12")
        #expect(NumberFormat.fit(-0.375, width: 5, decimals: 2) == "-0.38")
        #expect(NumberFormat.fit(2.5, width: 1, decimals: 0) == "2")
        #expect(NumberFormat.plain(0.0625, decimals: 3) == "0.062")
    }

    @Test func signsAndZeros() {
        for value in [0.0, -0.0, -0.001, 0.001, -0.004, 1e-300, -1e-300, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude] {
            for decimals in 0...9 { check(value, decimals) }
        }
        #expect(NumberText.fixed(-0.0, decimals: 0) == "0")
        #expect(NumberText.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-0.006, decimals: 2) == "-0.01")
    }

    @Test func largeAndOutOfRangeValues() {
        for value in [9007199254740991.0, 9007199254740992.0, 1e17, 123456789.987654321, -99999.99999, .infinity, -.infinity, .nan, 1e300] {
            for decimals in [0, 1, 2, 9] { check(value, decimals) }
        }
        check(1.25, -1)
        check(1.25, 18)
    }

    @Test func randomValuesMatchTheCLibrary() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let magnitude = pow(10, Double.random(in: -8...9, using: &random))
            let value = Double.random(in: -1...1, using: &random) * magnitude
            check(value, Int.random(in: 0...9, using: &random))
            // Floats widened, as the explanations pass them.
            check(Double(Float(value)), Int.random(in: 0...4, using: &random))
            // Values on exact binary fractions, where ties happen.
            check(Double(Int.random(in: -4000...4000, using: &random)) / 64, Int.random(in: 0...6, using: &random))
        }
    }
}
