import Localization
import Testing
import Widgets

@Suite struct TinyAreaTests {
    static let areas: [Rect] = [
        Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 1, height: 1), Rect(x: 0, y: 0, width: 2, height: 1),
        Rect(x: 0, y: 0, width: 1, height: 3), Rect(x: 0, y: 0, width: 3, height: 3), Rect(x: 3, y: 3, width: 5, height: 5),
        Rect(x: -2, y: -1, width: 6, height: 3), Rect(x: 0, y: 0, width: 100, height: 100),
    ]

    @Test(arguments: areas, Glyphs.allCases) func widgetsNeverCrash(area: Rect, glyphs: Glyphs) {
        for size in [(0, 0), (1, 1), (4, 4)] {
            var grid = Grid(width: size.0, height: size.1)
            drawEveryWidget(in: area, into: &grid, glyphs: glyphs)
            #expect(grid.width == size.0)
        }
    }

    @Test func widgetsStayInsideTheirArea() {
        var grid = Grid(width: 30, height: 12)
        grid.fill(grid.area, with: Cell("."))
        let area = Rect(x: 5, y: 3, width: 12, height: 5)
        drawEveryWidget(in: area, into: &grid, glyphs: .unicode)
        for y in 0..<grid.height {
            for x in 0..<grid.width where !area.contains(x: x, y: y) {
                #expect(grid[x, y].character == ".", "(\(x), \(y))")
            }
        }
    }
}
