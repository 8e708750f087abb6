import Foundation
import Testing
import Themes
import Widgets

@Suite struct ThemeFileTests {
    @Test(arguments: shippedThemeNames) func shippedThemesParseAndNameEveryRole(name: String) throws {
        let loaded = try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get()
        #expect(loaded.theme.name == name)
        #expect(!loaded.theme.description.isEmpty)
        for role in Role.allCases {
            #expect(loaded.theme.roles[role] != nil, "\(name) leaves out \(role.rawValue)")
        }
    }

    @Test func compiledInTextEqualsTheFilesByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory).filter { $0.hasSuffix(".toml") }
        let advice = "run scripts/embed-assets after editing, adding or removing a file of themes/"
        #expect(ThemeLibrary.builtInNames == files.map { String($0.dropLast(5)) }.sorted(), "\(advice)")
        #expect(Set(Theme.builtIns.keys) == Set(ThemeLibrary.builtInNames))
        for name in ThemeLibrary.builtInNames {
            let file = try Data(contentsOf: URL(fileURLWithPath: themesDirectory + "/\(name).toml"))
            let compiled = try #require(ThemeLibrary.builtInText(name))
            #expect(Data(compiled.utf8) == file, "themes/\(name).toml: \(advice)")
            // Parsed as the file is, so a built-in theme is the file's theme.
            #expect(Theme.builtIns[name] == (try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get().theme))
        }
        #expect(ThemeLibrary.builtInText("sparkly") == nil)
    }

    @Test func oneBuiltInThemeIsParsedOnItsOwn() {
        // What --theme NAME and the default load on each start, without parsing the others.
        for name in ThemeLibrary.builtInNames {
            #expect(Theme.builtIn(named: name) == Theme.builtIns[name], "\(name)")
        }
        #expect(Theme.builtIn(named: "default") == Theme.default && Theme.builtIn(named: "mono") == Theme.mono)
        #expect(Theme.builtIn(named: "sparkly") == nil)
    }

    @Test func compiledInThemesParse() {
        #expect(Theme.default.name == "default")
        #expect(Theme.default.roles.count == Role.allCases.count)
        #expect(Theme.mono.name == "mono")
        #expect(Theme.mono.roles.count == Role.allCases.count)
    }

    @Test func defaultThemeDetails() {
        let theme = Theme.default
        #expect(theme.appearance == .dark)
        #expect(theme.background == nil)
        #expect(theme.style(for: .resetGate).foreground == .rgb(RGB(0xff, 0xa9, 0x4d)))
        #expect(theme.style(for: .newState).attributes == .bold)
        #expect(theme.style(for: .text).foreground == .screenDefault)
    }

    @Test func monoHasNoColourButDistinguishesItsRoles() {
        let mono = Theme.mono
        #expect(!mono.usesColour)
        #expect(mono.style(for: .selection).attributes.contains(.reverse))
        #expect(mono.style(for: .header).attributes.contains(.bold))
        #expect(mono.style(for: .focus).attributes != mono.style(for: .selection).attributes)
        #expect(mono.style(for: .error).attributes != [])
    }

    @Test func lightAndHighContrastPaintTheScreen() throws {
        let light = try ThemeLibrary.loadFile(themesDirectory + "/light.toml").get().theme
        #expect(light.appearance == .light)
        #expect(light.background == .rgb(RGB(0xfb, 0xfb, 0xf8)))
        let high = try ThemeLibrary.loadFile(themesDirectory + "/high-contrast.toml").get().theme
        #expect(high.background == .rgb(RGB(0, 0, 0)))
        let boldRoles = Role.allCases.filter { high.style(for: $0).attributes.contains(.bold) }
        #expect(boldRoles.count >= 12)
    }

    @Test func okabeItoUsesOnlyItsPalette() throws {
        let theme = try ThemeLibrary.loadFile(themesDirectory + "/okabe-ito.toml").get().theme
        let okabeIto: Set<RGB> = [
            RGB(0xe6, 0x9f, 0x00), RGB(0x56, 0xb4, 0xe9), RGB(0x00, 0x9e, 0x73), RGB(0xf0, 0xe4, 0x42),
            RGB(0x00, 0x72, 0xb2), RGB(0xd5, 0x5e, 0x00), RGB(0xcc, 0x79, 0xa7), RGB(0, 0, 0),
        ]
        let quantities: [Role] = [.resetGate, .updateGate, .kept, .candidate, .added, .newState, .positive, .negative]
        for role in quantities {
            guard case let .rgb(rgb) = theme.style(for: role).foreground else {
                Issue.record("\(role.rawValue) has no RGB colour")
                continue
            }
            #expect(okabeIto.contains(rgb), "\(role.rawValue)")
        }
    }

    @Test func leftOutRolesGetMonoAttributes() throws {
        let theme = try Theme.parse("name = \"tiny\"\n[roles]\nkept = { fg = \"red\" }\n", file: "tiny.toml")
        #expect(theme.style(for: .kept).foreground == .ansi(1))
        #expect(theme.style(for: .selection) == Theme.mono.style(for: .selection))
    }

    @Test func colourForms() throws {
        let text = """
            foreground = "bright-white"
            background = "#102030"
            [palette]
            red = "#aa0000"
            [roles]
            kept = { fg = "red", bg = "blue" }
            added = { fg = "#ABCDEF", bg = "default" }
            """
        let theme = try Theme.parse(text, file: "forms.toml")
        #expect(theme.name == "forms")
        #expect(theme.foreground == .ansi(15))
        #expect(theme.background == .rgb(RGB(0x10, 0x20, 0x30)))
        #expect(theme.style(for: .kept).foreground == .rgb(RGB(0xaa, 0, 0)))  // the palette wins
        #expect(theme.style(for: .kept).background == .ansi(4))
        #expect(theme.style(for: .added).foreground == .rgb(RGB(0xab, 0xcd, 0xef)))
        #expect(theme.style(for: .added).background == .screenDefault)
    }

    @Test func tableFormOfRoles() throws {
        let text = """
            [roles.kept]
            fg = "#00ff00"
            attributes = ["bold", "underline"]
            """
        let theme = try Theme.parse(text, file: "t.toml")
        #expect(theme.style(for: .kept) == RoleStyle(foreground: .rgb(RGB(0, 255, 0)), attributes: [.bold, .underline]))
    }
}
