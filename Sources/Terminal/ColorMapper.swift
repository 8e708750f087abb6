import Themes

/// Turns ``Themes/TerminalColor`` values into ncurses colour numbers for one terminal.
///
/// The theme normally fits colours to the depth already; this is the safety net that keeps a
/// colour the terminal cannot show from being sent anyway (an RGB colour on a 256-colour
/// terminal, index 200 on an 8-colour one).
struct ColorMapper: Equatable, Sendable {
    /// The terminal's colour count (ncurses COLORS); 0 when colours are off.
    let colorCount: Int
    /// Whether the terminal takes packed 24-bit colour numbers (COLORS ≥ 2²⁴, e.g. xterm-direct).
    let isDirectColor: Bool
    /// Whether `use_default_colors` worked, so -1 means the terminal's own colour.
    let hasDefaultColors: Bool

    init(colorCount: Int, hasDefaultColors: Bool) {
        self.colorCount = max(0, colorCount)
        self.isDirectColor = colorCount >= 1 << 24
        self.hasDefaultColors = hasDefaultColors
    }

    /// Palette entries usable for fitting: 256, 16 or 8.
    private var paletteSize: Int {
        colorCount >= 256 ? 256 : colorCount >= 16 ? 16 : 8
    }

    /// The ncurses colour number for a colour, or -1 for the terminal's default.
    func number(for colour: TerminalColor, isForeground: Bool) -> Int32 {
        switch colour {
        case .terminalDefault:
            return defaultNumber(isForeground: isForeground)
        case .indexed(let index):
            if isDirectColor {
                // Direct-colour terminfo sends numbers below 8 as ANSI colours, the rest as RGB.
                return index >= 0 && index < 8 ? Int32(index) : packed(XtermPalette.rgb(ofIndex: index))
            }
            if index >= 0 && index < min(colorCount, 256) { return Int32(index) }
            return Int32(XtermPalette.nearestIndex(to: XtermPalette.rgb(ofIndex: index), paletteSize: paletteSize))
        case .rgb(let rgb):
            if isDirectColor { return packed(rgb) }
            return Int32(XtermPalette.nearestIndex(to: rgb, paletteSize: paletteSize))
        }
    }

    private func defaultNumber(isForeground: Bool) -> Int32 {
        if hasDefaultColors { return -1 }
        return isForeground ? 7 : 0
    }

    /// 0xRRGGBB; values below 8 would be read as ANSI colours, so the darkest blues become 8.
    private func packed(_ rgb: RGB) -> Int32 {
        let value = Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
        return max(value, 8)
    }
}
