import Testing
import Widgets

@Suite struct ScrollWindowTests {
    @Test func everythingFits() {
        #expect(ScrollWindow.offset(count: 5, visible: 10, selection: 4, previous: 3) == 0)
    }

    @Test func movesDownOnlyAsFarAsNeeded() {
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 9, previous: 0) == 0)
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 10, previous: 0) == 1)
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 50, previous: 0) == 41)
    }

    @Test func movesUpOnlyAsFarAsNeeded() {
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 45, previous: 41) == 41)
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 40, previous: 41) == 40)
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 0, previous: 41) == 0)
    }

    @Test func keepsAMarginOfContext() {
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 8, previous: 0, margin: 2) == 1)
        #expect(ScrollWindow.offset(count: 100, visible: 10, selection: 99, previous: 0, margin: 2) == 90)
        #expect(ScrollWindow.offset(count: 100, visible: 3, selection: 50, previous: 0, margin: 5) == 49)
    }

    @Test func previousOffsetIsClamped() {
        #expect(ScrollWindow.offset(count: 20, visible: 10, selection: nil, previous: 50) == 10)
        #expect(ScrollWindow.offset(count: 20, visible: 10, selection: nil, previous: -3) == 0)
        #expect(ScrollWindow.offset(count: 20, visible: 10, selection: nil, previous: 4) == 4)
    }

    @Test func selectionOutsideTheListIsClamped() {
        #expect(ScrollWindow.offset(count: 20, visible: 10, selection: 500, previous: 0) == 10)
        #expect(ScrollWindow.offset(count: 20, visible: 10, selection: -5, previous: 7) == 0)
    }

    @Test func degenerateSizes() {
        #expect(ScrollWindow.offset(count: 0, visible: 10, selection: 0, previous: 5) == 0)
        #expect(ScrollWindow.offset(count: 10, visible: 0, selection: 5, previous: 5) == 0)
        #expect(ScrollWindow.offset(count: 10, visible: -1, selection: 5) == 0)
    }

    @Test func ranges() {
        #expect(ScrollWindow.range(count: 20, visible: 5, offset: 3) == 3..<8)
        #expect(ScrollWindow.range(count: 4, visible: 5, offset: 0) == 0..<4)
        #expect(ScrollWindow.range(count: 0, visible: 5, offset: 2) == 0..<0)
    }
}
