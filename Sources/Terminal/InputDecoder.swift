import App

/// What one `wget_wch` call delivered. (Public, with the decoder, for the `keys` fuzz target.)
public enum RawInput: Equatable, Sendable {
    /// A character (OK): a Unicode scalar value or a control code.
    case character(UInt32)
    /// A key code (KEY_CODE_YES): KEY_UP, KEY_MOUSE, KEY_RESIZE...
    case keyCode(Int32)
}

/// The meaning of a raw input, before any terminal state is consulted.
public enum InputDecoding: Equatable, Sendable {
    /// A finished event.
    case event(Event)
    /// KEY_MOUSE: the event must be fetched with getmouse.
    case readMouse
    /// KEY_RESIZE: the new size must be read from ncurses.
    case resized
    /// Nothing the application knows (an unmapped key).
    case ignore
}

/// Pure translation of ncurses input codes into ``App/Event`` values.
public enum InputDecoder {
    /// The meaning of one input.
    public static func decode(_ input: RawInput) -> InputDecoding {
        switch input {
        case .character(let value): decodeCharacter(value)
        case .keyCode(let code): decodeKeyCode(code)
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> InputDecoding {
        switch value {
        case 3: return .event(.interrupt)  // Ctrl-C reaches us as a byte only if ISIG is off
        case 8, 127: return .event(.key(.backspace))
        case 9: return .event(.key(.tab))
        case 10, 13: return .event(.key(.enter))
        case 27: return .event(.key(.escape))
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(value - 1)))
            return .event(.key(.control(letter)))
        case 0..<32, 128..<160: return .ignore
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignore }
            return .event(.key(.character(Character(scalar))))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> InputDecoding {
        switch code {
        case CursesCodes.resize: return .resized
        case CursesCodes.mouse: return .readMouse
        case CursesCodes.up: return .event(.key(.up))
        case CursesCodes.down: return .event(.key(.down))
        case CursesCodes.left: return .event(.key(.left))
        case CursesCodes.right: return .event(.key(.right))
        case CursesCodes.enter: return .event(.key(.enter))
        case CursesCodes.backTab: return .event(.key(.backTab))
        case CursesCodes.backspace: return .event(.key(.backspace))
        case CursesCodes.delete: return .event(.key(.delete))
        case CursesCodes.home: return .event(.key(.home))
        case CursesCodes.end: return .event(.key(.end))
        case CursesCodes.pageUp: return .event(.key(.pageUp))
        case CursesCodes.pageDown: return .event(.key(.pageDown))
        case CursesCodes.function(1)...CursesCodes.function(12):
            return .event(.key(.function(Int(code - CursesCodes.function(0)))))
        default: return .ignore
        }
    }

    /// The action of a mouse report's button state, or nil for releases, motion and other buttons.
    ///
    /// With `mouseinterval(0)` ncurses reports presses rather than clicks; both count as a click.
    static func mouseAction(buttonState: UInt) -> MouseEvent.Action? {
        if buttonState & CursesCodes.button4Pressed != 0 { return .wheelUp }
        if buttonState & CursesCodes.button5Pressed != 0 { return .wheelDown }
        let clicks = CursesCodes.button1Pressed | CursesCodes.button1Clicked | CursesCodes.button1DoubleClicked
        if buttonState & clicks != 0 { return .click }
        return nil
    }
}
