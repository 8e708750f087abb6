/// Work the update function asks the terminal loop to do, as a value, so `update` stays pure
/// and testable; the loop reports back with an ``Event``.
public enum Effect: Hashable, Sendable {
    /// Leave the screen and exit.
    case quit
    /// Write the current screen to a file (`.svg` picture or `.txt` text).
    case export(path: String)
    /// Load and switch to a theme by name or path.
    case loadTheme(String)
}
