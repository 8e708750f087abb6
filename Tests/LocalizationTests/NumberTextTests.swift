import Testing
@testable import Localization

@Suite struct NumberTextTests {
    @Test func valuesNeverRoundToAFalseZero() {
        #expect(NumberText.value(0.8) == "0.80")
        #expect(NumberText.value(-0.398) == "-0.40")
        #expect(NumberText.value(0) == "0.00")
        #expect(NumberText.value(-0.0) == "0.00")
        #expect(NumberText.value(0.004) == "0.004")
        #expect(NumberText.value(-0.0001234) == "-0.00012")
        #expect(NumberText.value(-0.001) == "-0.001")
        #expect(NumberText.value(2_500_000) == "2.5e+06")
        #expect(NumberText.value(1.23456, decimals: 3) == "1.235")
    }

    @Test func percentagesNeverSay0Or100ForAShareInBetween() {
        #expect(NumberText.percent(0.8) == "80%")
        #expect(NumberText.percent(0) == "0%")
        #expect(NumberText.percent(1) == "100%")
        #expect(NumberText.percent(0.996) == "99.6%")
        #expect(NumberText.percent(0.0004) == "0.04%")
        #expect(NumberText.percent(0.99999994) == "99.99999%")
        #expect(NumberText.percent(-1.05) == "-105%")
    }

    @Test func listsReadNaturally() {
        #expect(NumberText.list(["0"], language: .en) == "0")
        #expect(NumberText.list(["0", "3"], language: .en) == "0 and 3")
        #expect(NumberText.list(["0", "3", "5"], language: .en) == "0, 3 and 5")
        #expect(NumberText.list(["0", "3", "5"], language: .zh) == "0、3 和 5")
        #expect(NumberText.list([], language: .en) == "")
        #expect(NumberText.signed(0.25) == "+0.25" && NumberText.signed(-1.9) == "-1.90" && NumberText.signed(0) == "0.00")
    }
}
