import Testing
import TerminalInput

/// Bytes as terminals send them, decoded whole: no escape sequence reaches the screen as loose
/// characters, under any TERM gruscope meets.
@Suite struct KeyDecoderTests {
    /// Decodes bytes as one read would deliver them, then as the input pausing would end them.
    static func decode(_ text: String) -> [InputEvent] {
        var decoder = KeyDecoder()
        return decoder.decode(Array(text.utf8)) + decoder.flush()
    }

    /// The same bytes fed one at a time, with a pause (flush) only at the end.
    static func decodeByteByByte(_ text: String) -> [InputEvent] {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        for byte in text.utf8 { events += decoder.decode([byte]) }
        return events + decoder.flush()
    }

    @Test func printableTextIsCharacters() {
        #expect(Self.decode("q 0.5") == "q 0.5".map { .key(.character($0)) })
        #expect(Self.decode("é日😀") == [.key(.character("é")), .key(.character("日")), .key(.character("😀"))])
        #expect(Self.decodeByteByByte("é日😀") == Self.decode("é日😀"))
    }

    @Test func controlBytesAreTheirKeys() {
        #expect(Self.decode("\u{01}\u{0C}\u{03}\u{1A}") == [.key(.control("a")), .key(.control("l")), .key(.control("c")), .key(.control("z"))])
        #expect(Self.decode("\t\u{7F}\u{08}") == [.key(.tab), .key(.backspace), .key(.backspace)])
        // A carriage return and line feed together are one Enter; each alone is one.
        #expect(Self.decode("\r\n\r\n") == [.key(.enter), .key(.enter)])
        #expect(Self.decode("\n\n") == [.key(.enter), .key(.enter)])
    }

