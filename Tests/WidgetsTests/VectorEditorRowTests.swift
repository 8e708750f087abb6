import Localization
import Testing
import Widgets

@Suite struct VectorEditorRowTests {
    func row(_ configure: (inout VectorEditorRow) -> Void = { _ in }, width: Int = 25) -> (Grid, (x: Int, y: Int)?) {
        var editor = VectorEditorRow(label: "x", labelWidth: 3, values: [0.5, -1, 2], cellWidth: 6)
        configure(&editor)
        var cursor: (x: Int, y: Int)?
        let grid = drawn(width: width) { cursor = editor.draw(in: $0.area, into: &$0) }
        return (grid, cursor)
    }

    @Test func layout() {
        let (grid, cursor) = row()
        #expect(grid.line(0) == "x    0.500 -1.000  2.000 ")
        #expect(cursor == nil)
        #expect(grid[0, 0].style == Style(.header, attributes: .bold))
    }

    @Test func visibleCount() {
        let editor = VectorEditorRow(label: "x", labelWidth: 3, values: Array(repeating: 0, count: 10), cellWidth: 6)
        #expect(editor.visibleCount(width: 25) == 3)
        #expect(editor.visibleCount(width: 24) == 2)
        #expect(editor.visibleCount(width: 3) == 0)
    }

    @Test func focusedSelectionGetsTheSelectionBackground() {
        let (grid, _) = row { $0.selection = 1; $0.isFocused = true }
        #expect(grid[11, 0].style.background == .selection)
        #expect(grid[4, 0].style.background == nil)
        #expect(grid[0, 0].style.foreground == .focus)
    }

    @Test func unfocusedSelectionIsUnderlined() {
        let (grid, _) = row { $0.selection = 1 }
        #expect(grid[11, 0].style.attributes.contains(.underline))
        #expect(grid[11, 0].style.background == nil)
    }

    @Test func scrollsToTheSelectionWithMarkers() {
        let (grid, _) = row {
            $0.values = (0..<10).map(Float.init)
            $0.selection = 5
            $0.decimals = 0
        }
        #expect(grid.line(0) == "x  ‹     3      4      5›")
        #expect(VectorEditorRow(label: "x", labelWidth: 3, values: Array(repeating: 0, count: 10), selection: 5, cellWidth: 6).scrolledOffset(width: 25) == 3)
    }

    @Test func moreOnTheRightOnly() {
        let (grid, _) = row {
            $0.values = (0..<10).map(Float.init)
            $0.selection = 0
            $0.decimals = 0
            $0.glyphs = .ascii
        }
        #expect(grid.line(0) == "x        0      1      2>")
    }

    @Test func editingShowsTheBufferAndCursor() {
        let (grid, cursor) = row {
            $0.selection = 1
            $0.isFocused = true
            $0.edit = EditBuffer("1.2", cursor: 1)
        }
        #expect(grid.line(0) == "x    0.500 1.2     2.000 ")
        #expect(cursor?.x == 12 && cursor?.y == 0)
        #expect(grid[12, 0].style.attributes.contains(.reverse))
        #expect(grid[11, 0].style == Style(.focus, background: .focus))
    }

    @Test func longEditBufferScrollsToTheCursor() {
        let (grid, cursor) = row {
            $0.selection = 0
            $0.edit = EditBuffer("-123.456789")
        }
        // The cursor sits after the text, so the cell shows its tail and a space for the cursor.
        #expect(grid.line(0).contains("56789 "))
        #expect(cursor?.x == 9)
    }

    @Test func longLabelsAreCut() {
        let (grid, _) = row { $0.label = "input" }
        #expect(grid.line(0).hasPrefix("in…"))
    }
}

@Suite struct EditBufferTests {
    @Test func editing() {
        var buffer = EditBuffer("0.5")
        #expect(buffer.cursor == 3)
        buffer.deleteBackward()
        buffer.insert("7")
        #expect(buffer.text == "0.7")
        buffer.moveToStart()
        buffer.insert("-")
        #expect(buffer.text == "-0.7")
        buffer.deleteForward()
        #expect(buffer.text == "-.7")
        buffer.moveToEnd()
        buffer.deleteForward()
        #expect(buffer.text == "-.7" && buffer.cursor == 3)
    }

    @Test func cursorStaysInside() {
        var buffer = EditBuffer("ab", cursor: 99)
        #expect(buffer.cursor == 2)
        buffer.moveRight()
        #expect(buffer.cursor == 2)
        buffer = EditBuffer("ab", cursor: -4)
        buffer.moveLeft()
        buffer.deleteBackward()
        #expect(buffer.cursor == 0 && buffer.text == "ab")
    }
}
