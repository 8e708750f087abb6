import Foundation
import Localization
import Testing
import Widgets

@Suite struct MixLineTests {
    func drawnLine(_ line: MixLine, width: Int = 40, height: Int = 3) -> Grid {
        drawn(width: width, height: height) { line.draw(in: $0.area, into: &$0) }
    }

    /// The column of the h′ marker in the line row.
    func markerColumn(_ grid: Grid, row: Int, glyphs: Glyphs = .unicode) -> Int? {
        let marker: Character = glyphs == .unicode ? "◆" : "*"
        return (0..<grid.width).first { grid[$0, row].character == marker }
    }

    @Test func threeRowsShowSharesLineAndValues() {
        // h = -0.9, h̃ = 0.5, z = 0.75: h′ lies a quarter of the way from h to h̃.
        let line = MixLine(old: -0.9, candidate: 0.5, z: 0.75, new: -0.55)
        let grid = drawnLine(line)
        #expect(grid.line(1).hasPrefix("h ├"))
        #expect(grid.line(1).hasSuffix("┤ h̃"))
        // The track is 40 − 2 − 2 = 36 cells from column 2; a quarter of 35 is 8.75 → 9.
        #expect(markerColumn(grid, row: 1) == 2 + 9)
        #expect(grid.line(0).contains("1−z = 0.25"))
        #expect(grid.line(0).contains("z = 0.75"))
        #expect(grid.line(2).contains("h′ -0.550"))
        #expect(grid.line(2).hasPrefix("  -0.900"))
        #expect(grid.line(2).trimmingCharacters(in: .whitespaces).hasSuffix("0.500"))
        // The stretch h…h′ is the candidate's (heavy), h′…h̃ the update gate's (light).
        #expect(grid[5, 1].character == "━" && grid[5, 1].style.foreground == .candidate)
        #expect(grid[20, 1].character == "─" && grid[20, 1].style.foreground == .updateGate)
        #expect(grid[11, 1].style.foreground == .newState)
    }

    @Test func aLargerOldStateSitsOnTheRight() {
        // h = 0.8 > h̃ = -0.2: a number line puts h̃ on the left; h′ is 1−z = 0.1 of the way from h.
        let line = MixLine(old: 0.8, candidate: -0.2, z: 0.9, new: 0.7)
        let grid = drawnLine(line)
        #expect(grid.line(1).hasPrefix("h̃ ├"))
        #expect(grid.line(1).hasSuffix("┤ h"))
        // Track from column 2, 36 cells: 0.1 of 35 from the right end is 3.5 → column 2 + 35 − 4.
        #expect(markerColumn(grid, row: 1) == 2 + 35 - 4)
        #expect(grid[36, 1].character == "━")
        #expect(grid[20, 1].character == "─")
    }

    @Test(arguments: [Float(0), 0.1, 0.25, 0.5, 0.9, 1]) func theMarkerStandsWhereHPrimeIs(z: Float) {
        for (old, candidate) in [(Float(-1), Float(1)), (0.7, -0.3), (2, 1.5)] {
            let new = z * old + (1 - z) * candidate
            let line = MixLine(old: old, candidate: candidate, z: z, new: new)
            let grid = drawnLine(line, width: 60)
            let low = min(old, candidate), high = max(old, candidate)
            let trackStart = 2
            let trackWidth = 60 - 4
            let expected = trackStart + Int((Double((new - low) / (high - low)) * Double(trackWidth - 1)).rounded())
            let found = markerColumn(grid, row: 1)
            #expect(found.map { abs($0 - expected) <= 1 } == true, "h \(old) h̃ \(candidate) z \(z): \(String(describing: found)) vs \(expected)")
        }
    }

    @Test func asciiSpellsEveryLabelInASCII() {
        let grid = drawnLine(MixLine(old: -0.9, candidate: 0.5, z: 0.75, new: -0.55, glyphs: .ascii))
        #expect(grid.line(1).hasPrefix("h |"))
        #expect(grid.line(1).hasSuffix("| h~"))
        #expect(grid.line(0).contains("1-z = 0.25"))
        #expect(grid.line(2).contains("h' -0.550"))
        #expect(markerColumn(grid, row: 1, glyphs: .ascii) != nil)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII }, "\(grid.text)")
    }

    @Test func oneAndTwoRows() {
        let line = MixLine(old: -0.9, candidate: 0.5, z: 0.75, new: -0.55)
        let one = drawnLine(line, height: 1)
        #expect(one.line(0).hasPrefix("h -0.900 ├"))
        #expect(one.line(0).hasSuffix("┤ h̃ 0.500"))
        #expect(markerColumn(one, row: 0) != nil)
        let two = drawnLine(line, height: 2)
        #expect(markerColumn(two, row: 0) != nil)
        #expect(two.line(1).contains("h′ -0.550"))
        // Too narrow for a line: the mix in words.
        let narrow = drawnLine(line, width: 20, height: 1)
        #expect(narrow.line(0).hasPrefix("h′ -0.550 = 0.75·h"))
    }

    @Test func equalEndsNeedNoLine() {
        let grid = drawnLine(MixLine(old: 0, candidate: 0, z: 0.3, new: 0, sameEndsNote: "whatever z is"))
        #expect(grid.line(1).hasPrefix("h = h̃ = 0.000: h′ = 0.000 whatever z is"))
        #expect(markerColumn(grid, row: 1) == nil)
    }

    @Test func notANumberIsSaidNotDrawn() {
        let grid = drawnLine(MixLine(old: .nan, candidate: 0.5, z: 0.5, new: .nan))
        #expect(grid.line(0).hasPrefix("h = nan"))
        #expect(grid[0, 0].style.foreground == .error)
    }

    @Test func everySizeStaysInsideItsArea() {
        for width in 0...30 {
            for height in 0...4 {
                for glyphs in Glyphs.allCases {
                    var grid = Grid(width: 34, height: 6)
                    let area = Rect(x: 2, y: 1, width: width, height: height)
                    MixLine(old: 0.3, candidate: -0.8, z: 0.4, new: -0.36, glyphs: glyphs).draw(in: area, into: &grid)
                    for y in 0..<grid.height {
                        for x in 0..<grid.width where !area.contains(x: x, y: y) {
                            #expect(grid[x, y] == .blank, "\(width)×\(height) wrote (\(x), \(y))")
                        }
                    }
                }
            }
        }
    }
}
