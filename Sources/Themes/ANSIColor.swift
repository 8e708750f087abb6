/// The 16 standard ANSI colour names a theme may use, and the RGB values xterm gives them
/// (used to match colours on 8- and 16-colour terminals and to draw them in SVG).
public enum ANSIColor {
    /// Names in palette order: index 0 is black, 8 is bright-black.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// xterm's default RGB for each index.
    public static let rgb: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The index of a name, or nil.
    public static func index(named name: String) -> Int? {
        names.firstIndex(of: name)
    }
}
