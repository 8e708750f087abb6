import App
import FuzzSupport
import Script
import Terminal
import Widgets

/// The screen fed what a terminal can deliver: characters and control codes (any scalar),
/// ncurses key codes, resizes down to 1×1, and mouse clicks and wheel turns anywhere; each
/// decoded by the terminal's decoder and handed to `update`, the screen drawn as it goes.
/// The drawn grid must always be the terminal's size.
///
/// Enter on the `:` line is sent as Esc: the commands themselves are run by the `command`
/// target's parser and by the tests, and some of them (`step 20000000`, `size 100000 100000`)
/// are slow or large until the limits of issue 10 that bound them land (see Fuzz/README.md).
nonisolated(unsafe) let start = AppState(session: try! Session(scene: .seedCode), width: 80, height: 24)

let interesting: [UInt32] = [
    0x3A, 0x0D, 0x0A, 0x1B, 0x09, 0x7F, 0x08, 0x20, 0x2E, 0x2D, 0x2B, 0x5B, 0x5D, 0x3F, 0x71, 0x70, 0x50, 0x6E,
    0x62, 0x73, 0x72, 0x30, 0x31, 0x35, 0x39, 0x68, 0x6A, 0x6B, 0x6C, 0x75, 0x15, 0x01, 0x05, 0x03, 0x301, 0x5B57,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var state = start
    var events = 0
    while !input.isAtEnd && !state.isQuitting {
        let raw: RawInput
        var event: Event?
        switch input.number(below: 10) {
        case 0, 1, 2, 3: raw = .character(input.pick(interesting))
        case 4: raw = .character(input.uint32() % 0x11_0000)
        case 5, 6: raw = .keyCode(Int32(0o401 + input.number(below: 0o400)))
        case 7:
            raw = .keyCode(0)
            event = .resize(width: 1 + input.number(below: 240), height: 1 + input.number(below: 80))
        default:
            raw = .keyCode(0)
            let action = input.pick([MouseEvent.Action.click, .wheelUp, .wheelDown])
            event = .mouse(MouseEvent(action, x: input.number(below: 260) - 10, y: input.number(below: 100) - 10))
        }
        if event == nil, case let .event(decoded) = InputDecoder.decode(raw) { event = decoded }
        guard var event else { continue }
        if state.command != nil, event == .key(.enter) { event = .key(.escape) }
        state = update(state, event).0
        events += 1
        if events % 32 == 0 || input.isAtEnd {
            let grid = view(state)
            fuzzCheck(grid.width == state.width && grid.height == state.height, "a \(grid.width)×\(grid.height) grid for a \(state.width)×\(state.height) screen")
        }
    }
    return 0
}
