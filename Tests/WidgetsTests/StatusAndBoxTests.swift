import Localization
import Testing
import Widgets

@Suite struct StatusLineTests {
    let hints = [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("t", "theme")]

    @Test func messageLeftHintsRight() {
        let grid = drawn(width: 30) { StatusLine(message: "ok", hints: hints).draw(in: $0.area, into: &$0) }
        #expect(grid.line(0) == "ok     q quit  ? help  t theme")
        #expect(grid[7, 0].style == Style(.header, attributes: .bold))
        #expect(grid[9, 0].style == Style(.dim))
    }

    @Test func hintsThatDoNotFitAreDropped() {
        let grid = drawn(width: 15) { StatusLine(message: "ok", hints: hints).draw(in: $0.area, into: &$0) }
        #expect(grid.line(0) == "ok       q quit")
    }

    @Test func longMessagesAreCutAndWinOverHints() {
        let message = "themes/bad.toml line 7: role 'kept': unknown colour 'tael'"
        let grid = drawn(width: 20) {
            StatusLine(message: message, messageStyle: Style(.error, attributes: .bold), hints: hints).draw(in: $0.area, into: &$0)
        }
        #expect(grid.line(0) == "themes/bad.toml lin…")
        #expect(grid[0, 0].style.foreground == .error)
    }

    @Test func newlinesInMessagesStayOnOneLine() {
        let grid = drawn(width: 12) { StatusLine(message: "a\nb").draw(in: $0.area, into: &$0) }
        #expect(grid.text == "a b")
    }
}

@Suite struct MessageBoxTests {
    @Test func centredWithAFrame() {
        let grid = drawn(width: 40, height: 9) {
            MessageBox(message: "gruscope needs at least 80×24").draw(in: $0.area, into: &$0)
        }
        let pad = String(repeating: " ", count: 3)
        let rule = String(repeating: "─", count: 31)
        let expected = ["", "", "", pad + "┌" + rule + "┐", pad + "│ gruscope needs at least 80×24 │", pad + "└" + rule + "┘", "", "", ""]
        #expect(grid.text == expected.joined(separator: "\n"))
    }

    @Test func wrapsLongMessages() {
        var box = Rect(x: 0, y: 0, width: 0, height: 0)
        let grid = drawn(width: 20, height: 6) {
            box = MessageBox(title: "size", message: "gruscope needs at least 80×24, this is 20×6", glyphs: .ascii).draw(in: $0.area, into: &$0)
        }
        #expect(box.width <= 20 && box.height <= 6)
        #expect(grid.line(0) == "+ size -----------+ ")
        #expect(grid.line(1) == "| gruscope needs  | ")
        #expect(grid.line(3) == "| this is 20×6    | ")
    }

    /// Ten lines in a box with room for four: it scrolls within them, the bottom edge says which
    /// lines show (only on a box keys scroll; the box widens for it), and a page keeps one line
    /// of the last page, whose end the ellipsis may have hidden.
    @Test func aTallTextScrolls() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        var box = MessageBox(message: text, maxWidth: 20, glyphs: .ascii)
        let area = Rect(x: 0, y: 0, width: 20, height: 6)
        #expect(box.scrolling(in: area) == (limit: 6, page: 3))
        #expect(drawn(width: 20, height: 6) { box.draw(in: area, into: &$0) }.line(5) == "    +---------+     ")
        box.isScrollable = true
        for (scroll, shown) in [(0, 1...4), (2, 3...6), (6, 7...10), (99, 7...10), (-5, 1...4)] {
            box.scroll = scroll
            let grid = drawn(width: 20, height: 6) { box.draw(in: area, into: &$0) }
            #expect(grid.line(1).contains("| line \(shown.lowerBound) "), "\(grid.text)")
            #expect(grid.line(4).contains(shown.upperBound == 10 ? "| line 10 " : "| line \(shown.upperBound)..."), "\(grid.text)")
            #expect(grid.line(5).contains(" \(shown.lowerBound)-\(shown.upperBound)/10 -+"), "\(grid.text)")
        }
        // One that fits has nothing to scroll and no position.
        let short = MessageBox(message: "one\ntwo", maxWidth: 20, glyphs: .ascii)
        #expect(short.scrolling(in: area).limit == 0)
        #expect(!drawn(width: 20, height: 6) { short.draw(in: area, into: &$0) }.text.contains("/2"))
    }

    @Test func tinyAreasDrawTextWithoutAFrame() {
        let grid = drawn(width: 4, height: 2) { MessageBox(message: "needs 80×24").draw(in: $0.area, into: &$0) }
        #expect(grid.text == "need\ns…")
    }
}
