import Foundation
import Testing

@Suite struct LessonCommandTests {
    static let english = ["LC_ALL": "en_US.UTF-8"]
    static var lessons: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
    }

    @Test func aLessonPipedThroughTheReplCompletes() throws {
        let result = try BuiltBinary.run(
            ["repl", "--lesson", "keep-and-replace"], stdin: String(repeating: "next\n", count: 6), environment: Self.english)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(!result.stdout.contains("error:"), "\(result.stdout)")
        for step in 1...5 { #expect(result.stdout.contains("Lesson 1: Keep and replace, step \(step) of 5")) }
        #expect(result.stdout.contains("Look at unit 4: it keeps 50% of its old 4.00, which is 2.00."))
        #expect(result.stdout.hasSuffix("Lesson 1, Keep and replace, is complete. Type lesson to choose another, or prev to look again.\n"))
    }

    @Test(arguments: ["reset-gate", "memory-and-overwrite", "conventions", "spot-the-bug", "memory-over-time"])
    func everyOtherLessonCompletesInChinese(name: String) throws {
        let result = try BuiltBinary.run(
            ["repl", "--lesson", name, "--lang", "zh"], stdin: String(repeating: "next\n", count: 8), environment: Self.english)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(!result.stdout.contains("error:"), "\(result.stdout)")
        #expect(result.stdout.contains("已经学完"))
    }

    @Test func theLanguageComesFromTheEnvironmentUnlessGiven() throws {
        let chinese = try BuiltBinary.run(["repl"], stdin: "explain 0\n", environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.hasPrefix("单元 0 "), "\(chinese.stdout)")
        let override = try BuiltBinary.run(["repl"], stdin: "explain 0\n", environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"])
        #expect(override.stdout.hasPrefix("Unit 0 "), "\(override.stdout)")
        let flag = try BuiltBinary.run(["repl", "--lang", "zh"], stdin: "summary\n", environment: Self.english)
        #expect(flag.stdout.hasPrefix("这一步："), "\(flag.stdout)")
    }

    @Test func teachingCommandsWorkInTheRepl() throws {
        let input = "scene seed-doc\nwhy z 4\nrule after\nexplain 4\nbug 4\nlang zh\nlang\nexplain 99\n"
        let result = try BuiltBinary.run(["repl"], stdin: input, environment: Self.english)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Where z[4] comes from (the update gate of unit 4):"))
        #expect(result.stdout.contains("PyTorch/cuDNN rule: r of unit 4"))
        #expect(result.stdout.contains("new_h = u_s*state + (1-u)*_c"))
        #expect(result.stdout.contains("语言：简体中文。用 lang en 或 lang zh 切换。"))
        #expect(result.stdout.hasSuffix("error: 没有单元 99；单元编号是 0 到 5\n"), "\(result.stdout)")
    }

    @Test func lessonsAreListedInTheChosenLanguage() throws {
        let english = try BuiltBinary.run(["lessons"], environment: Self.english)
        #expect(english.status == 0)
        let lines = english.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("  1. keep-and-replace: Keep and replace. ") == true)
        let chinese = try BuiltBinary.run(["lessons", "--lang", "zh"], environment: Self.english)
        #expect(chinese.stdout.contains("  5. spot-the-bug：找出错误。"))
    }

    @Test func aLessonFileCanBeCheckedAndStartedFromAPath() throws {
        let path = Self.lessons.appendingPathComponent("spot-the-bug.toml").path
        let check = try BuiltBinary.run(["lessons", "--check", path], environment: Self.english)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "\(path): 5 steps run, every placeholder filled\n")
        let started = try BuiltBinary.run(["repl", "--lesson", path], stdin: "", environment: Self.english)
        #expect(started.stdout.hasPrefix("Lesson 5: Spot the bug, step 1 of 5"))
    }

    @Test func brokenLessonsStopWithOneErrorLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-broken-\(getpid()).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "name = \"b\"\nnumber = 1\ntitle.en = \"T\"\ntitle.zh = \"t\"\nsummary.en = \"S\"\nsummary.zh = \"s\"\n\n[[step]]\nrun = [\"scene seed-doc\"]\nen = \"a\"\nzh = \"b\"\n\n[[step]]\nrun = [\"x = 1 2 3\"]\nen = \"a\"\nzh = \"b\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let check = try BuiltBinary.run(["lessons", "--check", file.path], environment: Self.english)
        #expect(check.status == 2)
        #expect(check.stderr == "error: \(file.path) step 2 (x = 1 2 3): x needs 4 numbers, got 3\n")

        try "name = \"b\"\nnumber = \n".write(to: file, atomically: true, encoding: .utf8)
        let parse = try BuiltBinary.run(["repl", "--lesson", file.path], stdin: "", environment: Self.english)
        #expect(parse.status == 2)
        #expect(parse.stderr.hasPrefix("error: \(file.path) line 2: "), "\(parse.stderr)")
        #expect(parse.stderr.split(separator: "\n").count == 1)

        let unknown = try BuiltBinary.run(["repl", "--lesson", "nope"], stdin: "", environment: Self.english)
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("error: there is no lesson 'nope'; lessons: keep-and-replace, "))
        let language = try BuiltBinary.run(["repl", "--lang", "fr"], stdin: "", environment: Self.english)
        #expect(language.status == 2 && language.stderr == "error: --lang takes en or zh, got 'fr'\n")
    }
}
