import Testing
import Widgets

@Suite struct TableTests {
    let columns = [TableColumn("unit", width: 4, alignment: .right), TableColumn("r", width: 5)]

    func rows(_ count: Int) -> [[TableCell]] {
        (0..<count).map { [.text(String($0)), .gate(Float($0) / Float(max(1, count - 1)), Style(.resetGate))] }
    }

    @Test func headerAndRows() {
        let grid = drawn(width: 12, height: 4) { Table(columns: columns, rows: rows(3)).draw(in: $0.area, into: &$0) }
        #expect(grid.text == "unit r\n   0\n   1 ██▌\n   2 █████")
        #expect(grid[0, 0].style == Style(.header, attributes: .bold))
        #expect(grid[5, 2].style.foreground == .resetGate)
    }

    @Test func selectedRowGetsTheSelectionBackground() {
        let grid = drawn(width: 12, height: 4) { Table(columns: columns, rows: rows(3), selection: 1).draw(in: $0.area, into: &$0) }
        for x in 0..<12 { #expect(grid[x, 2].style.background == .selection) }
        #expect(grid[5, 2].style.foreground == .resetGate)
        #expect(grid[0, 1].style.background == nil)
    }

    @Test func scrollsToKeepTheSelectionVisible() {
        var result: (layout: TableLayout, offset: Int)?
        let grid = drawn(width: 12, height: 3) {
            result = Table(columns: columns, rows: rows(5), selection: 4, offset: 0).draw(in: $0.area, into: &$0)
        }
        #expect(result?.offset == 3)
        #expect(grid.line(1).hasPrefix("   3"))
        #expect(grid.line(2).hasPrefix("   4"))
    }

    @Test func columnsThatDoNotFitAreLeftOut() {
        let layout = TableLayout(columns: columns, area: Rect(x: 0, y: 0, width: 8, height: 3))
        #expect(layout.columnFrames.count == 1)
        #expect(layout.cellRect(column: 1, row: 0, offset: 0) == nil)
        let narrow = TableLayout(columns: columns, area: Rect(x: 0, y: 0, width: 2, height: 3))
        #expect(narrow.columnFrames == [TableLayout.ColumnFrame(x: 0, width: 2)])
    }

    @Test func growingColumnsShareTheRest() {
        let layout = TableLayout(
            columns: [TableColumn("u", width: 4), TableColumn("a", width: 2, grows: true), TableColumn("b", width: 2, grows: true)],
            area: Rect(x: 1, y: 0, width: 21, height: 3)
        )
        #expect(layout.columnFrames.map(\.width) == [4, 8, 7])
        #expect(layout.columnFrames.map(\.x) == [1, 6, 15])
    }

    @Test func cellsOfEveryKind() {
        let table = Table(
            columns: [TableColumn("a", width: 6, alignment: .right), TableColumn("b", width: 7), TableColumn("c", width: 5, alignment: .center)],
            rows: [
                [.number(-0.25), .signed(-0.5, scale: 1), .text("hi")],
                [.spans([TextSpan("x", style: Style(.kept))]), .signedIn(0.5, scale: 1, Style(.added)), .text("toolong")],
                [.empty],
            ]
        )
        let grid = drawn(width: 20, height: 4) { table.draw(in: $0.area, into: &$0) }
        #expect(grid.line(1) == "-0.250  ▐█│     hi  ")
        #expect(grid.line(2) == "x         │█▌  tool…")
        #expect(grid[0, 2].style.foreground == .kept)
        #expect(grid[11, 2].style.foreground == .added)
        #expect(grid.line(3).allSatisfy { $0 == " " })
    }

    @Test func withoutHeader() {
        let grid = drawn(width: 12, height: 2) { Table(columns: columns, rows: rows(2), showsHeader: false).draw(in: $0.area, into: &$0) }
        #expect(grid.text == "   0\n   1 █████")
    }
}
