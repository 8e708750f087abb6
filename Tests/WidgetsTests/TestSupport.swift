import Localization
import Widgets

/// Draws with `body` into a fresh grid and returns it.
func drawn(width: Int, height: Int = 1, _ body: (inout Grid) -> Void) -> Grid {
    var grid = Grid(width: width, height: height)
    body(&grid)
    return grid
}

/// The eighths of a cell a bar cell covers, reading reversed partial blocks as their complement.
func coveredEighths(_ cell: Cell) -> Int {
    let left: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8]
    switch cell.character {
    case "▕": return 1
    case "▐": return 4
    default:
        guard let e = left[cell.character] else { return 0 }
        return cell.style.attributes.contains(.reverse) ? 8 - e : e
    }
}

/// Every widget drawn into an area, for the “never crashes” tests.
func drawEveryWidget(in area: Rect, into grid: inout Grid, glyphs: Glyphs) {
    GateBar(value: 0.7, glyphs: glyphs).draw(in: area, into: &grid)
    SignedBar(value: -0.7, scale: 1, glyphs: glyphs).draw(in: area, into: &grid)
    SignedBar(value: 3, scale: 1, glyphs: glyphs).draw(in: area, into: &grid)
    TextPanel("你好 hello world 世界", glyphs: glyphs).draw(in: area, into: &grid)
    TextPanel("a b c d e f g h", scroll: 3, glyphs: glyphs).draw(in: area, into: &grid)
    VectorEditorRow(label: "x", values: [1, 2, 3, 4, 5, 6, 7, 8], selection: 7, isFocused: true, edit: EditBuffer("1.25"), glyphs: glyphs)
        .draw(in: area, into: &grid)
    VectorEditorRow(label: "h", values: [], selection: nil, glyphs: glyphs).draw(in: area, into: &grid)
    Table(
        columns: [TableColumn("unit", width: 4), TableColumn("r", width: 6, grows: true)],
        rows: [[.text("0"), .gate(0.5, Style(.resetGate))], [.number(1.5), .signed(-0.5, scale: 1)]],
        selection: 1, glyphs: glyphs
    ).draw(in: area, into: &grid)
    StatusLine(message: "hello there", hints: [KeyHint("q", "quit"), KeyHint("?", "help")], glyphs: glyphs).draw(in: area, into: &grid)
    MessageBox(title: "too small", message: "gruscope needs at least 80×24", glyphs: glyphs).draw(in: area, into: &grid)
    Frame(title: "cell", glyphs: glyphs).draw(in: area, into: &grid)
}
