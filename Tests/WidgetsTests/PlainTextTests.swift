import Localization
import Testing
import Widgets

@Suite struct PlainTextTests {
    /// How much of a bar plain text shows, in eighths of a cell, reading right-aligned blocks.
    func plainEighths(_ text: String) -> Int {
        text.reduce(0) { total, character in
            switch character {
            case "█": return total + 8
            case "▐": return total + 4
            case "▕": return total + 1
            default: return total
            }
        }
    }

    func negativeBar(_ value: Float, width: Int = 9, scale: Float = 1) -> Grid {
        drawn(width: width) { SignedBar(value: value, scale: scale, glyphs: .unicode).draw(in: $0.area, into: &$0) }
    }

    @Test func theRehearsalsBarsReadInOrder() {
        // Three cells a side at a scale of 1.28: −0.375 covers 7 eighths and −0.416 all 8. On
        // screen the first is ▏ in reverse video; as plain text it read as a sliver, "▏│", next
        // to "█│". Now both read as the almost-full cell they are.
        #expect(negativeBar(-0.375, width: 7, scale: 1.28).line(0) == "  ▏│   ")
        #expect(negativeBar(-0.375, width: 7, scale: 1.28).plainLine(0) == "  █│   ")
        #expect(negativeBar(-0.416, width: 7, scale: 1.28).plainLine(0) == "  █│   ")
        #expect(negativeBar(-0.1, width: 7, scale: 1.28).plainLine(0) == "  ▕│   ")
    }

    @Test func plainTextIsMonotonicAndCloseForEveryNegativeValue() {
        var last = 0
        for step in 0...64 {
            let value = -Float(step) / 64
            let shown = plainEighths(negativeBar(value, width: 17).plainLine(0))
            let exact = Int((Float(step) / 64 * 64).rounded())  // 8 cells a side: 64 eighths
            #expect(shown >= last, "\(value)")
            #expect(abs(shown - exact) <= 2, "\(value): \(shown) vs \(exact)")
            last = shown
        }
    }

    @Test func otherCellsAreTheScreensText() {
        var grid = Grid(width: 10, height: 2)
        grid.put("sel ▏", x: 0, y: 0, style: Style(.selection, attributes: .reverse))
        grid.put("你好", x: 0, y: 1)
        // Reverse video over a letter stays the letter; a reversed block becomes its complement.
        #expect(grid.plainText == "sel █\n你好")
        #expect(SignedBar(value: 0.5, scale: 1).value == 0.5)
        let positive = drawn(width: 9) { SignedBar(value: 0.4, scale: 1).draw(in: $0.area, into: &$0) }
        #expect(positive.plainText == positive.text)
    }
}
