import Localization
import Foundation
import Testing
@testable import Widgets

/// The compact cell and the grid's fast paths: every one must give exactly what the plain,
/// character-by-character way gives.
@Suite struct CellAndGridTests {
    @Test func aCellIsEightBytesOfPlainData() {
        #expect(MemoryLayout<Cell>.size == 8)
        #expect(MemoryLayout<Cell>.stride == 8)
        #expect(_isPOD(Cell.self))
    }

    @Test func singleScalarsAreTheirOwnCode() {
        #expect(Cell("a").code == 0x61)
        #expect(Cell("█").singleScalar == "█")
        #expect(Cell("a") == Cell(scalar: "a"))
        #expect(Cell("日").firstScalar == "日")
    }

    @Test func clustersRoundTripAndShareTheirCode() {
        for text in ["e\u{301}", "👍🏽", "🇩🇪", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", "👩‍👩‍👧‍👦", "\r\n"] {
            let character = Character(text)
            let cell = Cell(character)
            #expect(cell.singleScalar == nil, "\(text)")
            #expect(cell.code > 0x10FFFF)
            #expect(cell.character == character)
            #expect(String(cell.character).unicodeScalars.elementsEqual(text.unicodeScalars))
            #expect(cell.firstScalar == text.unicodeScalars.first)
            #expect(Cell(character) == cell)
        }
        #expect(Cell(Character("e\u{301}")) != Cell(Character("👍🏽")))
        var cell = Cell("x")
        cell.character = "e\u{301}"
        #expect(cell.character == "e\u{301}")
        cell.character = "y"
        #expect(cell.code == 0x79)
    }

    // MARK: put

