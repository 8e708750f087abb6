import Widgets

/// A theme's true colours as SVG fills: the screen colours (the theme's, or a typical terminal's
/// for its appearance) and the look of each style with `reverse` and `dim` applied.
struct SVGPalette {
    let resolved: ResolvedTheme
    let canvas: RGB
    let text: RGB

    /// What one style looks like in the picture.
    struct Look {
        var foreground: RGB
        var background: RGB
        var bold: Bool
        var underline: Bool
        var opacity: Double
    }

    init(theme: Theme) {
        resolved = ResolvedTheme(theme: theme, depth: .trueColor)
        let dark = theme.appearance == .dark
        canvas = theme.background.flatMap { ColorFitter.rgb(of: $0) } ?? (dark ? RGB(0x1d, 0x1f, 0x24) : RGB(0xff, 0xff, 0xff))
        text = theme.foreground.flatMap { ColorFitter.rgb(of: $0) } ?? (dark ? RGB(0xd8, 0xdd, 0xe6) : RGB(0x1f, 0x23, 0x28))
    }

    func look(of style: Style) -> Look {
        let r = resolved.resolve(style)
        var foreground = rgb(r.foreground, otherwise: text)
        var background = rgb(r.background, otherwise: canvas)
        if r.attributes.contains(.reverse) { swap(&foreground, &background) }
        return Look(
            foreground: foreground, background: background, bold: r.attributes.contains(.bold),
            underline: r.attributes.contains(.underline), opacity: r.attributes.contains(.dim) ? 0.6 : 1
        )
    }

    private func rgb(_ colour: TerminalColor, otherwise fallback: RGB) -> RGB {
        switch colour {
        case .terminalDefault: return fallback
        case let .indexed(index): return ColorMatch.xtermRGB(index: index)
        case let .rgb(rgb): return rgb
        }
    }
}
