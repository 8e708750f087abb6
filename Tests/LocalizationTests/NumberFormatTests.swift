import Testing
import Localization

@Suite struct NumberFormatTests {
    @Test func fixedPointExamples() {
        #expect(NumberFormat.fit(0.123, width: 6) == " 0.123")
        #expect(NumberFormat.fit(-12.345, width: 6) == "-12.35")
        #expect(NumberFormat.fit(0.5, width: 7) == "  0.500")
        #expect(NumberFormat.fit(1, width: 6, decimals: 0) == "     1")
        #expect(NumberFormat.fit(-0.9999, width: 6) == "-1.000")
    }

    @Test func fewerDecimalsBeforeScientific() {
        #expect(NumberFormat.fit(123.456, width: 6) == "123.46")
        #expect(NumberFormat.fit(123456, width: 6) == "123456")
        #expect(NumberFormat.fit(-12345, width: 6) == "-12345")
    }

    @Test func scientificWhenFixedCannotFit() {
        #expect(NumberFormat.fit(123_456_792, width: 7) == "1.2e+08")
        #expect(NumberFormat.fit(1_234_567, width: 6) == " 1e+06")
        #expect(NumberFormat.fit(-1_234_567, width: 8) == "-1234567")
        #expect(NumberFormat.fit(-12_345_678, width: 8) == "-1.2e+07")
        #expect(NumberFormat.fit(1.5e20, width: 9) == " 1.50e+20")
        #expect(NumberFormat.fit(9.99e9, width: 7) == "1.0e+10")
    }

    @Test func tooNarrowFillsWithHashes() {
        #expect(NumberFormat.fit(1_234_567, width: 4) == "####")
        #expect(NumberFormat.fit(12, width: 1) == "#")
        #expect(NumberFormat.fit(5, width: 1) == "5")
    }

    @Test func roundingToZeroDropsTheSign() {
        #expect(NumberFormat.fit(-0.0001, width: 6) == " 0.000")
        #expect(NumberFormat.fit(-0.0, width: 6) == " 0.000")
    }

    @Test func nonFiniteValues() {
        #expect(NumberFormat.fit(.nan, width: 6) == "   nan")
        #expect(NumberFormat.fit(.infinity, width: 6) == "   inf")
        #expect(NumberFormat.fit(-.infinity, width: 6) == "  -inf")
        #expect(NumberFormat.fit(-.infinity, width: 3) == "###")
        #expect(NumberFormat.fit(.nan, width: 2) == "##")
    }

    @Test func neverOverflowsItsWidth() {
        let values: [Float] = [
            0, 1, -1, 0.5, -0.5, 1e-30, -1e-30, 1e30, -1e30, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            .leastNonzeroMagnitude, 99.9999, -99.9999, 0.00049, 12345.678, .nan, .infinity, -.infinity,
        ]
        for value in values {
            for width in 0...12 {
                let text = NumberFormat.fit(value, width: width)
                #expect(text.count == width, "\(value) in \(width): \(text)")
            }
        }
    }

    @Test func plainTrimsZeros() {
        #expect(NumberFormat.plain(0.5) == "0.5")
        #expect(NumberFormat.plain(-2) == "-2")
        #expect(NumberFormat.plain(0.12345) == "0.123")
        #expect(NumberFormat.plain(.nan) == "nan")
    }
}
