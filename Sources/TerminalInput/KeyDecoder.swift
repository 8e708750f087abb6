/// Turns the bytes a terminal sends into keys and mouse actions, reading every escape sequence
/// whole: Home, End, PgUp, PgDn, Insert, Delete, F1–F12, arrows with Shift, Alt or Ctrl, and the
/// mouse reports, as xterm, tmux, screen, rxvt and the Linux console send them. A sequence no key
/// is known by is dropped whole and reported (``InputEvent/unknownSequence(_:)``): its bytes
/// never arrive as loose characters that would nudge or start an edit.
///
/// Pure and byte by byte, so any split of the input decodes the same. When bytes of an
/// unfinished sequence are held (``isPending``), the caller waits a moment for the rest and then
/// calls ``flush()``: a lone Esc is the Escape key, an unfinished sequence is dropped.
///
/// Esc followed by anything but `[` or `O` is the Escape key and then that key (as ncurses reads
/// it), so `Esc :` typed quickly, or arriving together over a slow link, still cancels and opens
/// the command line; no Alt-key is made of them. A control byte never goes on a sequence: it
/// ends what was held and is read as its own key, so however the bytes of `Esc Esc q` arrive
/// (one read, or apart, after any cut-off sequence) they are two Escape keys and then `q`.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        /// A UTF-8 character: the bytes still needed, and the value so far.
        case utf8(needed: Int, value: UInt32, minimum: UInt32)
        case escape
        /// After `ESC [`.
        case csi
        /// After `ESC [ [` (the Linux console's F1–F5).
        case linuxFunction
        /// After `ESC O`.
        case ss3
        /// After `ESC [ M`: the three bytes of an X10 mouse report.
        case x10Mouse
    }

    /// The most bytes of a sequence kept to report it; a longer one is still read to its end.
    public static let longestSequence = 32

    private var state: State = .ground
    /// The sequence being read, for its report.
    private var held: [UInt8] = []
    /// Parameter and intermediate bytes of a CSI or SS3 sequence.
    private var parameters: [UInt8] = []
    /// Whether the last byte was a carriage return (a following line feed is the same Enter).
    private var afterReturn = false

    /// A decoder waiting for the first byte.
    public init() {}

    /// Whether bytes of an unfinished sequence or character are held.
    public var isPending: Bool {
        if case .ground = state { return false }
        return true
    }

    /// Decodes bytes, returning the events they complete.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes { feed(byte, into: &events) }
        return events
    }

    /// The input paused: what the held bytes mean on their own.
    public mutating func flush() -> [InputEvent] {
        defer { reset() }
        switch state {
        case .ground: return []
        case .escape: return [.key(.escape)]
        case .csi where parameters.isEmpty: return [.key(.escape), .key(.character("["))]
        case .ss3 where parameters.isEmpty: return [.key(.escape), .key(.character("O"))]
        default: return [unknown()]
        }
    }

    private mutating func reset() {
        state = .ground
        held.removeAll(keepingCapacity: true)
        parameters.removeAll(keepingCapacity: true)
    }

    private mutating func hold(_ byte: UInt8) {
        if held.count < Self.longestSequence { held.append(byte) }
    }

    private mutating func feed(_ byte: UInt8, into events: inout [InputEvent]) {
        let wasReturn = afterReturn
        afterReturn = false
        switch state {
        case .ground:
            ground(byte, afterReturn: wasReturn, into: &events)
        case let .utf8(needed, value, minimum):
            guard byte & 0xC0 == 0x80 else { return broken(by: byte, into: &events) }
            hold(byte)
            let next = value << 6 | UInt32(byte & 0x3F)
            if needed > 1 {
                state = .utf8(needed: needed - 1, value: next, minimum: minimum)
                return
            }
            if next >= minimum, let scalar = Unicode.Scalar(next), !(0x80...0x9F).contains(next) {
                events.append(.key(.character(Character(scalar))))
            } else {
                events.append(unknown())
            }
            reset()
        case .escape:
            switch byte {
            case UInt8(ascii: "["):
                hold(byte)
                state = .csi
            case UInt8(ascii: "O"):
                hold(byte)
                state = .ss3
            default:
                events.append(.key(.escape))
                reset()
                feed(byte, into: &events)
            }
        case .csi:
            guard (0x20...0x7E).contains(byte) else { return broken(by: byte, into: &events) }
            hold(byte)
            if parameters.isEmpty && byte == UInt8(ascii: "[") {
                state = .linuxFunction
            } else if parameters.isEmpty && byte == UInt8(ascii: "M") {
                state = .x10Mouse
            } else if byte <= 0x3F && !Self.endsRxvtKey(byte, after: parameters) {
                if parameters.count < Self.longestSequence { parameters.append(byte) }
            } else {
                events += csi(final: byte) ?? [unknown()]
                reset()
            }
        case .linuxFunction:
            guard (0x20...0x7E).contains(byte) else { return broken(by: byte, into: &events) }
            hold(byte)
            if (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(byte) {
                events.append(.key(.function(Int(byte - UInt8(ascii: "A")) + 1)))
            } else {
                events.append(unknown())
            }
            reset()
        case .ss3:
            guard (0x30...0x7E).contains(byte) else { return broken(by: byte, into: &events) }
            hold(byte)
            if byte <= 0x3F {
                if parameters.count < Self.longestSequence { parameters.append(byte) }
            } else {
                events.append(ss3(final: byte) ?? unknown())
                reset()
            }
        case .x10Mouse:
            // The report's bytes are 32 and up; a control byte (Esc above all) is a key, not
            // part of it, so `Esc Esc q` after a cut-off `ESC [ M` still cancels and quits.
            guard byte >= 0x20 else { return broken(by: byte, into: &events) }
            hold(byte)
            parameters.append(byte)
            guard parameters.count == 3 else { return }
            if let event = mouse(button: Int(parameters[0]) - 32, x: Int(parameters[1]) - 33, y: Int(parameters[2]) - 33, press: true) {
                events.append(event)
            }
            reset()
        }
    }

    /// A byte that cannot go on a sequence ends it: the sequence is reported, the byte read anew.
    private mutating func broken(by byte: UInt8, into events: inout [InputEvent]) {
        events.append(unknown())
        reset()
        feed(byte, into: &events)
    }

    private mutating func ground(_ byte: UInt8, afterReturn: Bool, into events: inout [InputEvent]) {
        switch byte {
        case 0x1B:
            held = [byte]
            state = .escape
        case 0x0D:
            self.afterReturn = true
            events.append(.key(.enter))
        case 0x0A:
            if !afterReturn { events.append(.key(.enter)) }
        case 0x09:
            events.append(.key(.tab))
        case 0x08, 0x7F:
            events.append(.key(.backspace))
        case 0x01...0x1A:
            events.append(.key(.control(Character(Unicode.Scalar(UInt8(ascii: "a") + byte - 1)))))
        case 0x00, 0x1C...0x1F:
            break  // Ctrl-Space, Ctrl-\ …: nothing the screen uses
        case 0x20...0x7E:
            events.append(.key(.character(Character(Unicode.Scalar(byte)))))
        case 0xC2...0xDF:
            held = [byte]
            state = .utf8(needed: 1, value: UInt32(byte & 0x1F), minimum: 0x80)
        case 0xE0...0xEF:
            held = [byte]
            state = .utf8(needed: 2, value: UInt32(byte & 0x0F), minimum: 0x800)
        case 0xF0...0xF4:
            held = [byte]
            state = .utf8(needed: 3, value: UInt32(byte & 0x07), minimum: 0x10000)
        default:
            held = [byte]
            events.append(unknown())
            reset()
        }
    }

    /// The numbers of the parameters (`1;5` → [1, 5]); nil for parameters that are not numbers.
    private var numbers: [Int]? {
        guard !parameters.isEmpty else { return [] }
        var result: [Int] = []
        for part in parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            guard part.count <= 6, part.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            result.append(part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }
        return result
    }

    /// rxvt ends Shift with Insert, Delete, PgUp … in `$` (`ESC [ 2 $`), which ECMA-48 counts as
    /// an intermediate byte; after a number alone it ends the sequence.
    private static func endsRxvtKey(_ byte: UInt8, after parameters: [UInt8]) -> Bool {
        byte == UInt8(ascii: "$") && !parameters.isEmpty && parameters.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The events of a CSI sequence: none for a mouse report that means nothing here (a release,
    /// another button); nil for a sequence no key is known by.
    private func csi(final: UInt8) -> [InputEvent]? {
        if parameters.first == UInt8(ascii: "<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            return sgrMouse(press: final == UInt8(ascii: "M"))
        }
        return key(final: final).map { [$0] }
    }

    private func key(final: UInt8) -> InputEvent? {
        guard let numbers else { return nil }
        let modifiers = KeyModifiers(xtermParameter: numbers.count >= 2 ? numbers[1] : 1)
        func key(_ key: Key, _ modifiers: KeyModifiers = modifiers) -> InputEvent {
            .key(modifiers.isEmpty ? key : .modified(key, modifiers))
        }
        if let letter = Self.letterKey(final) { return key(letter) }
        switch final {
        case UInt8(ascii: "Z"): return .key(.backTab)
        // rxvt: Shift with an arrow.
        case UInt8(ascii: "a"): return key(.up, .shift)
        case UInt8(ascii: "b"): return key(.down, .shift)
        case UInt8(ascii: "c"): return key(.right, .shift)
        case UInt8(ascii: "d"): return key(.left, .shift)
        case UInt8(ascii: "~"):
            return Self.tildeKey(numbers.first ?? 0).map { key($0) }
        // rxvt: Shift, Ctrl and both with the keys that end in `~` elsewhere.
        case UInt8(ascii: "$"): return Self.tildeKey(numbers.first ?? 0).map { key($0, .shift) }
        case UInt8(ascii: "^"): return Self.tildeKey(numbers.first ?? 0).map { key($0, .control) }
        case UInt8(ascii: "@"): return Self.tildeKey(numbers.first ?? 0).map { key($0, [.control, .shift]) }
        default: return nil
        }
    }

    /// The keys that end in the same letter after `ESC [` and `ESC O`: arrows, Home, End, F1–F4.
    private static func letterKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        default: return nil
        }
    }

    /// The keys of `ESC [ N ~` (xterm, tmux, screen, rxvt and the Linux console between them).
    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }

    private func ss3(final: UInt8) -> InputEvent? {
        let modifiers = KeyModifiers(xtermParameter: numbers?.last ?? 1)
        func key(_ key: Key, _ modifiers: KeyModifiers = modifiers) -> InputEvent {
            .key(modifiers.isEmpty ? key : .modified(key, modifiers))
        }
        if let letter = Self.letterKey(final) { return key(letter) }
        switch final {
        case UInt8(ascii: "M"): return .key(.enter)
        // rxvt: Ctrl with an arrow.
        case UInt8(ascii: "a"): return key(.up, .control)
        case UInt8(ascii: "b"): return key(.down, .control)
        case UInt8(ascii: "c"): return key(.right, .control)
        case UInt8(ascii: "d"): return key(.left, .control)
        // The keypad in application mode types what is printed on it.
        case UInt8(ascii: "X"): return .key(.character("="))
        case UInt8(ascii: "j")...UInt8(ascii: "y"):
            let keypad: [Character] = ["*", "+", ",", "-", ".", "/", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
            return .key(.character(keypad[Int(final - UInt8(ascii: "j"))]))
        default: return nil
        }
    }

    /// `ESC [ < b ; x ; y M` (press) or `m` (release).
    private func sgrMouse(press: Bool) -> [InputEvent]? {
        let fields = parameters.dropFirst().split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        let values = fields.map { field in
            field.count <= 6 && !field.isEmpty && field.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                ? field.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } : nil
        }
        guard values.count == 3, let button = values[0], let x = values[1], let y = values[2] else { return nil }
        return mouse(button: button, x: x - 1, y: y - 1, press: press).map { [$0] } ?? []
    }

    /// A press of the primary button or a wheel turn; other buttons, releases and motion mean
    /// nothing here and are dropped without a word.
    private func mouse(button: Int, x: Int, y: Int, press: Bool) -> InputEvent? {
        guard press, x >= 0, y >= 0 else { return nil }
        switch button {
        case 0: return .mouse(MouseEvent(.click, x: x, y: y))
        case 64: return .mouse(MouseEvent(.wheelUp, x: x, y: y))
        case 65: return .mouse(MouseEvent(.wheelDown, x: x, y: y))
        default: return nil
        }
    }

    /// The held bytes as a report: `\e` for Esc, other controls and bytes past ASCII in hex.
    private func unknown() -> InputEvent {
        var text = ""
        for byte in held {
            switch byte {
            case 0x1B: text += "\\e"
            case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return .unknownSequence(text)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
