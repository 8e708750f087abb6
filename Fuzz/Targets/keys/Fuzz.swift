import App
import FuzzSupport
import Script
import TerminalInput

/// The screen fed what a terminal can deliver, as bytes: characters, control codes, escape
/// sequences known and unknown (whole, cut short, or broken by a stray byte), random bytes, pauses
/// that end a held sequence, resizes down to 1×1, and mouse clicks and wheel turns anywhere; the
/// bytes go through the terminal's KeyDecoder and its events through `update`, the screen drawn as
/// it goes. The drawn grid must always be the terminal's size, and the state must stay valid.
///
/// Enter on the `:` line is sent as Esc: the commands themselves are run by the `command`
/// target's parser and by the tests.
nonisolated(unsafe) let start = AppState(session: try! Session(scene: .seedCode), width: 80, height: 24)

let interesting: [UInt8] = Array(":\r\n\u{1B}\t\u{7F}\u{08} .-<>[]?qpPnbsr019hjklDuU\u{15}\u{01}\u{05}\u{03}\u{0C}".utf8) + [0xC3, 0xA9, 0xCC, 0x81]

let sequences: [String] = [
    "\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}OA", "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[5~", "\u{1B}[6~",
    "\u{1B}[2~", "\u{1B}[3~", "\u{1B}[H", "\u{1B}[F", "\u{1B}OH", "\u{1B}OF", "\u{1B}OP", "\u{1B}[15~", "\u{1B}[24~",
    "\u{1B}[[A", "\u{1B}[1;5A", "\u{1B}[1;2D", "\u{1B}[3;5~", "\u{1B}[a", "\u{1B}Od", "\u{1B}[5^", "\u{1B}[2$", "\u{1B}[Z",
    "\u{1B}[99~", "\u{1B}[200~", "\u{1B}[<0;5;10M", "\u{1B}[<64;3;3M", "\u{1B}[<0;5;10m", "\u{1B}[M !!", "\u{1B}[", "\u{1B}O",
    "\u{1B}[1;", "\u{1B}[<",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var state = start
    var decoder = KeyDecoder()
    var events = 0
    while !input.isAtEnd && !state.isQuitting {
        var decoded: [InputEvent] = []
        switch input.number(below: 10) {
        case 0, 1, 2, 3: decoded = decoder.decode([input.pick(interesting)])
        case 4: decoded = decoder.decode(input.bytes(upTo: 8))
        case 5, 6: decoded = decoder.decode(Array(input.pick(sequences).utf8))
        case 7: decoded = [.resize(width: 1 + input.number(below: 240), height: 1 + input.number(below: 80))]
        case 8:
            let action = input.pick([MouseEvent.Action.click, .wheelUp, .wheelDown])
            decoded = [.mouse(MouseEvent(action, x: input.number(below: 260) - 10, y: input.number(below: 100) - 10))]
        default: decoded = decoder.flush()
        }
        for input in decoded {
            var event = Event(input)
            if state.command != nil, case .key(.enter) = event { event = .key(.escape) }
            state = update(consume state, event).0  // handed over, as the terminal loop does
            events += 1
            if events % 32 == 0 { check(state) }
        }
    }
    check(state)
    return 0
}

/// The state is valid and its drawing is the terminal's size (`invariantViolations` draws the
/// screen and checks that; drawing it again here doubled the cost of every check, most of the
/// target's time).
func check(_ state: AppState) {
    let problems = state.invariantViolations
    fuzzCheck(problems.isEmpty, "\(problems)")
}
