/// A colour as a theme file names it, before it is fitted to a terminal.
public enum ThemeColor: Sendable, Hashable {
    /// A 24-bit colour (`"#RRGGBB"` or a `[palette]` name).
    case rgb(RGB)
    /// One of the 16 ANSI colours by index (0–7 normal, 8–15 bright); shown in the terminal's
    /// own palette, so it follows the user's terminal colour scheme.
    case ansi(Int)
    /// `"default"`: the screen's colour (the theme's foreground/background, or the terminal's).
    case screenDefault
}
