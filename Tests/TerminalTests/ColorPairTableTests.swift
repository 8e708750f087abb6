import Testing

@testable import Terminal

@Suite struct ColorPairTableTests {
    @Test func defaultOnDefaultIsPairZeroAndNeverAllocated() {
        var table = ColorPairTable(capacity: 64)
        #expect(table.pair(foreground: -1, background: -1) == .init(pair: 0, isNew: false))
        #expect(table.count == 0)
    }

    @Test func pairsAreHandedOutLazilyOncePerColourCombination() {
        var table = ColorPairTable(capacity: 64)
        #expect(table.pair(foreground: 1, background: -1) == .init(pair: 1, isNew: true))
        #expect(table.pair(foreground: 2, background: -1) == .init(pair: 2, isNew: true))
        #expect(table.pair(foreground: 1, background: -1) == .init(pair: 1, isNew: false))
        #expect(table.pair(foreground: -1, background: 1) == .init(pair: 3, isNew: true))
        #expect(table.count == 3)
    }

    @Test func runningOutGivesNilUntilReset() {
        var table = ColorPairTable(capacity: 3)  // pairs 1 and 2 only
        #expect(table.pair(foreground: 1, background: 0)?.pair == 1)
        #expect(table.pair(foreground: 2, background: 0)?.pair == 2)
        #expect(table.pair(foreground: 3, background: 0) == nil)
        #expect(table.pair(foreground: 1, background: 0) == .init(pair: 1, isNew: false))
        table.reset()
        #expect(table.count == 0)
        #expect(table.pair(foreground: 3, background: 0) == .init(pair: 1, isNew: true))
    }

    @Test func pairsAboveTheOldShortLimitAreUsed() {
        var table = ColorPairTable(capacity: 65_536)
        var last: Int32 = 0
        for foreground in Int32(0)..<256 {
            for background in Int32(0)..<200 {
                last = table.pair(foreground: foreground, background: background)?.pair ?? -1
            }
        }
        #expect(last == 51_200)
    }

    @Test func noColoursMeansNoPairs() {
        var table = ColorPairTable(capacity: 0)
        #expect(table.pair(foreground: 1, background: 2) == nil)
        #expect(table.pair(foreground: -1, background: -1)?.pair == 0)
    }
}