    @Test func aLoneEscapeIsTheEscapeKeyAfterAPause() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]).isEmpty)
        #expect(decoder.isPending)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(!decoder.isPending)
        // Esc and then a key that starts no sequence, arriving together: both, in order.
        #expect(Self.decode("\u{1B}:") == [.key(.escape), .key(.character(":"))])
        #expect(Self.decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(Self.decode("\u{1B}[") == [.key(.escape), .key(.character("["))])
    }

    /// The soak's closing keys, `Esc Esc q` (issue 10): two Escape keys and then `q`, never an
    /// Alt-q or a key lost, whether they arrive in one read, apart, or with a pause (the loop's
    /// flush) between any two bytes, and after any sequence or character left cut off.
    @Test func escEscQIsTwoEscapesAndQHoweverItArrives() {
        let expected: [InputEvent] = [.key(.escape), .key(.escape), .key(.character("q"))]
        let bytes = Array("\u{1B}\u{1B}q".utf8)
        // Every way of cutting the three bytes into reads, with or without a pause at each cut.
        for cuts in 0..<(1 << (bytes.count - 1)) {
            for pauses in 0..<(1 << (bytes.count - 1)) {
                var decoder = KeyDecoder()
                var events: [InputEvent] = []
                var read: [UInt8] = []
                for (index, byte) in bytes.enumerated() {
                    read.append(byte)
                    let cut = index == bytes.count - 1 || cuts & (1 << index) != 0
                    guard cut else { continue }
                    events += decoder.decode(read)
                    read.removeAll()
                    if index < bytes.count - 1, pauses & (1 << index) != 0 { events += decoder.flush() }
                }
                events += decoder.flush()
                #expect(events == expected, "cuts \(cuts), pauses \(pauses)")
            }
        }
        // After something cut off and never finished: it is dropped, and the keys still arrive.
        for prefix in ["\u{1B}", "\u{1B}[", "\u{1B}O", "\u{1B}[1;", "\u{1B}[<0;5", "\u{1B}[[", "\u{1B}[M", "\u{1B}[M!", "\u{1B}[M!!"] {
            for pause in [false, true] {
                var decoder = KeyDecoder()
                var events = decoder.decode(Array(prefix.utf8))
                if pause { events += decoder.flush() }
                events += decoder.decode(bytes) + decoder.flush()
                #expect(Array(events.suffix(3)) == expected, "after \(prefix.debugDescription), pause \(pause): \(events)")
                #expect(events.count <= 4 + (prefix == "\u{1B}" ? 0 : 1), "after \(prefix.debugDescription): \(events)")
            }
        }
        // A cut-off UTF-8 character too.
        #expect(Array(Self.decodeBytes([0xE5, 0xAD] + bytes).suffix(3)) == expected)
    }

    /// What each terminal sends for the keys that used to arrive as loose characters.
    @Test(arguments: [
        // tmux (under any TERM), screen, the Linux console
        ("\u{1B}[1~", Key.home), ("\u{1B}[4~", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete),
        // xterm, in both cursor-key modes
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[A", .up), ("\u{1B}OA", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}[Z", .backTab),
        // rxvt
        ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
        // function keys: xterm, rxvt, the Linux console
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)),
        ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)),
    ])
    func namedKeysAreReadWhole(sequence: String, key: Key) {
        #expect(Self.decode(sequence) == [.key(key)], "\(sequence.debugDescription)")
        #expect(Self.decodeByteByByte(sequence) == [.key(key)], "\(sequence.debugDescription) byte by byte")
    }

    @Test func modifiedKeys() {
        #expect(Self.decode("\u{1B}[1;5A") == [.key(.modified(.up, .control))])
        #expect(Self.decode("\u{1B}[1;2D") == [.key(.modified(.left, .shift))])
        #expect(Self.decode("\u{1B}[1;3C") == [.key(.modified(.right, .alt))])
        #expect(Self.decode("\u{1B}[1;6B") == [.key(.modified(.down, [.control, .shift]))])
        #expect(Self.decode("\u{1B}[3;5~") == [.key(.modified(.delete, .control))])
        #expect(Self.decode("\u{1B}[15;2~") == [.key(.modified(.function(5), .shift))])
        #expect(Self.decode("\u{1B}[1;2P") == [.key(.modified(.function(1), .shift))])
        // rxvt's own spellings.
        #expect(Self.decode("\u{1B}[a") == [.key(.modified(.up, .shift))])
        #expect(Self.decode("\u{1B}Od") == [.key(.modified(.left, .control))])
        #expect(Self.decode("\u{1B}[5^") == [.key(.modified(.pageUp, .control))])
        #expect(Self.decode("\u{1B}[2$") == [.key(.modified(.insert, .shift))])
        #expect(Key.modified(.up, .control).label() == "C-↑")
        #expect(Key.modified(.function(5), [.shift, .control]).label(ascii: true) == "C-S-F5")
    }

    @Test func unknownSequencesAreDroppedWholeAndNamed() {
        #expect(Self.decode("\u{1B}[99~") == [.unknownSequence("\\e[99~")])
        #expect(Self.decode("\u{1B}[99~9") == [.unknownSequence("\\e[99~"), .key(.character("9"))])
        #expect(Self.decode("\u{1B}[200~") == [.unknownSequence("\\e[200~")])
        #expect(Self.decode("\u{1B}O9") == [.unknownSequence("\\eO9")])
        // Cut off by the input pausing: dropped, nothing of it typed.
        #expect(Self.decode("\u{1B}[12") == [.unknownSequence("\\e[12")])
        // Cut by a byte that cannot belong to it: dropped, and the byte read anew.
        #expect(Self.decode("\u{1B}[1\u{1B}[4~") == [.unknownSequence("\\e[1"), .key(.end)])
        // An endless sequence is reported once, at a bounded length.
        let long = "\u{1B}[" + String(repeating: "1", count: 10_000) + "~"
        let events = Self.decode(long)
        #expect(events.count == 1)
        if case let .unknownSequence(text) = events.first { #expect(text.count <= KeyDecoder.longestSequence + 2) }
    }

    @Test func brokenUTF8IsReportedNotTyped() {
        #expect(KeyDecoderTests.decodeBytes([0xFF]) == [.unknownSequence("\\xFF")])
        #expect(KeyDecoderTests.decodeBytes([0xC3, 0x41]) == [.unknownSequence("\\xC3"), .key(.character("A"))])
        // Overlong and C1 controls are not characters.
        #expect(KeyDecoderTests.decodeBytes([0xC0, 0x80]).allSatisfy { if case .unknownSequence = $0 { true } else { false } })
        #expect(KeyDecoderTests.decodeBytes([0xC2, 0x85]) == [.unknownSequence("\\xC2\\x85")])
    }

    static func decodeBytes(_ bytes: [UInt8]) -> [InputEvent] {
        var decoder = KeyDecoder()
        return decoder.decode(bytes) + decoder.flush()
    }

    @Test func mouseReportsInBothEncodings() {
        // SGR (xterm's kmous): press and release; only the press counts.
        #expect(Self.decode("\u{1B}[<0;5;3M\u{1B}[<0;5;3m") == [.mouse(MouseEvent(.click, x: 4, y: 2))])
        #expect(Self.decode("\u{1B}[<64;10;7M") == [.mouse(MouseEvent(.wheelUp, x: 9, y: 6))])
        #expect(Self.decode("\u{1B}[<65;1;1M") == [.mouse(MouseEvent(.wheelDown, x: 0, y: 0))])
        // X10 (tmux's kmous): button, column and row each plus 32.
        let press = "\u{1B}[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(33 + 4)) + String(UnicodeScalar(33 + 2))
        let release = "\u{1B}[M" + String(UnicodeScalar(35)) + String(UnicodeScalar(33 + 4)) + String(UnicodeScalar(33 + 2))
        #expect(Self.decode(press + release) == [.mouse(MouseEvent(.click, x: 4, y: 2))])
        // Other buttons and motion mean nothing and are dropped without a note.
        #expect(Self.decode("\u{1B}[<2;5;3M\u{1B}[<35;5;3M").isEmpty)
    }

    @Test func anySplitOfTheInputDecodesTheSame() {
        let text = "a\u{1B}[1;5A日\u{1B}[4~\u{1B}OP\u{1B}[<0;5;3Mz\u{1B}[99~é"
        let whole = Self.decode(text)
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            var decoder = KeyDecoder()
            let events = decoder.decode(bytes[..<cut]) + decoder.decode(bytes[cut...]) + decoder.flush()
            #expect(events == whole, "cut at \(cut)")
        }
    }
}
