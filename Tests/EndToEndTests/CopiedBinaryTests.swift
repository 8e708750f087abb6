import Foundation
import Testing

/// The binary copied alone into an empty folder, as a teacher takes it to class: every theme and
/// lesson of the repository is inside it (scripts/embed-assets), and nothing is read from the
/// repository. HOME and XDG_CONFIG_HOME point into the empty folder, so no user files are found.
@Suite(.serialized) struct CopiedBinaryTests {
    static let themes = ["default", "high-contrast", "light", "mono", "okabe-ito"]
    static let lessons = ["keep-and-replace", "reset-gate", "memory-and-overwrite", "conventions", "spot-the-bug"]

    /// An empty folder holding only a copy of the binary, and the environment for it.
    struct Copy {
        let folder: URL
        var binary: String { folder.appendingPathComponent("gruscope").path }
        var environment: [String: String] {
            ["HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "GRUSCOPE_THEMES": "", "LANG": "C.UTF-8"]
        }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-alone-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Copied by cp, not in this process: a test running a program at the same moment would
            // inherit our descriptor open for writing, and exec of the copy would fail with "Text
            // file busy" until that program ended.
            let copy = Process()
            copy.executableURL = URL(fileURLWithPath: "/bin/cp")
            copy.arguments = [BuiltBinary.path, binary]
            try copy.run()
            copy.waitUntilExit()
            guard copy.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        func run(_ arguments: [String], stdin: String? = nil) throws -> BuiltBinary.Result {
            try BuiltBinary.run(arguments, stdin: stdin, environment: environment, executable: binary, directory: folder)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func listsEveryThemeAndLessonAndRunsEveryLesson() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let themes = try copy.run(["themes"])
        #expect(themes.status == 0, "\(themes.stderr)")
        let listed = themes.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(listed == Self.themes, "\(themes.stdout)")
        #expect(themes.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("[built in]") }, "\(themes.stdout)")

        let lessons = try copy.run(["lessons"])
        #expect(lessons.status == 0, "\(lessons.stderr)")
        for (number, name) in Self.lessons.enumerated() {
            #expect(lessons.stdout.contains("\(number + 1). \(name): "), "\(lessons.stdout)")
            // Every step of the lesson, commands and placeholders, from the embedded text.
            let checked = try copy.run(["lessons", "--check", name])
            #expect(checked.status == 0 && checked.stdout.contains("steps run"), "\(name): \(checked.stdout)\(checked.stderr)")
        }
    }

    @Test func aUserLessonAndThemeFromTheConfigFolderJoinTheBuiltInOnes() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let config = copy.folder.appendingPathComponent("config/gruscope")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: config.appendingPathComponent("themes"), withIntermediateDirectories: true)
        let lesson = """
            name = "mine"
            number = 9
            title.en = "Mine"
            title.zh = "我的"
            summary.en = "A lesson of my own."
            summary.zh = "我自己的课。"

            [[step]]
            run = ["x = 1 2 3 4"]
            en = "One step."
            zh = "一步。"

            """
        try lesson.write(to: config.appendingPathComponent("lessons/mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"broken\"\nnumber = = 1\n".write(to: config.appendingPathComponent("lessons/broken.toml"), atomically: true, encoding: .utf8)
        let theme = try String(contentsOfFile: BuiltBinary.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes/mono.toml").path, encoding: .utf8)
        try theme.replacingOccurrences(of: "name = \"mono\"", with: "name = \"chalk\"")
            .write(to: config.appendingPathComponent("themes/chalk.toml"), atomically: true, encoding: .utf8)

        let lessons = try copy.run(["lessons"])
        #expect(lessons.stdout.contains("9. mine: Mine. A lesson of my own."), "\(lessons.stdout)")
        #expect(lessons.stdout.contains("5. spot-the-bug: "), "\(lessons.stdout)")
        #expect(lessons.stdout.contains(config.appendingPathComponent("lessons/broken.toml").path + " line 2: "), "\(lessons.stdout)")
        let repl = try copy.run(["repl", "--lesson", "mine"], stdin: "")
        #expect(repl.stdout.contains("One step."), "\(repl.stdout)\(repl.stderr)")

        let themes = try copy.run(["themes"])
        #expect(themes.stdout.contains("chalk") && themes.stdout.contains(config.appendingPathComponent("themes/chalk.toml").path), "\(themes.stdout)")
    }

    @Test(.enabled(if: TmuxHarness.isAvailable)) func takesTheHighContrastThemeOnTheScreen() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let tmux = try TmuxHarness(
            command: ["sh", "-c", "cd \"$0\" && exec ./gruscope --theme high-contrast", copy.folder.path],
            environment: copy.environment)
        defer { tmux.kill() }
        _ = try tmux.waitFor("h′")
        try tmux.sendKeys("?")
        let help = try tmux.waitFor("Theme: high-contrast")
        #expect(!help.contains("not found"), "\(help)")
        try tmux.sendKeys("Escape")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
