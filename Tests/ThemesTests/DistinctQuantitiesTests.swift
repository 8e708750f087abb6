import Testing
import Themes
import Widgets

@Suite struct DistinctQuantitiesTests {
    static let quantities: [Role] = [.resetGate, .updateGate, .kept, .candidate, .added, .newState]

    /// How a role's text looks: its colour and attributes.
    func look(_ resolved: ResolvedTheme, _ role: Role) -> String {
        let style = resolved.resolve(Style(role))
        return "\(style.foreground) \(style.attributes.rawValue)"
    }

    @Test(arguments: [ColorDepth.ansi8, .ansi16]) func everyShippedThemeKeepsTheSixQuantitiesApart(depth: ColorDepth) throws {
        for name in shippedThemeNames {
            let theme = try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get().theme
            guard theme.usesColour else { continue }
            let resolved = ResolvedTheme(theme: theme, depth: depth)
            let looks = Self.quantities.map { look(resolved, $0) }
            #expect(Set(looks).count == 6, "\(name) at \(depth): \(looks)")
            // And none of them vanishes into the screen.
            for role in Self.quantities {
                #expect(resolved.resolve(Style(role)).foreground != resolved.screen.background || resolved.screen.background == .terminalDefault)
            }
        }
    }

    @Test func atEightColoursTheDefaultThemeGetsSixDistinctColours() throws {
        let resolved = ResolvedTheme(theme: .default, depth: .ansi8)
        let colours = Self.quantities.map { resolved.resolve(Style($0)).foreground }
        #expect(Set(colours).count == 6, "\(colours)")
        #expect(!colours.contains(.indexed(0)))
    }

    @Test func oneColourForAllBecomesSixAtEightColours() throws {
        let text = """
            [roles]
            reset-gate = { fg = "#ff0000" }
            update-gate = { fg = "#ff0000" }
            kept = { fg = "#ff0000" }
            candidate = { fg = "#ff0000" }
            added = { fg = "#ff0000" }
            new-state = { fg = "#ff0000" }
            """
        let theme = try Theme.parse(text, file: "red.toml")
        let resolved = ResolvedTheme(theme: theme, depth: .ansi8)
        let colours = Self.quantities.map { resolved.resolve(Style($0)).foreground }
        #expect(Set(colours).count == 6, "\(colours)")
        #expect(!colours.contains(.indexed(0)))
        // h′ claims first and keeps the nearest colour, red.
        #expect(resolved.resolve(Style(.newState)).foreground == .indexed(1))
        // At full colour the theme is drawn as written: one red.
        let full = ResolvedTheme(theme: theme, depth: .trueColor)
        #expect(Set(Self.quantities.map { look(full, $0) }).count == 1)
    }

    @Test(arguments: ColorDepth.allCases) func withoutColourAttributesTellThemApart(depth: ColorDepth) {
        // The mono theme at any depth, and every theme without colour (NO_COLOR).
        for theme in [Theme.mono, .default] where theme == .mono || depth == .none {
            let resolved = ResolvedTheme(theme: theme, depth: depth)
            let attributes = Self.quantities.map { resolved.resolve(Style($0)).attributes.rawValue }
            #expect(Set(attributes).count == 6, "\(theme.name) at \(depth)")
        }
    }

    @Test func otherRolesAndDeepPalettesAreUntouched() {
        let deep = ResolvedTheme(theme: .default, depth: .palette256)
        let before = ResolvedTheme(theme: .default, depth: .palette256)
        for role in Role.allCases { #expect(deep.resolve(Style(role)) == before.resolve(Style(role))) }
        let eight = ResolvedTheme(theme: .default, depth: .ansi8)
        #expect(eight.resolve(Style(.header)).attributes.contains(.bold))
    }
}
