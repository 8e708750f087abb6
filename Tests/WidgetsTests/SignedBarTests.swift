import Localization
import Testing
import Widgets

@Suite struct SignedBarTests {
    func bar(_ value: Float, scale: Float = 1, width: Int = 11, glyphs: Glyphs = .unicode) -> Grid {
        drawn(width: width) { SignedBar(value: value, scale: scale, glyphs: glyphs).draw(in: $0.area, into: &$0) }
    }

    @Test func zeroShowsOnlyTheZeroLine() {
        #expect(bar(0).line(0) == "     │     ")
        #expect(bar(0).line(0).count == 11)
    }

    @Test func positiveGrowsRight() {
        #expect(bar(0.5).line(0) == "     │██▌  ")
        #expect(bar(1).line(0) == "     │█████")
    }

    @Test func negativeGrowsLeftWithRightAlignedEnds() {
        #expect(bar(-0.5).line(0) == "  ▐██│     ")   // 20 eighths: two full cells and a half
        #expect(bar(-1).line(0) == "█████│     ")
        #expect(bar(-0.225).line(0) == "   ▕█│     ")  // 9 eighths: one full cell and a sliver
    }

    @Test func negativePartialBlocksUseReverseVideo() {
        // 0.35 of 5 cells = 14 eighths: one full cell and 6/8, drawn as ▎ (2/8) reversed.
        let grid = bar(-0.35)
        #expect(grid.line(0) == "   ▎█│     ")
        #expect(grid[3, 0].style.attributes.contains(.reverse))
        #expect(!grid[4, 0].style.attributes.contains(.reverse))
        #expect(coveredEighths(grid[3, 0]) == 6)
    }

    @Test func bothSidesHaveTheSameLengthForOppositeValues() {
        for step in 0...40 {
            let value = Float(step) / 40
            let positive = bar(value)
            let negative = bar(-value)
            let right = (6..<11).reduce(0) { $0 + coveredEighths(positive[$1, 0]) }
            let left = (0..<5).reduce(0) { $0 + coveredEighths(negative[$1, 0]) }
            #expect(right == left, "value \(value)")
            #expect(right == Int((value * 40).rounded()))
        }
    }

    @Test func signStylesAndZeroLineRole() {
        let positive = bar(0.5)
        let negative = bar(-0.5)
        #expect(positive[6, 0].style.foreground == .positive)
        #expect(negative[4, 0].style.foreground == .negative)
        #expect(positive[5, 0].style.foreground == .zeroLine)
        let column = drawn(width: 11) { SignedBar(value: -0.5, scale: 1, style: Style(.kept)).draw(in: $0.area, into: &$0) }
        #expect(column[4, 0].style.foreground == .kept)
    }

    @Test func valuesBeyondTheScaleClipWithMarkers() {
        #expect(bar(2).line(0) == "     │████»")
        #expect(bar(-2).line(0) == "«████│     ")
        #expect(bar(.infinity).line(0) == "     │████»")
        #expect(bar(2, glyphs: .ascii).line(0) == "     |####>")
        #expect(bar(-2, glyphs: .ascii).line(0) == "<####|     ")
    }

    @Test func scaleIsShared() {
        #expect(bar(0.5, scale: 2).line(0) == "     │█▎   ")  // 0.25 of 5 cells = 10 eighths
    }

    @Test func zeroOrInvalidScaleKeepsZeroAndOverflowsTheRest() {
        #expect(bar(0, scale: 0).line(0) == "     │     ")
        #expect(bar(0.1, scale: 0).line(0) == "     │████»")
        #expect(bar(-0.1, scale: .nan).line(0) == "«████│     ")
    }

    @Test func notANumberSitsOnTheZeroLine() {
        let grid = bar(.nan)
        #expect(grid.line(0) == "     ?     ")
        #expect(grid[5, 0].style.foreground == .error)
    }

    @Test func evenWidthLeavesTheLastColumnBlank() {
        #expect(bar(1, width: 10).line(0) == "    │████ ")
        #expect(bar(-1, width: 10).line(0) == "████│     ")
    }

    @Test func asciiUsesTheSameStepsOnBothSides() {
        #expect(bar(0.55, glyphs: .ascii).line(0) == "     |##=  ")
        #expect(bar(-0.55, glyphs: .ascii).line(0) == "  =##|     ")
        #expect(bar(-0.42, glyphs: .ascii).line(0) == "  -##|     ") // 17 eighths: 2 full, 1 eighth
    }

    @Test func narrowWidths() {
        #expect(bar(0.5, width: 1).line(0) == "│")
        #expect(bar(0.5, width: 2).line(0) == "│ ")
        #expect(bar(1, width: 3).line(0) == " │█")
    }
}
