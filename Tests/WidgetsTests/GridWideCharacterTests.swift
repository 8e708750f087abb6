import Localization
import Testing
@testable import Widgets

@Suite struct GridWideCharacterTests {
    @Test func fillingOverHalfAWideCharacterClearsTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("ab中", x: 0, y: 0)
        #expect(grid[3, 0].isContinuation)
        grid.fill(Rect(x: 0, y: 0, width: 3, height: 1), with: Cell("x"))
        #expect(!grid[3, 0].isContinuation, "no orphaned right half")
        #expect(grid.line(0) == "xxx   ")

        var other = Grid(width: 6, height: 1)
        other.put("中文", x: 0, y: 0)
        other[1, 0] = Cell("|")
        #expect(other[0, 0].character == " ", "no orphaned left half")
        #expect(other.line(0) == " |文  ")
    }

    @Test func writingAWideCharacterOverAnotherKeepsTheGridConsistent() {
        var grid = Grid(width: 5, height: 1)
        grid.put("中文", x: 0, y: 0)
        grid.put("字", x: 1, y: 0)
        for x in 0..<5 where grid[x, 0].isContinuation {
            #expect(DisplayWidth.of(grid[x - 1, 0].character) == 2, "column \(x) continues a wide character")
        }
        #expect(grid.line(0) == " 字  ")
    }
}
