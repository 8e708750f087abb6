import Localization
import Testing
import Widgets

@Suite struct GateBarTests {
    func bar(_ value: Float, width: Int = 10, glyphs: Glyphs = .unicode) -> Grid {
        drawn(width: width) { GateBar(value: value, style: Style(.updateGate), glyphs: glyphs).draw(in: $0.area, into: &$0) }
    }

    @Test func zeroIsEmpty() {
        #expect(bar(0).line(0) == "          ")
    }

    @Test func halfFillsHalf() {
        #expect(bar(0.5).line(0) == "█████     ")
    }

    @Test func oneFillsAll() {
        #expect(bar(1).line(0) == "██████████")
    }

    @Test func eighthPrecision() {
        // 0.55 of 10 cells = 44 eighths: five full cells and a half.
        #expect(bar(0.55).line(0) == "█████▌    ")
        // 0.1125 of 10 cells = 9 eighths.
        #expect(bar(0.1125).line(0) == "█▏        ")
        #expect(bar(0.0625).line(0) == "▋         ")  // 5 eighths
    }

    @Test func tinyValuesRoundToNearestEighth() {
        // Below 1/16 of a cell nothing shows; from 1/16 on, a one-eighth sliver.
        #expect(bar(0.0005).line(0) == "          ")
        #expect(bar(0.007).line(0) == "▏         ")
    }

    @Test func filledCellsTakeTheStyleAndEmptyCellsTheTrack() {
        let grid = drawn(width: 4) {
            GateBar(value: 0.5, style: Style(.resetGate), trackStyle: Style(.dim, background: .dim)).draw(in: $0.area, into: &$0)
        }
        #expect(grid[0, 0].style == Style(.resetGate))
        #expect(grid[3, 0].style == Style(.dim, background: .dim))
    }

    @Test func valuesAboveOneClipWithAMarker() {
        #expect(bar(1.5).line(0) == "█████████»")
        #expect(bar(.infinity).line(0) == "█████████»")
        #expect(bar(1.5, glyphs: .ascii).line(0) == "#########>")
    }

    @Test func valuesBelowZeroShowAMarker() {
        #expect(bar(-0.2).line(0) == "«         ")
        #expect(bar(-.infinity, glyphs: .ascii).line(0) == "<         ")
    }

    @Test func notANumberIsMarkedInTheErrorRole() {
        let grid = bar(.nan)
        #expect(grid.line(0) == "?         ")
        #expect(grid[0, 0].style.foreground == .error)
    }

    @Test func asciiSteps() {
        #expect(bar(0.5, glyphs: .ascii).line(0) == "#####     ")
        #expect(bar(0.55, glyphs: .ascii).line(0) == "#####=    ")   // half a cell
        #expect(bar(0.52, glyphs: .ascii).line(0) == "#####-    ")   // 2 eighths: a sliver
        #expect(bar(0.5875, glyphs: .ascii).line(0) == "#####=    ") // 7 eighths
        #expect(bar(1, glyphs: .ascii).line(0) == "##########")
    }

    @Test func everyRowOfATallAreaGetsTheBar() {
        let grid = drawn(width: 4, height: 3) { GateBar(value: 0.5).draw(in: $0.area, into: &$0) }
        #expect(grid.text == "██\n██\n██")
    }

    @Test func drawsOnlyInsideItsArea() {
        var grid = Grid(width: 8, height: 1)
        grid.put("abcdefgh", x: 0, y: 0)
        GateBar(value: 1).draw(in: Rect(x: 2, y: 0, width: 3, height: 1), into: &grid)
        #expect(grid.line(0) == "ab███fgh")
    }
}
