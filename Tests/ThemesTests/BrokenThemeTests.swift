import Testing
import Themes

@Suite struct BrokenThemeTests {
    static let header = """
        name = "bad"
        description = "broken on purpose"

        [palette]
        teal = "#2ec4b6"

        [roles]

        """

    @Test func unknownColourNameNamesFileLineAndKey() throws {
        let error = try #require(parseError(Self.header.replacingLastLine(with: "[roles]") + "\nkept = { fg = \"tael\" }\n"))
        #expect(error.file == "themes/bad.toml")
        #expect(error.line == 8)
        #expect(error.key == "roles.kept.fg")
        #expect(error.description == "themes/bad.toml line 8: role 'kept': unknown colour 'tael' (use #RRGGBB or a [palette] name; did you mean 'teal'?)")
    }

    @Test func unknownColourWithoutACloseName() throws {
        let error = try #require(parseError("[roles]\nkept = { fg = \"chartreuse\" }\n"))
        #expect(error.description == "themes/bad.toml line 2: role 'kept': unknown colour 'chartreuse' (use #RRGGBB or a [palette] name)")
    }

    @Test func syntaxErrorsCarryTheParsersLine() throws {
        let error = try #require(parseError("name = \"x\"\n[roles]\nkept = { fg = \"teal\"\n"))
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("TOML syntax: "))
        #expect(!error.description.contains("\n"))
    }

    @Test func unknownRole() throws {
        let error = try #require(parseError("[roles]\n\nkep = { fg = \"red\" }\n"))
        #expect(error.line == 3)
        #expect(error.key == "roles.kep")
        #expect(error.message == "unknown role 'kep' (did you mean 'kept'?)")
        let far = try #require(parseError("[roles]\nsparkle = {}\n"))
        #expect(far.message.hasPrefix("unknown role 'sparkle' (use reset-gate, update-gate, kept,"))
    }

    @Test func badHex() throws {
        for bad in ["#12345", "#1234567", "#gg0000", "#"] {
            let error = try #require(parseError("[roles]\nkept = { bg = \"\(bad)\" }\n"))
            #expect(error.line == 2)
            #expect(error.key == "roles.kept.bg")
            #expect(error.message == "role 'kept': bad colour '\(bad)' (use #RRGGBB)")
        }
        let palette = try #require(parseError("[palette]\nteal = \"#2ec4b\"\n"))
        #expect(palette.description == "themes/bad.toml line 2: palette 'teal': bad colour '#2ec4b' (use #RRGGBB)")
    }

    @Test func wrongTypes() throws {
        let cases: [(String, Int, String, String)] = [
            ("[roles]\nkept = { fg = 3 }\n", 2, "roles.kept.fg", "role 'kept': 'fg' must be a colour like \"#2ec4b6\", not an integer"),
            ("[roles]\nkept = \"red\"\n", 2, "roles.kept", "role 'kept' must be a table like { fg = \"#2ec4b6\", attributes = [\"bold\"] }, not a string"),
            ("[roles]\nkept = { attributes = \"bold\" }\n", 2, "roles.kept.attributes", "role 'kept': 'attributes' must be a list like [\"bold\"], not a string"),
            ("[roles]\nkept = { attributes = [1] }\n", 2, "roles.kept.attributes", "role 'kept': attributes must be strings, not an integer"),
            ("name = 5\n", 1, "name", "'name' must be a string, not an integer"),
            ("description = true\n", 1, "description", "'description' must be a string, not true/false"),
            ("roles = 3\n", 1, "roles", "[roles] must be a table of role = { fg = ..., bg = ..., attributes = [...] }, not an integer"),
            ("palette = [\"#000000\"]\n", 1, "palette", "[palette] must be a table of name = \"#RRGGBB\", not a list"),
            ("[palette]\nteal = 0x2ec4b6\n", 2, "palette.teal", "palette 'teal' must be a colour like \"#2ec4b6\", not an integer"),
            ("background = 1.5\n", 1, "background", "'background': 'background' must be a colour like \"#2ec4b6\", not a number"),
        ]
        for (text, line, key, message) in cases {
            let error = try #require(parseError(text), "\(text)")
            #expect(error.line == line, "\(text)")
            #expect(error.key == key, "\(text)")
            #expect(error.message == message, "\(text)")
        }
    }

    @Test func unknownAttribute() throws {
        let error = try #require(parseError("[roles]\nkept = { attributes = [\"bold\", \"blink\"] }\n"))
        #expect(error.message == "role 'kept': unknown attribute 'blink' (use bold, reverse, underline, dim; did you mean 'bold'?)" || error.message == "role 'kept': unknown attribute 'blink' (use bold, reverse, underline, dim)")
        #expect(error.line == 2)
    }

    @Test func unknownKeys() throws {
        let inRole = try #require(parseError("[roles]\nkept = { colour = \"red\" }\n"))
        #expect(inRole.message == "role 'kept': unknown key 'colour' (use fg, bg, attributes)")
        let foreground = try #require(parseError("[roles]\nkept = { fgg = \"red\" }\n"))
        #expect(foreground.message == "role 'kept': unknown key 'fgg' (did you mean 'fg'?)")
        let topLevel = try #require(parseError("name = \"x\"\ncolours = 1\n"))
        #expect(topLevel.line == 2)
        #expect(topLevel.message == "unknown key 'colours' (use name, description, appearance, foreground, background, palette, roles)")
    }

    @Test func badAppearance() throws {
        let error = try #require(parseError("appearance = \"dim\"\n"))
        #expect(error.message == "'appearance' must be \"dark\" or \"light\", not 'dim'")
    }

    @Test func lineOfAKeyInsideATableHeaderForm() throws {
        let error = try #require(parseError("# comment with kept = 1\n[roles.kept]\nattributes = [\"bold\"]\nfg = \"nope\"\n"))
        #expect(error.line == 4)
        #expect(error.key == "roles.kept.fg")
    }

    @Test func theEarliestProblemIsReported() throws {
        let error = try #require(parseError("[roles]\nkept = { fg = \"nope\" }\nadded = { fg = \"#12\" }\nzzz = {}\n"))
        #expect(error.line == 2)
    }

    @Test func hashInsideStringsIsNotAComment() throws {
        let error = try #require(parseError("[roles]\nkept = { bg = \"#000000\", fg = \"#zz\" } # trailing\n"))
        #expect(error.line == 2)
        #expect(error.key == "roles.kept.fg")
    }
}

extension String {
    fileprivate func replacingLastLine(with line: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        lines[lines.count - 1] = line
        return lines.joined(separator: "\n")
    }
}

@Suite struct UnusualThemeTextTests {
    @Test func nulCharactersAreRejectedNotTruncated() throws {
        let error = try #require(parseError("name = \"x\"\n[roles]\n\u{0}kept = { fg = \"nope\" }\n"))
        #expect(error.description == "themes/bad.toml line 3: contains a NUL character; a theme is plain text")
    }

    @Test func emptyTextIsAnEmptyTheme() throws {
        let theme = try Theme.parse("", file: "themes/empty.toml")
        #expect(theme.name == "empty")
        #expect(theme.roles.isEmpty)
        #expect(theme.style(for: .selection) == Theme.mono.style(for: .selection))
    }
}
