import GRUCore
import Testing
@testable import App

@Suite struct TimelineOptionsTests {
    @Test func theWholeSequenceShowsAtFirstAndZoomHalvesItDownToOneStepPerColumn() {
        var options = TimelineOptions()
        #expect(options.span(count: 40, columns: 74) == 40)
        #expect(options.span(count: 100_000, columns: 100) == 100_000)
        options.zoom = 1
        #expect(options.span(count: 100_000, columns: 100) == 50_000)
        #expect(options.span(count: 40, columns: 74) == 40)
        options.zoom = 12
        #expect(options.span(count: 100_000, columns: 100) == 100)
        #expect(!options.canZoomIn(count: 100_000, columns: 100))
        options.zoom = 0
        #expect(options.canZoomIn(count: 100_000, columns: 100))
        #expect(!options.canZoomIn(count: 40, columns: 74))
    }

    @Test func theWindowHoldsTheCursorAndTurnsPages() {
        var options = TimelineOptions()
        options.zoom = 3  // 1000 of 8000 steps
        #expect(options.window(count: 8000, columns: 100, cursor: 0) == 0..<1000)
        #expect(options.window(count: 8000, columns: 100, cursor: 999) == 0..<1000)
        // One step past the right edge: the cursor lands a quarter from the left.
        #expect(options.window(count: 8000, columns: 100, cursor: 1000) == 750..<1750)
        options.first = 750
        #expect(options.window(count: 8000, columns: 100, cursor: 749) == 0..<1000)
        options.first = 4000
        // One step before the left edge: it lands a quarter from the right.
        #expect(options.window(count: 8000, columns: 100, cursor: 3999) == 3250..<4250)
        // Never past the ends.
        #expect(options.window(count: 8000, columns: 100, cursor: 7999) == 7000..<8000)
        options.first = -5
        #expect(options.window(count: 8000, columns: 100, cursor: 0) == 0..<1000)
    }

    @Test func quantitiesCycleThroughEveryColumnOnce() {
        var options = TimelineOptions()
        var seen: [GateColumn] = []
        for _ in TimelineOptions.quantities {
            seen.append(options.quantity)
            options.cycleQuantity()
        }
        #expect(Set(seen) == Set(GateColumn.allCases))
        #expect(options.quantity == .newState)
    }
}
