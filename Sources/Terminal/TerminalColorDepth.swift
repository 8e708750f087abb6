import Themes

/// The colour depth to draw with, from the environment and ncurses' colour count.
///
/// Only what ncurses can emit counts: RGB needs a direct-colour terminfo entry (COLORS ≥ 2²⁴,
/// e.g. TERM=xterm-direct), whatever COLORTERM claims, because every colour goes through the
/// terminfo description.
public enum TerminalColorDepth {
    /// The depth for a colour count (0 when the terminal has no colours) and environment.
    /// NO_COLOR (any non-empty value, see no-color.org) turns colours off.
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
