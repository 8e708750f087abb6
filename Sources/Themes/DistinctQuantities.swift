import Widgets

/// At 8 and 16 colours, the six GRU quantities (r, z, kept, candidate, added, h′) must still
/// look different from each other: nearest-colour fitting alone folds sky blue, blue and teal
/// onto one cyan.
///
/// The rule, quantity by quantity in ``order``: keep the fitted colour if no earlier quantity
/// has it; otherwise take the nearest palette colour that
/// no earlier quantity uses and that is not the screen's background. Even 8 colours leave 7
/// besides the background, enough for all six. Where there is no colour at all (NO_COLOR,
/// `TERM=dumb`, the mono theme, a theme that leaves a quantity out) the mono theme's attributes
/// tell the six apart instead (themes/mono.toml).
struct DistinctQuantities {
    /// The order in which quantities claim colours: the new state first (it is what the class
    /// watches), then in the order the cell computes them.
    static let order: [Role] = [.newState, .resetGate, .updateGate, .kept, .candidate, .added]

    /// The text colour of each coloured quantity.
    private(set) var colours: [Role: TerminalColor] = [:]

    init(theme: Theme, depth: ColorDepth, screenBackgroundIndex: Int) {
        guard depth == .ansi8 || depth == .ansi16 else { return }
        let count = depth == .ansi8 ? 8 : 16
        var taken: Set<Int> = []
        for role in Self.order {
            let style = theme.style(for: role)
            guard let colour = style.foreground, colour != .screenDefault,
                  case let .indexed(fitted) = ColorFitter.fit(colour, depth: depth, excluding: screenBackgroundIndex)
            else { continue }
            var index = fitted
            if taken.contains(index) {
                let target = ColorFitter.rgb(of: colour) ?? ColorMatch.xtermRGB(index: fitted)
                let free = (0..<count).filter { $0 != screenBackgroundIndex && !taken.contains($0) }
                if let nearest = free.min(by: { ColorMatch.distance(target, ColorMatch.xtermRGB(index: $0)) < ColorMatch.distance(target, ColorMatch.xtermRGB(index: $1)) }) {
                    index = nearest
                }
            }
            taken.insert(index)
            colours[role] = .indexed(index)
        }
    }
}
