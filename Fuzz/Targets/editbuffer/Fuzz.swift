import FuzzSupport
import Widgets

/// The edit buffer under random edits: typed characters (whole scalars from the input and
/// pieces that join in every way Unicode knows), pastes, deletions, cursor moves, Ctrl-U, and
/// drawing in a random width. After every edit the buffer must be exactly what the same edit
/// does to a plain String, its characters Swift's own segmentation of its text, the cursor at
/// the first boundary after the edit, and the drawn cursor inside the row.
let pieces: [String] = [
    "a", "e", "1", ".", "-", " ", "\u{301}", "\u{308}", "\u{20DD}", "\u{1F1EB}", "\u{1F1F7}", "\u{200D}", "\u{1F469}",
    "\u{1F4BB}", "\u{1F3FB}", "\u{FE0F}", "\r", "\n", "\t", "\u{7}", "\u{1B}", "\u{1100}", "\u{1161}", "\u{11A8}",
    "\u{AC00}", "\u{915}", "\u{94D}", "\u{937}", "\u{200B}", "\u{2028}", "\u{85}", "字", "\u{E0061}", "\u{E007F}",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var buffer = EditBuffer()
    while !input.isAtEnd {
        let before = buffer.characters
        let cursor = buffer.cursor
        var inserted: String?
        switch input.number(below: 10) {
        case 0, 1, 2:
            let piece = input.number(below: 2) == 0 ? input.pick(pieces) : String(scalar(input.uint32()))
            inserted = piece
            buffer.insert(Character(piece))
        case 3:
            let piece = (0..<input.number(below: 6)).map { _ in input.pick(pieces) }.joined()
            inserted = piece
            buffer.insert(contentsOf: piece)
        case 4: buffer.deleteBackward()
        case 5: buffer.deleteForward()
        case 6: buffer.moveLeft()
        case 7: buffer.moveRight()
        case 8: input.number(below: 2) == 0 ? buffer.moveToStart() : buffer.moveToEnd()
        default: buffer.deleteToStart()
        }
        fuzzCheck(buffer.characters == Array(buffer.text), "characters differ from the text's segmentation")
        fuzzCheck((0...buffer.count).contains(buffer.cursor), "cursor \(buffer.cursor) outside 0...\(buffer.count)")
        if let inserted {
            let expected = String(before[..<cursor]) + inserted + String(before[cursor...])
            fuzzCheck(buffer.text == expected, "an insert gave \(buffer.text.debugDescription), not \(expected.debugDescription)")
            let editEnd = String(before[..<cursor]).unicodeScalars.count + inserted.unicodeScalars.count
            var boundary = 0, scalars = 0
            for character in buffer.characters where scalars < editEnd {
                scalars += character.unicodeScalars.count
                boundary += 1
            }
            fuzzCheck(buffer.cursor == boundary, "cursor \(buffer.cursor) after an insert, not \(boundary)")
        }
        let width = 1 + input.number(below: 40)
        var grid = Grid(width: width, height: 1)
        let x = EditLine(buffer, style: .plain, glyphs: input.number(below: 2) == 0 ? .unicode : .ascii).draw(in: grid.area, into: &grid)
        fuzzCheck(x >= 0 && x < width, "cursor drawn at \(x) in a row \(width) wide")
    }
    return 0
}

/// Any scalar (surrogates and values past U+10FFFF fold back into range).
func scalar(_ value: UInt32) -> Unicode.Scalar {
    Unicode.Scalar(value % 0x11_0000) ?? "\u{FFFD}"
}
