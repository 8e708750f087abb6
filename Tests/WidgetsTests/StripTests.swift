import Localization
import Testing
import Widgets

@Suite struct StripTests {
    func strip(_ values: [Float], scale: StripScale, width: Int? = nil, cursor: Int? = nil, glyphs: Glyphs = .unicode) -> Grid {
        drawn(width: width ?? values.count) {
            Strip(values: values[...], scale: scale, role: .updateGate, cursorColumn: cursor, glyphs: glyphs).draw(in: $0.area, into: &$0)
        }
    }

    @Test func gatesRiseFromTheLowestToTheHighestBlockInEightEqualBins() {
        #expect(strip([0, 0.124, 0.125, 0.5, 0.874, 0.875, 1, 2, -1], scale: .unit).line(0) == "▁▁▂▅▇███▁")
    }

    @Test func signedValuesPutZeroBetweenTheFourthAndFifthBlock() {
        // −1 lowest, just below 0 is ▄, 0 and just above are ▅, +1 highest.
        #expect(strip([-1, -0.76, -0.01, 0, 0.01, 0.5, 1, 3], scale: .signed(bound: 1)).line(0) == "▁▁▄▅▅▇██")
        // The bound stretches the scale.
        #expect(strip([-2, 0, 2], scale: .signed(bound: 2)).line(0) == "▁▅█")
    }

    @Test func asciiShowsTheSameLevelsAsDensity() {
        #expect(strip([0, 0.2, 0.3, 0.45, 0.55, 0.7, 0.8, 1], scale: .unit, glyphs: .ascii).line(0) == ".:-=+*#@")
    }

    @Test func colourRepeatsTheShape() {
        let grid = strip([-0.9, -0.4, 0.05, 0.4, 0.9], scale: .signed(bound: 1))
        #expect(grid[0, 0].style == Style(.negative, attributes: .bold))
        #expect(grid[1, 0].style == Style(.negative))
        #expect(grid[2, 0].style == Style(.zeroLine))
        #expect(grid[3, 0].style == Style(.positive))
        #expect(grid[4, 0].style == Style(.positive, attributes: .bold))
        let gate = strip([0.05, 0.5, 0.99], scale: .unit)
        #expect(gate[0, 0].style.foreground == .zeroLine)
        #expect(gate[1, 0].style == Style(.updateGate))
        #expect(gate[2, 0].style == Style(.updateGate, attributes: .bold))
    }

    @Test func theCursorColumnIsABandEvenPastTheValues() {
        let grid = strip([0.5, 0.5], scale: .unit, width: 4, cursor: 1)
        #expect(grid[1, 0].style.background == .selection)
        #expect(grid[0, 0].style.background == nil)
        let past = strip([0.5], scale: .unit, width: 4, cursor: 3)
        #expect(past.line(0) == "▅   ")
        #expect(past[3, 0].style.background == .selection)
    }

    @Test func notANumberIsMarked() {
        let grid = strip([.nan], scale: .unit)
        #expect(grid.line(0) == "?")
        #expect(grid[0, 0].style.foreground == .error)
    }

    @Test func magnitudesRunFromZeroToTheirBound() {
        #expect(strip([0, 0.5, 1, 2], scale: .magnitude(bound: 2)).line(0) == "▁▃▅█")
        // A bound of zero (every influence 0) counts as 1 rather than dividing by zero.
        #expect(strip([0, 0], scale: .magnitude(bound: 0)).line(0) == "▁▁")
    }

    @Test func plainTextStripsUseTheSameLevels() {
        #expect(Glyphs.unicode.strip([0, 0.5, 1, .nan], scale: .unit) == "▁▅█?")
        #expect(Glyphs.ascii.strip([-1, 0, 1], scale: .signed(bound: 1)) == ".+@")
    }

    @Test func rulerPlacesLabelsCaptionAndCursor() {
        let grid = drawn(width: 30) {
            StripRuler(labels: [(0, "0"), (10, "10"), (20, "20")], cursorColumn: 12, caption: "h · 1 step", glyphs: .unicode)
                .draw(in: $0.area, into: &$0)
        }
        // "20" would run into the caption, so it is left out; the cursor's mark wins its cell.
        #expect(grid.line(0) == "0         10▼       h · 1 step")
        #expect(grid[12, 0].style == Style(.focus, attributes: .bold))
        let ascii = drawn(width: 12) {
            StripRuler(labels: [(0, "0")], cursorColumn: 3, caption: "z", glyphs: .ascii).draw(in: $0.area, into: &$0)
        }
        #expect(ascii.line(0) == "0  v       z")
    }

    @Test func stripsNeverDrawOutsideTheirArea() {
        var grid = Grid(width: 5, height: 2)
        Strip(values: [1, 1, 1, 1, 1, 1, 1][...], scale: .unit, glyphs: .unicode).draw(in: Rect(x: 3, y: 1, width: 10, height: 1), into: &grid)
        #expect(grid.line(0) == "     ")
        #expect(grid.line(1) == "   ██")
        StripRuler(labels: [(0, "123456")], cursorColumn: 40, caption: "long caption", glyphs: .unicode).draw(in: Rect(x: -2, y: 0, width: 4, height: 1), into: &grid)
    }
}