    /// `put` as it was before the fast paths: character by character through the subscript.
    static func referencePut(_ text: String, into grid: inout Grid, x: Int, y: Int, style: Style, maxWidth: Int) -> Int {
        guard y >= 0, y < grid.height else { return 0 }
        let limit = min(grid.width, x &+ min(maxWidth, grid.width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, w == 2 { grid[column, y] = Cell(" ", style: style); column += 1 }
                break
            }
            if column >= 0 {
                if grid[column, y].isContinuation, column > 0 { grid[column - 1, y] = .blank }
                let after = column + w
                if after < grid.width, grid[after, y].isContinuation { grid[after, y] = .blank }
                grid[column, y] = Cell(character, style: style)
                if w == 2 { grid[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    static let pieces = ["a", "b", " ", "0", "9", ".", "-", "\t", "\n", "\r\n", "\u{7F}", "你", "好", "·", "─", "█", "é", "e\u{301}",
                         "👍🏽", "»", "。", "Ж", "\u{200B}", "\u{FE0F}", "ｱ", "\u{3099}"]

    /// A grid with wide characters scattered over it, so overwriting half of one is tested too.
    static func startingGrid(_ random: inout SystemRandomNumberGenerator) -> Grid {
        var grid = Grid(width: 12, height: 2)
        for _ in 0..<4 {
            _ = referencePut(Bool.random(using: &random) ? "你" : "ab", into: &grid, x: Int.random(in: -1...12, using: &random),
                             y: Int.random(in: 0...1, using: &random), style: Style(.kept), maxWidth: .max)
        }
        return grid
    }

    @Test func putMatchesCharacterByCharacterWriting() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let x = Int.random(in: -3...13, using: &random)
            let y = Int.random(in: -1...2, using: &random)
            let maxWidth = Bool.random(using: &random) ? Int.max : Int.random(in: -1...8, using: &random)
            let start = Self.startingGrid(&random)
            var fast = start, slow = start
            let written = fast.put(text, x: x, y: y, style: Style(.candidate), maxWidth: maxWidth)
            let expected = Self.referencePut(text, into: &slow, x: x, y: y, style: Style(.candidate), maxWidth: maxWidth)
            #expect(fast == slow, "\(text.debugDescription) at \(x),\(y) max \(maxWidth)")
            #expect(written == expected)
            var viaSubstring = start
            viaSubstring.put(text[...], x: x, y: y, style: Style(.candidate), maxWidth: maxWidth)
            #expect(viaSubstring == slow)
        }
    }

    @Test func putNumberMatchesPuttingItsText() {
        var random = SystemRandomNumberGenerator()
        let special: [Float] = [0, -0, .nan, .infinity, -.infinity, 0.0005, -0.0005, 0.9995, -0.9995, 99.99, 123456, -1e-30, 1e30, 9.9999]
        for n in 0..<5000 {
            let value = n < special.count ? special[n] : Float.random(in: -1...1, using: &random) * pow(10, Float.random(in: -4...9, using: &random))
            let width = Int.random(in: -1...12, using: &random)
            let decimals = Int.random(in: -1...10, using: &random)
            let x = Int.random(in: -3...10, using: &random)
            let start = Self.startingGrid(&random)
            var fast = start, slow = start
            let written = fast.put(number: value, width: width, decimals: decimals, x: x, y: 1, style: Style(.dim))
            let expected = slow.put(NumberFormat.fit(value, width: width, decimals: decimals), x: x, y: 1, style: Style(.dim), maxWidth: width)
            #expect(fast == slow, "\(value) width \(width) decimals \(decimals) at \(x)")
            #expect(written == expected)
        }
    }

    // MARK: changedColumns

    @Test func changedColumnsAreTheCellsThatDiffer() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var old = Self.startingGrid(&random)
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let x = Int.random(in: 0..<12, using: &random), y = Int.random(in: 0..<2, using: &random)
                switch Int.random(in: 0...3, using: &random) {
                case 0: new[x, y].character = "z"
                case 1: new[x, y].style = Style(.error, attributes: .bold)
                case 2: new[x, y].isContinuation.toggle()
                default: new[x, y].character = Character("e\u{301}")
                }
            }
            if Bool.random(using: &random) { swap(&old, &new) }
            for y in 0..<2 {
                let columns = Int.random(in: 0...14, using: &random)
                let expected = (0..<min(columns, 12)).filter { new[$0, y] != old[$0, y] }
                let runs = new.changedColumns(inRow: y, columns: columns, comparedWith: old)
                #expect(runs.flatMap { Array($0) } == expected)
                // Runs are maximal: neighbouring runs never touch.
                for (a, b) in zip(runs, runs.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
            }
        }
        let small = Grid(width: 3, height: 1)
        #expect(Grid(width: 4, height: 1).changedColumns(inRow: 0, columns: 4, comparedWith: small) == [0..<4])
        #expect(small.changedColumns(inRow: 5, columns: 3, comparedWith: small).isEmpty)
    }

    // MARK: Text measuring

    @Test func standaloneTextMeasuresAsCharacterByCharacter() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
            if StandaloneScalars.covers(text) {
                #expect(text.unicodeScalars.count == text.count, "\(text.debugDescription)")
            }
            for width in 0...6 {
                #expect(TextLayout.truncate(text, width: width) == Self.referenceTruncate(text, width: width), "\(text.debugDescription) \(width)")
            }
        }
    }

    static func referenceTruncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if text.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : String(ellipsis.prefix(width))
        let room = width - DisplayWidth.of(mark)
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + mark
    }

    @Test func carriageReturnLineFeedIsOneInvisibleCharacterWhenWrapping() {
        let lines = { (text: String) in TextLayout.wrap([TextSpan(text)], width: 10).map(\.plainText) }
        #expect(lines("ab\r\ncd") == ["abcd"])
        #expect(lines("你\r\n好") == ["你好"])
        #expect(lines("e\u{301}\nx") == ["e\u{301}", "x"])
    }
}

@Suite struct WrapLimitTests {
    @Test func theFirstLinesAreThoseOfTheWholeWrap() {
        let texts = ["the quick brown fox jumps over the lazy dog", "abcdefghijklmnopqrstuvwxyz abc", "你好世界你好世界。你好", "one\n\ntwo\n  three four five",
                     "aaaa    bbbb cccc", "", "x"]
        for text in texts {
            for width in 0...12 {
                let spans = [TextSpan(text, style: Style(.kept)), TextSpan(" tail end", style: Style(.dim))]
                let all = TextLayout.wrap(spans, width: width)
                for maxLines in 0...(all.count + 2) {
                    #expect(TextLayout.wrap(spans, width: width, maxLines: maxLines) == Array(all.prefix(maxLines)), "\(text) \(width) \(maxLines)")
                }
            }
        }
    }
}
