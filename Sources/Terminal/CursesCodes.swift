import CNcursesw

/// ncurses' numeric key codes and mouse bits, read once from the shim; they are compile-time
/// constants of the library, so no terminal is needed to use them (which keeps decoding testable).
enum CursesCodes {
    static let err = shim_ERR()
    static let ok = shim_OK()
    static let keyCodeYes = shim_KEY_CODE_YES()

    static let resize = shim_KEY_RESIZE()
    static let mouse = shim_KEY_MOUSE()
    static let up = shim_KEY_UP()
    static let down = shim_KEY_DOWN()
    static let left = shim_KEY_LEFT()
    static let right = shim_KEY_RIGHT()
    static let backTab = shim_KEY_BTAB()
    static let backspace = shim_KEY_BACKSPACE()
    static let delete = shim_KEY_DC()
    static let home = shim_KEY_HOME()
    static let end = shim_KEY_END()
    static let pageDown = shim_KEY_NPAGE()
    static let pageUp = shim_KEY_PPAGE()
    static let enter = shim_KEY_ENTER()
    /// KEY_F(n) for n in 1...12.
    static func function(_ n: Int32) -> Int32 { shim_KEY_F(n) }

    static let button1Pressed = UInt(shim_BUTTON1_PRESSED())
    static let button1Clicked = UInt(shim_BUTTON1_CLICKED())
    static let button1DoubleClicked = UInt(shim_BUTTON1_DOUBLE_CLICKED())
    static let button4Pressed = UInt(shim_BUTTON4_PRESSED())
    static let button5Pressed = UInt(shim_BUTTON5_PRESSED())
}
