import Widgets

/// The work behind ``ResolvedTheme``: fitting each role's theme colours to a depth.
struct ColorFitter {
    let theme: Theme
    let depth: ColorDepth
    let screenForeground: TerminalColor
    let screenBackground: TerminalColor
    /// The palette index the screen background is (or is assumed to be) at 8 and 16 colours.
    let screenBackgroundIndex: Int
    /// At 8 and 16 colours, the six quantities' own colours (see ``DistinctQuantities``).
    let quantities: DistinctQuantities

    init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        let assumed: RGB = theme.appearance == .dark ? RGB(0, 0, 0) : RGB(255, 255, 255)
        let screenBackgroundRGB = theme.background.flatMap { Self.rgb(of: $0) } ?? assumed
        screenBackgroundIndex = ColorMatch.nearestANSI(screenBackgroundRGB, count: depth == .ansi8 ? 8 : 16)
        screenBackground = theme.background.map { Self.fit($0, depth: depth, excluding: nil) } ?? .terminalDefault
        let backgroundIndex = screenBackgroundIndex
        screenForeground = theme.foreground.map { Self.fit($0, depth: depth, excluding: backgroundIndex) } ?? .terminalDefault
        quantities = DistinctQuantities(theme: theme, depth: depth, screenBackgroundIndex: backgroundIndex)
    }

    /// The resolved style of a foreground role over an optional background role, before the
    /// style's own attributes are added.
    func resolve(foreground: Role, background: Role?) -> ResolvedStyle {
        guard depth != .none else {
            let source = theme.usesColour ? Theme.mono : theme
            var attributes = source.style(for: foreground).attributes
            if let background { attributes.formUnion(source.style(for: background).attributes) }
            return ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: attributes)
        }
        let front = theme.style(for: foreground)
        var attributes = front.attributes
        let cellRole: Role
        let cellColour: ThemeColor?
        if let background {
            let behind = theme.style(for: background)
            attributes.formUnion(behind.attributes)
            cellRole = background
            cellColour = behind.background ?? behind.foreground
        } else {
            cellRole = foreground
            cellColour = front.background
        }
        var cell = screenBackground
        if let cellColour, cellColour != .screenDefault {
            cell = Self.fit(cellColour, depth: depth, excluding: nil)
            if collapsedOntoScreen(cell, meant: cellColour) {
                attributes.formUnion(Theme.mono.style(for: cellRole).attributes)
            }
        }
        var text = screenForeground
        if let colour = quantities.colours[foreground] {
            text = colour
        } else if let colour = front.foreground, colour != .screenDefault {
            text = Self.fit(colour, depth: depth, excluding: paletteIndex(of: cell))
        }
        if text == cell, cell != .terminalDefault { text = contrasting(to: cell) }
        return ResolvedStyle(foreground: text, background: cell, attributes: attributes)
    }

    /// Black or white, whichever stands out more on `cell` (for the rare role pairing that would
    /// otherwise draw text in the colour of its own background).
    private func contrasting(to cell: TerminalColor) -> TerminalColor {
        let rgb: RGB
        switch cell {
        case let .rgb(value): rgb = value
        case let .indexed(index): rgb = ColorMatch.xtermRGB(index: index)
        case .terminalDefault: return .terminalDefault
        }
        let luminance = 0.2126 * Double(rgb.red) + 0.7152 * Double(rgb.green) + 0.0722 * Double(rgb.blue)
        let dark = luminance > 140
        switch depth {
        case .trueColor: return .rgb(dark ? RGB(0, 0, 0) : RGB(255, 255, 255))
        case .palette256: return .indexed(dark ? 16 : 231)
        case .ansi16: return .indexed(dark ? 0 : 15)
        case .ansi8, .none: return .indexed(dark ? 0 : 7)
        }
    }

    /// At 8 and 16 colours: did a background meant to differ from the screen land on it?
    private func collapsedOntoScreen(_ fitted: TerminalColor, meant: ThemeColor) -> Bool {
        guard depth == .ansi8 || depth == .ansi16, case let .indexed(index) = fitted else { return false }
        if case .ansi = meant { return false }
        return index == screenBackgroundIndex
    }

    /// The palette index text must avoid on this cell (only matters at 8 and 16 colours).
    private func paletteIndex(of cell: TerminalColor) -> Int? {
        switch cell {
        case let .indexed(index): return index
        case .terminalDefault: return screenBackgroundIndex
        case .rgb: return nil
        }
    }

    /// One theme colour at `depth`, avoiding the palette index `excluded` when matching by RGB.
    static func fit(_ colour: ThemeColor, depth: ColorDepth, excluding excluded: Int?) -> TerminalColor {
        switch (colour, depth) {
        case (_, .none), (.screenDefault, _):
            return .terminalDefault
        case let (.ansi(index), .ansi8):
            return .indexed(index % 8)
        case let (.ansi(index), _):
            return .indexed(index)
        case let (.rgb(rgb), .trueColor):
            return .rgb(rgb)
        case let (.rgb(rgb), .palette256):
            return .indexed(ColorMatch.nearest256(rgb))
        case let (.rgb(rgb), .ansi16):
            return .indexed(ColorMatch.nearestANSI(rgb, count: 16, excluding: excluded))
        case let (.rgb(rgb), .ansi8):
            return .indexed(ColorMatch.nearestANSI(rgb, count: 8, excluding: excluded))
        }
    }

    /// The RGB a theme colour stands for (xterm's values for ANSI names); nil for the default.
    static func rgb(of colour: ThemeColor) -> RGB? {
        switch colour {
        case let .rgb(rgb): return rgb
        case let .ansi(index): return ANSIColor.rgb[min(max(index, 0), 15)]
        case .screenDefault: return nil
        }
    }
}
