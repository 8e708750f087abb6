extension ColorDepth {
    /// The depth to draw with, from the environment and the colour count the terminal reports
    /// (ncurses' `COLORS`, or 0 when it has no colour).
    ///
    /// `NO_COLOR` set to anything but the empty string (see no-color.org) or `TERM=dumb` → none;
    /// `COLORTERM=truecolor` or `24bit` → 24-bit; otherwise by the count: 256 or more → 256,
    /// 16 → 16, 8 → 8, fewer → none.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if environment["TERM"] == "dumb" { return .none }
        if let colorTerm = environment["COLORTERM"]?.lowercased(), colorTerm == "truecolor" || colorTerm == "24bit" {
            return .trueColor
        }
        switch terminalColors {
        case 256...: return .palette256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .none
        }
    }
}
