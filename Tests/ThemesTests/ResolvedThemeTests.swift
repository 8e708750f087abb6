import Testing
@testable import Themes
import Widgets

@Suite struct ResolvedThemeTests {
    @Test func trueColourKeepsTheThemesColours() {
        let resolved = ResolvedTheme(theme: .default, depth: .trueColor)
        let style = resolved.resolve(Style(.resetGate))
        #expect(style.foreground == .rgb(RGB(0xff, 0xa9, 0x4d)))
        #expect(style.background == .terminalDefault)
        #expect(style.attributes == [])
    }

    @Test func attributesMerge() {
        let resolved = ResolvedTheme(theme: .default, depth: .trueColor)
        #expect(resolved.resolve(Style(.newState, attributes: .underline)).attributes == [.bold, .underline])
        #expect(resolved.resolve(Style(.kept, background: .selection, attributes: .reverse)).attributes == [.bold, .reverse])
    }

    @Test func backgroundRoles() {
        let resolved = ResolvedTheme(theme: .default, depth: .trueColor)
        let selected = resolved.resolve(Style(.kept, background: .selection))
        #expect(selected.foreground == .rgb(RGB(0x74, 0xc0, 0xfc)))
        #expect(selected.background == .rgb(RGB(0x2f, 0x36, 0x50)))
        let focus = resolved.resolve(Style(.focus))
        #expect(focus.foreground == .rgb(RGB(0x16, 0x16, 0x1e)))
        #expect(focus.background == .rgb(RGB(0xff, 0xd1, 0x66)))
        // A background role without bg lends its fg.
        #expect(resolved.resolve(Style(.text, background: .header)).background == .rgb(RGB(0xff, 0xd1, 0x66)))
        // "default" is the screen's colour.
        #expect(resolved.resolve(Style(.text)).foreground == .terminalDefault)
    }

    @Test func screenColoursComeFromTheTheme() throws {
        let light = try ThemeLibrary.loadFile(themesDirectory + "/light.toml").get().theme
        let resolved = ResolvedTheme(theme: light, depth: .trueColor)
        #expect(resolved.screen.background == .rgb(RGB(0xfb, 0xfb, 0xf8)))
        #expect(resolved.screen.foreground == .rgb(RGB(0x1f, 0x23, 0x28)))
        #expect(resolved.resolve(Style(.text)).background == .rgb(RGB(0xfb, 0xfb, 0xf8)))
        #expect(resolved.resolve(Style(.text)).foreground == .rgb(RGB(0x1f, 0x23, 0x28)))
        #expect(ResolvedTheme(theme: .default, depth: .trueColor).screen == ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: []))
    }

