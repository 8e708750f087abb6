import Localization
import Testing
import Widgets

@Suite struct TextLayoutTests {
    func lines(_ text: String, width: Int) -> [String] {
        TextLayout.wrap([TextSpan(text)], width: width).map(\.plainText)
    }

    @Test func wrapsAtSpaces() {
        #expect(lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(lines("the quick brown fox", width: 8) == ["the", "quick", "brown", "fox"])
    }

    @Test func spacesAtABreakAreDropped() {
        #expect(lines("aaaa    bbbb", width: 5) == ["aaaa", "bbbb"])
        #expect(lines("aaaaa bbbbb", width: 5) == ["aaaaa", "bbbbb"])
    }

    @Test func longWordsAreCut() {
        #expect(lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(lines("ab cdefghij", width: 4) == ["ab", "cdef", "ghij"])
    }

    @Test func newlinesBreakAndKeepIndentation() {
        #expect(lines("one\n  two\n\nthree", width: 20) == ["one", "  two", "", "three"])
    }

    @Test func cjkBreaksBetweenAnyTwoCharacters() {
        #expect(lines("你好世界你好", width: 5) == ["你好", "世界", "你好"])
        #expect(lines("你好世界你好", width: 4) == ["你好", "世界", "你好"])
        #expect(lines("门控单元", width: 6) == ["门控单", "元"])
    }

    @Test func cjkNeverSplitsAWideCharacter() {
        for width in 2...9 {
            for line in lines("重置门决定旧状态有多少进入候选状态。", width: width) {
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
        }
    }

    @Test func closingPunctuationStaysWithItsCharacter() {
        #expect(lines("你好世界。", width: 8) == ["你好世", "界。"])
    }

    @Test func mixedLatinAndCjk() {
        #expect(lines("GRU 的重置门 r", width: 8) == ["GRU 的重", "置门 r"])
    }

    @Test func stylesSurviveWrapping() {
        let spans = [TextSpan("reset gate ", style: Style(.resetGate)), TextSpan("update gate", style: Style(.updateGate))]
        let wrapped = TextLayout.wrap(spans, width: 12)
        #expect(wrapped.count == 2)
        #expect(wrapped[0] == [TextSpan("reset gate", style: Style(.resetGate))])
        #expect(wrapped[1] == [TextSpan("update gate", style: Style(.updateGate))])
    }

    @Test func wideCharacterInAOneColumnLineDoesNotLoop() {
        #expect(lines("你好", width: 1) == ["你", "好"])
        #expect(lines("abc", width: 0) == ["a", "b", "c"])
    }

    @Test func emptyText() {
        #expect(lines("", width: 10) == [""])
    }

    @Test func truncateAddsAnEllipsis() {
        #expect(TextLayout.truncate("hello world", width: 8) == "hello w…")
        #expect(TextLayout.truncate("hello", width: 5) == "hello")
        #expect(TextLayout.truncate("hello", width: 0) == "")
        #expect(TextLayout.truncate("你好世界", width: 6) == "你好…")
        #expect(TextLayout.truncate("你好世界", width: 5) == "你好…")
        #expect(TextLayout.truncate("hello world", width: 8, ellipsis: "...") == "hello...")
        #expect(TextLayout.truncate("hello world", width: 2, ellipsis: "...") == "..")
    }
}

@Suite struct TextPanelTests {
    @Test func drawsWrappedText() {
        let grid = drawn(width: 10, height: 3) { TextPanel("the quick brown fox").draw(in: $0.area, into: &$0) }
        #expect(grid.text == "the quick\nbrown fox\n")
    }

    @Test func cutShortWithAnEllipsis() {
        var count = 0
        let grid = drawn(width: 10, height: 2) { count = TextPanel("one two three four five six seven").draw(in: $0.area, into: &$0) }
        #expect(grid.text == "one two\nthree fou…")
        #expect(count == 4)
    }

    @Test func asciiEllipsis() {
        let grid = drawn(width: 10, height: 1) { TextPanel("one two three four", glyphs: .ascii).draw(in: $0.area, into: &$0) }
        #expect(grid.text == "one two...")
    }

    @Test func scrolls() {
        let grid = drawn(width: 4, height: 2) { TextPanel("aa bb cc dd", scroll: 2).draw(in: $0.area, into: &$0) }
        #expect(grid.text == "cc\ndd")
        #expect(TextPanel.lineCount([TextSpan("aa bb cc dd")], width: 4) == 4)
    }

    @Test func cjkEllipsisDoesNotSplitWideCharacters() {
        let grid = drawn(width: 5, height: 1) { TextPanel("你好世界你好").draw(in: $0.area, into: &$0) }
        #expect(grid.text == "你好…")
    }

    @Test func keepsStyles() {
        let grid = drawn(width: 20, height: 1) {
            TextPanel([TextSpan("r ", style: Style(.resetGate)), TextSpan("z", style: Style(.updateGate))]).draw(in: $0.area, into: &$0)
        }
        #expect(grid[0, 0].style == Style(.resetGate))
        #expect(grid[2, 0].style == Style(.updateGate))
    }
}

/// Cutting the middle out of a long text (a path), by display width.
@Suite struct TruncateMiddleTests {
    @Test func bothEndsStay() {
        let path = "/home/teacher/classes/2026/autumn/gru-week/inputs/the-cat-sat-on-the-mat.npy"
        let cut = TextLayout.truncateMiddle(path, width: 40)
        #expect(DisplayWidth.of(cut) == 40)
        #expect(cut == "/home/teacher/class…t-sat-on-the-mat.npy")
        #expect(cut.contains("…"))
        #expect(TextLayout.truncateMiddle(path, width: 40, ellipsis: "...").contains("..."))
    }

    @Test func shortTextIsLeftAlone() {
        #expect(TextLayout.truncateMiddle("inputs a.csv", width: 12) == "inputs a.csv")
        #expect(TextLayout.truncateMiddle("anything", width: 0) == "")
        #expect(TextLayout.truncateMiddle("abcdef", width: 1) == "…")
    }

    @Test func wideCharactersAreMeasuredByColumns() {
        let text = "/数据/课程/循环神经网络/输入/句子.npy"
        for width in 1...DisplayWidth.of(text) {
            let cut = TextLayout.truncateMiddle(text, width: width)
            #expect(DisplayWidth.of(cut) <= width, "\(width): \(cut)")
            #expect(DisplayWidth.of(cut) >= width - 1, "\(width): \(cut)")
        }
    }
}
