extension ColorDepth {
    /// The depth to draw with, from the environment and the colour count the terminal reports
    /// (ncurses' `COLORS`, or 0 when it has no colour).
    ///
    /// `NO_COLOR` set to anything but the empty string (see no-color.org) or `TERM=dumb` → none;
    /// otherwise by the count: 2²⁴ (a direct-colour terminfo entry such as `xterm-direct`) →
    /// 24-bit, 256 or more → 256, 16 → 16, 8 → 8, fewer → none. `COLORTERM=truecolor` alone is
    /// not enough: ncurses can send RGB only when the terminfo entry says the terminal takes it,
    /// and the 256-colour fit of a theme is close.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if environment["TERM"] == "dumb" { return .none }
        switch terminalColors {
        case (1 << 24)...: return .trueColor
        case 256...: return .palette256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .none
        }
    }
}
