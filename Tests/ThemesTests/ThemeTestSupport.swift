import Foundation
import Themes
import Widgets

/// The repository's `themes` folder, found from this file.
let themesDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

let shippedThemeNames = ["default", "light", "high-contrast", "mono", "okabe-ito"]

/// A fresh temporary folder.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "gruscope-themes-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Parses `text` as if it were `themes/bad.toml`, returning the error (nil if it parsed).
func parseError(_ text: String, file: String = "themes/bad.toml") -> ThemeError? {
    do {
        _ = try Theme.parse(text, file: file)
        return nil
    } catch {
        return error
    }
}

/// A small screen using every role, for resolution and SVG tests.
func demoGrid() -> Grid {
    var grid = Grid(width: 44, height: 8)
    grid.put("gruscope <x&h> 你好", x: 0, y: 0, style: Style(.header, attributes: .bold))
    let table = Table(
        columns: [TableColumn("u", width: 2, alignment: .right), TableColumn("r", width: 6), TableColumn("z", width: 6), TableColumn("h'", width: 11), TableColumn("", width: 6)],
        rows: [
            [.text("0", Style(.dim)), .gate(0.3, Style(.resetGate)), .gate(0.8, Style(.updateGate)), .signed(-0.35, scale: 1), .number(-0.35)],
            [.text("1", Style(.dim)), .gate(0.9, Style(.resetGate)), .gate(0.1, Style(.updateGate)), .signed(0.6, scale: 1), .number(0.6)],
            [.text("2", Style(.dim)), .gate(0.5, Style(.resetGate)), .gate(0.5, Style(.updateGate)), .signedIn(1.4, scale: 1, Style(.newState)), .number(1.4)],
        ],
        selection: 1
    )
    table.draw(in: Rect(x: 0, y: 1, width: 44, height: 4), into: &grid)
    grid.put("kept", x: 0, y: 5, style: Style(.kept))
    grid.put("candidate", x: 5, y: 5, style: Style(.candidate))
    grid.put("added", x: 15, y: 5, style: Style(.added))
    grid.put("focus", x: 21, y: 5, style: Style(.focus, background: .focus))
    VectorEditorRow(label: "x", labelWidth: 2, values: [0.5, -1, 2], selection: 1, isFocused: true, cellWidth: 6).draw(in: Rect(x: 0, y: 6, width: 44, height: 1), into: &grid)
    StatusLine(message: "bad theme", messageStyle: Style(.error, attributes: .bold), hints: [KeyHint("q", "quit")]).draw(in: Rect(x: 0, y: 7, width: 44, height: 1), into: &grid)
    return grid
}
