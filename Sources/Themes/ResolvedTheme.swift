import Widgets

/// A theme fitted to one terminal's colour depth: every ``Style`` maps to concrete colours and
/// attributes with one array lookup, so resolving each cell of every frame costs nothing.
///
/// Rules:
/// - A style's text colour is its foreground role's `fg` (else the theme's foreground, else the
///   terminal's). Its cell colour is its background role's `bg` (else that role's `fg`), or when
///   the style has no background role, the foreground role's own `bg` (else the theme's
///   background, else the terminal's). Attributes are the union of both roles' and the style's.
/// - 24-bit colours stay exact at ``ColorDepth/trueColor``, go to the nearest of the 240 fixed
///   xterm colours at 256, and to the nearest ANSI colour at 16 and 8, never the very colour of
///   the cell behind the text. ANSI-named colours keep their index (bright ones lose the
///   brightness at 8).
/// - At 16 and 8 colours, a role background that fitted onto the screen's own background (so the
///   highlight vanished) gets the mono theme's attributes for that role instead (reverse for
///   selection).
/// - At ``ColorDepth/none`` every colour is the terminal default and a theme that uses colour is
///   drawn with the mono theme's attributes (a theme without colours keeps its own).
public struct ResolvedTheme: Sendable {
    /// The theme, with its true colours (the SVG export uses these).
    public let theme: Theme
    /// The depth fitted to.
    public let depth: ColorDepth
    /// Blank screen cells: the theme's foreground and background, fitted.
    public let screen: ResolvedStyle
    /// Every combination of foreground role, background role (or none) and the four attributes:
    /// ``Style/count`` entries, made once, so that resolving a style is one array lookup.
    let table: [ResolvedStyle]


    /// Fits `theme` to `depth`.
    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        let fitter = ColorFitter(theme: theme, depth: depth)
        screen = ResolvedStyle(foreground: fitter.screenForeground, background: fitter.screenBackground, attributes: [])
        var table: [ResolvedStyle] = []
        table.reserveCapacity(Style.count)
        let roles = Role.allCases.sorted { $0.ordinal < $1.ordinal }
        for foreground in roles {
            for background in [nil] + roles.map(Optional.some) {
                let base = fitter.resolve(foreground: foreground, background: background)
                for bits in 0..<UInt8(16) {
                    var style = base
                    style.attributes.formUnion(TextAttributes(rawValue: bits))
                    table.append(style)
                }
            }
        }
        self.table = table
    }

    /// The colours and attributes for a style.
    public func resolve(_ style: Style) -> ResolvedStyle {
        table[style.index]
    }
}
