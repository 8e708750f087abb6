import Localization
import Testing
import Widgets

/// Issue 10, crash 2: a combining mark typed into an editor trapped with "String index is out
/// of bounds", because the cursor counted the mark as a character of its own.
@Suite struct EditBufferGraphemeTests {
    /// Whether the buffer's characters are the text's own segmentation and the cursor is inside.
    static func isValid(_ buffer: EditBuffer) -> Bool {
        buffer.characters == Array(buffer.text) && (0...buffer.characters.count).contains(buffer.cursor)
    }

    @Test func aCombiningMarkJoinsTheLetterBeforeIt() {
        // `:a` + U+0301 + `b`: the repro from the issue.
        var buffer = EditBuffer()
        buffer.insert("a")
        buffer.insert("\u{301}")
        #expect(buffer.text == "a\u{301}" && buffer.count == 1 && buffer.cursor == 1)
        buffer.insert("b")
        #expect(buffer.text == "a\u{301}b" && buffer.cursor == 2)
        #expect(Self.isValid(buffer))
    }

    @Test func aMarkInAValueEditThenMoreDigits() {
        // `1` + U+0301 + `x` in a value.
        var buffer = EditBuffer("1")
        buffer.insert("\u{301}")
        buffer.insert("x")
        #expect(buffer.text == "1\u{301}x" && buffer.cursor == 2 && Self.isValid(buffer))
        buffer.deleteBackward()
        buffer.deleteBackward()
        #expect(buffer.text == "" && buffer.cursor == 0)
    }

    @Test func aLetterTypedBeforeALoneMarkTakesIt() {
        var buffer = EditBuffer("\u{301}b", cursor: 0)
        #expect(buffer.count == 2)
        buffer.insert("e")
        #expect(buffer.text == "e\u{301}b" && buffer.count == 2 && buffer.cursor == 1 && Self.isValid(buffer))
    }

    @Test func deletingBetweenPiecesThatJoinJoinsThem() {
        // A Hangul leading consonant and vowel make one syllable once nothing stands between them.
        var buffer = EditBuffer("\u{1100}x\u{1161}", cursor: 1)
        #expect(buffer.count == 3)
        buffer.deleteForward()
        #expect(buffer.text == "\u{1100}\u{1161}" && buffer.count == 1 && buffer.cursor == 1 && Self.isValid(buffer))
    }

    @Test func regionalIndicatorsPairAcrossTheWholeRun() {
        // Flags are pairs of regional indicators counted from the start of the run: one more
        // at the front regroups every pair after it.
        let fr = "\u{1F1EB}\u{1F1F7}", de = "\u{1F1E9}\u{1F1EA}"
        var buffer = EditBuffer(fr + de + fr + de, cursor: 0)
        #expect(buffer.count == 4)
        buffer.insert("\u{1F1FA}")
        // Nine indicators: four pairs and one left over, the new one paired with the F.
        #expect(buffer.count == 5 && buffer.cursor == 1 && Self.isValid(buffer))
        buffer.deleteBackward()
        #expect(buffer.count == 4 && buffer.cursor == 0 && Self.isValid(buffer))
    }

    @Test func emojiSequencesAndCRLF() {
        var buffer = EditBuffer("\r")
        buffer.insert("\n")
        #expect(buffer.count == 1 && Self.isValid(buffer))
        buffer = EditBuffer("\u{1F469}")
        buffer.insert("\u{200D}")
        buffer.insert("\u{1F4BB}")
        #expect(buffer.count == 1 && buffer.cursor == 1 && Self.isValid(buffer))
    }

    @Test func pastesAndCtrlU() {
        var buffer = EditBuffer("xyz", cursor: 1)
        buffer.insert(contentsOf: "\u{301}abc")
        #expect(buffer.text == "x\u{301}abcyz" && buffer.cursor == 4 && Self.isValid(buffer))
        buffer.deleteToStart()
        #expect(buffer.text == "yz" && buffer.cursor == 0)
    }

