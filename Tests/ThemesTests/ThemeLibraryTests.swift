import Foundation
import Testing
import Themes

@Suite struct ThemeLibraryTests {
    @Test func namesAreFoundInTheShippedFolder() throws {
        let library = ThemeLibrary(directories: [themesDirectory])
        for name in shippedThemeNames {
            let loaded = try library.load(name).get()
            #expect(loaded.theme.name == name)
            #expect(loaded.source == .file(themesDirectory + "/\(name).toml"))
        }
    }

    @Test func builtInsWithoutAnyFolder() throws {
        let library = ThemeLibrary(directories: ["/nonexistent/gruscope"])
        #expect(try library.load("default").get() == LoadedTheme(theme: .default, source: .builtIn))
        // Every shipped theme is built in (a binary copied alone has all of them).
        for name in shippedThemeNames {
            #expect(try library.load(name).get().source == .builtIn, "\(name)")
        }
        #expect(throws: ThemeError.self) { try library.load("sparkly").get() }
    }

    @Test func earlierDirectoriesWin() throws {
        let first = try temporaryDirectory()
        let second = try temporaryDirectory()
        try "name = \"first\"\n".write(toFile: first + "/x.toml", atomically: true, encoding: .utf8)
        try "name = \"second\"\n".write(toFile: second + "/x.toml", atomically: true, encoding: .utf8)
        try "name = \"only\"\n".write(toFile: second + "/y.toml", atomically: true, encoding: .utf8)
        let library = ThemeLibrary(directories: [first, second])
        #expect(try library.load("x").get().theme.name == "first")
        #expect(try library.load("y").get().theme.name == "only")
    }

    @Test func pathsAreReadDirectly() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/mine.toml"
        try "description = \"mine\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let library = ThemeLibrary(directories: [])
        let loaded = try library.load(path).get()
        #expect(loaded.theme.name == "mine")
        #expect(loaded.source == .file(path))
        #expect(ThemeLibrary.isPath("a/b") && ThemeLibrary.isPath("b.toml") && !ThemeLibrary.isPath("light"))
    }

    @Test func missingNamesListWhatExists() throws {
        let library = ThemeLibrary(directories: [themesDirectory])
        let error = try #require(library.load("sparkly").failure)
        #expect(error.description == "theme 'sparkly': not found in \(themesDirectory); available: default, high-contrast, light, mono, okabe-ito")
        let empty = try #require(library.load("").failure)
        #expect(empty.message.contains("empty theme name"))
    }

    @Test func missingAndUnreadableFiles() throws {
        let missing = try #require(ThemeLibrary(directories: []).load("/nonexistent/x.toml").failure)
        #expect(missing.description == "/nonexistent/x.toml: no such theme file")
        let directory = try temporaryDirectory()
        let binary = directory + "/binary.toml"
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: URL(fileURLWithPath: binary))
        let notText = try #require(ThemeLibrary.loadFile(binary).failure)
        #expect(notText.description == "\(binary): not UTF-8 text")
    }

    @Test func brokenThemesFallBackToDefaultWithTheError() throws {
        let directory = try temporaryDirectory()
        try "[roles]\nkept = { fg = \"tael\" }\n".write(toFile: directory + "/bad.toml", atomically: true, encoding: .utf8)
        let library = ThemeLibrary(directories: [directory])
        let (theme, error) = library.loadOrDefault("bad")
        #expect(theme.theme == .default)
        #expect(theme.source == .builtIn)
        #expect(error?.description == "\(directory)/bad.toml line 2: role 'kept': unknown colour 'tael' (use #RRGGBB or a [palette] name)")
        let (fine, none) = library.loadOrDefault(nil)
        #expect(fine.theme == .default && none == nil)
    }

    @Test func listing() throws {
        let directory = try temporaryDirectory()
        try "description = \"mine\"\n".write(toFile: directory + "/mine.toml", atomically: true, encoding: .utf8)
        try "[roles\n".write(toFile: directory + "/broken.toml", atomically: true, encoding: .utf8)
        try "description = \"my default\"\n".write(toFile: directory + "/default.toml", atomically: true, encoding: .utf8)
        try "not a theme".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let listings = ThemeLibrary(directories: [directory, "/nonexistent"]).list()
        #expect(listings.map(\.name) == ["broken", "default", "high-contrast", "light", "mine", "mono", "okabe-ito"])
        #expect(listings[0].error?.line == 1)
        #expect(listings[1].description == "my default")
        #expect(listings[1].source == .file(directory + "/default.toml"))
        #expect(listings[5].source == .builtIn)
        #expect(listings[5].source.description == "built in")
        let shipped = ThemeLibrary(directories: [themesDirectory]).list()
        #expect(shipped.map(\.name) == ["default", "high-contrast", "light", "mono", "okabe-ito"])
        #expect(shipped.allSatisfy { $0.error == nil && !$0.description.isEmpty })
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
