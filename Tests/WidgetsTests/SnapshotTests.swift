import Localization
import Foundation
import Testing
import Widgets

@Suite struct GridSnapshotTests {
    @Test func textAndRuns() {
        var grid = Grid(width: 8, height: 3)
        grid.put("head", x: 0, y: 0, style: Style(.header, attributes: .bold))
        grid.put("plain", x: 0, y: 1)
        grid.put("你", x: 0, y: 2, style: Style(.kept, background: .selection, attributes: [.reverse, .bold]))
        let snapshot = GridSnapshot.render(grid)
        #expect(snapshot == """
            |head    |
            |plain   |
            |你      |
            --
            row 0: 0-3 header+bold, 4-7 text
            row 2: 0-1 kept on selection+bold+reverse, 2-7 text

            """)
    }

    @Test func singleColumnRuns() {
        var grid = Grid(width: 3, height: 1)
        grid.put("a", x: 1, y: 0, style: Style(.error))
        #expect(GridSnapshot.render(grid).hasSuffix("row 0: 0 text, 1 error, 2 text\n"))
    }

    @Test func plainTextExport() {
        var grid = Grid(width: 6, height: 2)
        grid.put("ab", x: 0, y: 0, style: Style(.error))
        grid.put("你好", x: 1, y: 1)
        #expect(grid.text == "ab\n 你好")
    }
}

@Suite struct SnapshotFileTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "gruscope-snapshot-\(UUID().uuidString)/sub/shot.txt"
    }

    @Test func missingFileIsRecordedAndReported() throws {
        let path = temporaryPath()
        let message = SnapshotFile.check(actual: "hello\n", path: path, environment: [:])
        #expect(message?.contains("recorded new snapshot") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
        #expect(SnapshotFile.check(actual: "hello\n", path: path, environment: [:]) == nil)
    }

    @Test func mismatchGivesALineDiff() throws {
        let path = temporaryPath()
        _ = SnapshotFile.check(actual: "a\nb\nc\n", path: path, environment: [:])
        let message = try #require(SnapshotFile.check(actual: "a\nB\nc\nd\n", path: path, environment: [:]))
        #expect(message.contains("line 2:\n- b\n+ B"))
        #expect(message.contains("line 4:\n- \n+ d") || message.contains("line 4:\n- (no line)\n+ d") || message.contains("+ d"))
        #expect(message.contains("GRUSCOPE_RECORD_SNAPSHOTS=1"))
        // The reference is left alone.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\nc\n")
    }

    @Test func recordingRewritesAndPasses() throws {
        let path = temporaryPath()
        _ = SnapshotFile.check(actual: "old\n", path: path, environment: [:])
        #expect(SnapshotFile.check(actual: "new\n", path: path, environment: ["GRUSCOPE_RECORD_SNAPSHOTS": "1"]) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func diffIsLimited() {
        let old = (0..<50).map(String.init).joined(separator: "\n")
        let new = (0..<50).map { "x\($0)" }.joined(separator: "\n")
        let diff = SnapshotFile.diff(expected: old, actual: new, limit: 3)
        #expect(diff.components(separatedBy: "line ").count == 4)
        #expect(diff.hasSuffix("more differences not shown"))
    }

    @Test func pathBesideTheTestFile() {
        #expect(SnapshotFile.path(named: "table", forTestFile: "/r/Tests/WidgetsTests/TableTests.swift") == "/r/Tests/Fixtures/snapshots/WidgetsTests/table.txt")
    }
}

/// A small screen in the style the app composes, kept as a reviewed snapshot file.
@Suite struct ScreenSnapshotTests {
    static func screen(glyphs: Glyphs) -> Grid {
        var grid = Grid(width: 48, height: 9)
        let (top, rest) = grid.area.splitTop(1)
        grid.put("gruscope · GRU cell", x: 0, y: top.y, style: Style(.header, attributes: .bold))
        let (body, status) = rest.splitBottom(1)
        let values: [(r: Float, z: Float, h: Float)] = [(0.12, 0.93, -0.41), (0.5, 0.5, 0.02), (0.97, 0.08, 1.3), (0.0, 1.0, -0.99)]
        let table = Table(
            columns: [
                TableColumn("unit", width: 4, alignment: .right), TableColumn("r", width: 8), TableColumn("z", width: 8),
                TableColumn("h'", width: 11), TableColumn("", width: 6, alignment: .right),
            ],
            rows: values.enumerated().map { index, v in
                [.text(String(index), Style(.dim)), .gate(v.r, Style(.resetGate)), .gate(v.z, Style(.updateGate)), .signedIn(v.h, scale: 1, Style(.newState)), .number(v.h)]
            },
            selection: 2, glyphs: glyphs
        )
        let (tableArea, editorArea) = body.splitBottom(2)
        table.draw(in: tableArea, into: &grid)
        VectorEditorRow(label: "x", values: [0.25, -1, 0.5, 2, 0, 0.75], selection: 3, isFocused: true, edit: EditBuffer("2.5"), cellWidth: 6, glyphs: glyphs)
            .draw(in: editorArea.splitTop(1).top, into: &grid)
        StatusLine(message: "editing x[3]", hints: [KeyHint("⏎", "set"), KeyHint("esc", "cancel"), KeyHint("q", "quit")], glyphs: glyphs).draw(in: status, into: &grid)
        return grid
    }

    @Test(arguments: Glyphs.allCases) func screen(glyphs: Glyphs) {
        let path = SnapshotFile.path(named: "screen-\(glyphs.rawValue)", forTestFile: #filePath)
        let message = SnapshotFile.check(actual: GridSnapshot.render(Self.screen(glyphs: glyphs)), path: path)
        #expect(message == nil, "\(message ?? "")")
    }
}

@Suite struct GridASCIITests {
    @Test func textsFoldToASCIIAndWideCharactersStay() {
        var grid = Grid(width: 24, height: 1)
        _ = grid.put("h′ ∏z ‖∂h/∂x‖ −1 h̃ 单", x: 0, y: 0)
        grid.foldToASCII()
        #expect(grid.text.hasPrefix("h' Pz |dh/dx| -1 h 单"))
        #expect(grid.text.unicodeScalars.filter { !$0.isASCII }.map(String.init) == ["单"])
    }
}