    @Test func theBufferHoldsAtMostItsLimit() {
        var buffer = EditBuffer(String(repeating: "7", count: EditBuffer.maximumCount + 10))
        #expect(buffer.count == EditBuffer.maximumCount && buffer.isFull)
        buffer.insert("8")
        #expect(buffer.count == EditBuffer.maximumCount)
        buffer.deleteBackward()
        buffer.insert(contentsOf: "abc")
        #expect(buffer.count == EditBuffer.maximumCount && buffer.text.hasSuffix("7a"))
    }

    @Test func randomEditsKeepTheBufferValid() {
        // The same check the fuzz target makes, over a fixed pseudo-random walk of pieces that
        // join in every way Unicode knows.
        let pieces: [String] = [
            "a", "e", "\u{301}", "\u{308}", "\u{1F1EB}", "\u{1F1F7}", "\u{200D}", "\u{1F469}", "\u{1F4BB}", "\r", "\n",
            "\u{1100}", "\u{1161}", "\u{11A8}", "\u{915}", "\u{94D}", "\u{937}", "\u{FE0F}", "\u{1F3FB}", "字", "\u{7}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var buffer = EditBuffer()
        for _ in 0..<4000 {
            switch next(8) {
            case 0, 1, 2: buffer.insert(Character(pieces[next(pieces.count)]))
            case 3: buffer.insert(contentsOf: (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined())
            case 4: buffer.deleteBackward()
            case 5: buffer.deleteForward()
            case 6: next(2) == 0 ? buffer.moveLeft() : buffer.moveRight()
            default: next(5) == 0 ? buffer.deleteToStart() : buffer.moveToStart()
            }
            #expect(Self.isValid(buffer), "after \(buffer.text.unicodeScalars.map { String($0.value, radix: 16) })")
            if !Self.isValid(buffer) { return }
        }
    }
}

@Suite struct EditLineTests {
    func line(_ buffer: EditBuffer, width: Int, glyphs: Glyphs = .unicode) -> (String, Int) {
        var cursor = 0
        let grid = drawn(width: width) { grid in
            cursor = EditLine(buffer, style: .plain, glyphs: glyphs).draw(in: grid.area, into: &grid)
        }
        return (grid.line(0), cursor)
    }

    @Test func shortTextStartsAtTheLeft() {
        let (text, cursor) = line(EditBuffer("step 3"), width: 20)
        #expect(text.hasPrefix("step 3") && cursor == 6)
    }

    @Test func aLongLineScrollsToKeepTheCursorInView() {
        let long = (0..<10_000).map { String($0 % 10) }.joined()
        let (end, endCursor) = line(EditBuffer(long), width: 20)
        #expect(end == "‹" + String(long.suffix(18)) + " " && endCursor == 19)
        let (start, startCursor) = line(EditBuffer(long, cursor: 0), width: 20)
        #expect(start == String(long.prefix(19)) + "›" && startCursor == 0)
        let (middle, middleCursor) = line(EditBuffer(long, cursor: 5000), width: 20)
        #expect(middle.hasPrefix("‹") && middleCursor == 19)
    }

    @Test func invisibleCharactersGetAVisibleCell() {
        let (text, cursor) = line(EditBuffer("\u{301}a\u{7}b"), width: 10)
        #expect(text.hasPrefix("\u{25CC}\u{301}a?b") && cursor == 4)
        let (ascii, _) = line(EditBuffer("\u{301}x"), width: 10, glyphs: .ascii)
        #expect(ascii.hasPrefix("?x"))
    }

    @Test func wideCharactersNeverPushTheCursorOut() {
        let wide = String(repeating: "字", count: 50)
        for cursor in [0, 1, 9, 10, 25, 50] {
            for width in 1...12 {
                let (_, x) = line(EditBuffer(wide, cursor: cursor), width: width)
                #expect(x < width, "cursor \(cursor) width \(width)")
            }
        }
    }
}