    @Test func palette256() {
        let resolved = ResolvedTheme(theme: .default, depth: .palette256)
        for role in Role.allCases {
            let style = resolved.resolve(Style(role))
            for colour in [style.foreground, style.background] {
                if case let .indexed(index) = colour { #expect((16..<256).contains(index)) } else { #expect(colour == .terminalDefault) }
            }
        }
    }

    @Test(arguments: [ColorDepth.ansi8, .ansi16]) func fewColoursNeverHideTextInTheBackground(depth: ColorDepth) throws {
        for name in shippedThemeNames {
            let theme = try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get().theme
            let resolved = ResolvedTheme(theme: theme, depth: depth)
            let limit = depth == .ansi8 ? 8 : 16
            for role in Role.allCases {
                for background in [nil] + Role.allCases.map(Optional.some) {
                    let style = resolved.resolve(Style(role, background: background))
                    if case let .indexed(index) = style.foreground { #expect(index < limit) }
                    if case let .indexed(index) = style.background { #expect(index < limit) }
                    if style.foreground != .terminalDefault || style.background != .terminalDefault {
                        #expect(style.foreground != style.background, "\(name) \(role.rawValue) on \(background?.rawValue ?? "screen")")
                    }
                }
                // On the (assumed) screen background, text is never drawn in that very colour.
                let plain = resolved.resolve(Style(role))
                if plain.background == .terminalDefault, theme.appearance == .dark {
                    #expect(plain.foreground != .indexed(0), "\(name) \(role.rawValue)")
                }
            }
        }
    }

    @Test func aHighlightLostToFewColoursFallsBackToMonoAttributes() throws {
        let light = try ThemeLibrary.loadFile(themesDirectory + "/light.toml").get().theme
        // At 8 colours the pale selection background fits onto the (light grey) screen, so
        // reverse steps in.
        let eight = ResolvedTheme(theme: light, depth: .ansi8)
        let selected = eight.resolve(Style(.text, background: .selection))
        #expect(selected.background == eight.screen.background)
        #expect(selected.attributes.contains(.reverse))
        // At 16 it lands on white (7) against bright white (15): still a highlight, no help needed.
        let sixteen = ResolvedTheme(theme: light, depth: .ansi16).resolve(Style(.text, background: .selection))
        #expect(sixteen.background == .indexed(7))
        #expect(!sixteen.attributes.contains(.reverse))
        // And at 256 colours it survives too.
        #expect(!ResolvedTheme(theme: light, depth: .palette256).resolve(Style(.text, background: .selection)).attributes.contains(.reverse))
    }

    @Test func textNeverTakesTheColourOfItsOwnCell() throws {
        let theme = try Theme.parse("foreground = \"#ffffff\"\n[roles]\ntext = { fg = \"#ffffff\" }\n", file: "w.toml")
        for depth in ColorDepth.allCases where depth != .none {
            let style = ResolvedTheme(theme: theme, depth: depth).resolve(Style(.selection, background: .text))
            #expect(style.foreground != style.background, "\(depth)")
        }
    }

    @Test func ansiNamesKeepTheirIndex() throws {
        let theme = try Theme.parse("[roles]\nkept = { fg = \"bright-red\", bg = \"blue\" }\n", file: "a.toml")
        #expect(ResolvedTheme(theme: theme, depth: .trueColor).resolve(Style(.kept)).foreground == .indexed(9))
        #expect(ResolvedTheme(theme: theme, depth: .ansi16).resolve(Style(.kept)).foreground == .indexed(9))
        #expect(ResolvedTheme(theme: theme, depth: .ansi8).resolve(Style(.kept)).foreground == .indexed(1))
        #expect(ResolvedTheme(theme: theme, depth: .ansi8).resolve(Style(.kept)).background == .indexed(4))
    }

    @Test(arguments: shippedThemeNames) func noColourMeansMonoAttributes(name: String) throws {
        let theme = try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get().theme
        let resolved = ResolvedTheme(theme: theme, depth: .none)
        #expect(resolved.screen == ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: []))
        for role in Role.allCases {
            let style = resolved.resolve(Style(role))
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
            #expect(style.attributes == Theme.mono.style(for: role).attributes)
        }
        #expect(resolved.resolve(Style(.kept, background: .selection)).attributes.contains(.reverse))
        #expect(resolved.resolve(Style(.header)).attributes.contains(.bold))
        #expect(resolved.resolve(Style(.text, attributes: .underline)).attributes == .underline)
    }

    @Test func monoStaysMonoAtAnyDepth() {
        for depth in ColorDepth.allCases {
            let resolved = ResolvedTheme(theme: .mono, depth: depth)
            #expect(resolved.resolve(Style(.selection)) == ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: .reverse))
            #expect(resolved.resolve(Style(.focus)).attributes == [.reverse, .bold, .underline])
        }
    }

    /// Resolving a cell costs one lookup in a table made once per theme and depth, of a size fixed
    /// by the roles (not by the screen or the theme file): checked by counting, not timing. The
    /// time a whole frame takes is measured in release by `gruscope --bench-render`.
    @Test func resolvingIsOneLookupInATableOfFixedSize() {
        #expect(Style.count == Role.count * (Role.count + 1) * 16 && Style.count <= 4_096)
        for depth in ColorDepth.allCases {
            let resolved = ResolvedTheme(theme: .default, depth: depth)
            #expect(resolved.table.count == Style.count)
            let styles = Role.allCases.flatMap { role in
                [Style(role), Style(role, background: .selection, attributes: .bold), Style(role, attributes: [.reverse, .dim])]
            }
            for style in styles {
                #expect((0..<Style.count).contains(style.index))
                #expect(resolved.resolve(style) == resolved.table[style.index])
            }
        }
    }
}
