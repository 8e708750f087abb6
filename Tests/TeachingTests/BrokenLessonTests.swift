import Localization
import Foundation
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct BrokenLessonTests {
    /// A lesson file with a given body of steps (each step a TOML fragment).
    static func lesson(name: String = "x", steps: [String], header: String? = nil) -> String {
        let top = header ?? """
            name = "\(name)"
            number = 9
            title.en = "T"
            title.zh = "题"
            summary.en = "S"
            summary.zh = "概"
            """
        return top + "\n" + steps.map { "\n[[step]]\n" + $0 + "\n" }.joined()
    }

    static let goodStep = """
        run = ["seed 2017", "scene seed-doc"]
        en = "z is {z[4]}"
        zh = "z 是 {z[4]}"
        """

    static func parseError(_ text: String, language: Language = .en) -> String? {
        do {
            _ = try Lesson.parse(text, file: "lessons/x.toml")
            return nil
        } catch {
            return error.message(in: language)
        }
    }

    @Test func badTOMLNamesTheFileAndLine() throws {
        let text = "name = \"x\"\nnumber = 1\ntitle.en = \"T\n"
        let message = try #require(Self.parseError(text))
        #expect(message.hasPrefix("lessons/x.toml line 3: "), "\(message)")
        let chinese = try #require(Self.parseError(text, language: .zh))
        #expect(chinese.hasPrefix("lessons/x.toml 第 3 行："), "\(chinese)")
    }

    /// Found by the `theme` and `lesson` fuzz targets (the same TOML library reads both): a
    /// table header whose first name does not start with a name character aborted the program
    /// inside toml++.
    @Test func aHeaderTheTOMLLibraryWouldAbortOnIsReportedInstead() throws {
        let lesson = Self.lesson(steps: [Self.goodStep])
        #expect(Self.parseError(lesson + "\n[[步骤]]\n") == "lessons/x.toml line 13: 步 (U+6B65) outside quotes; names outside ASCII must be quoted")
        #expect(Self.parseError(lesson + "\n[# note\n") == "lessons/x.toml line 13: a table name must follow '[' (letters, digits, _ and -, or a quoted name)")
        #expect(Self.parseError(lesson + "\n[[ \n", language: .zh)?.hasPrefix("lessons/x.toml 第 13 行：") == true)
        // Found by the session-file target, in the same library: a date, a space and one digit.
        #expect(Self.parseError(lesson + "\nwhen = 2026-12-03 9\n") == "lessons/x.toml line 13: expected the end of the line, found '9'")
        // A NUL is said apart: the file is not text.
        #expect(Self.parseError("name = \"x\"\n\n\0") == "lessons/x.toml line 3: a NUL character; the file must be plain text")
    }

    @Test func aStepLineThatDoesNotParseNamesTheStepAndTheLine() throws {
        let text = Self.lesson(steps: [Self.goodStep, "run = [\"frobnicate 3\"]\nen = \"a\"\nzh = \"b\""])
        let message = try #require(Self.parseError(text))
        #expect(message == "lessons/x.toml step 2 (frobnicate 3): unknown command 'frobnicate'; type help for the list", "\(message)")
        let quit = Self.lesson(steps: ["run = [\"quit\"]\nen = \"a\"\nzh = \"b\""])
        #expect(Self.parseError(quit) == "lessons/x.toml step 1 (quit): a lesson step cannot quit")
    }

    @Test(arguments: [
        ("en = \"{zz[1]}\"\nzh = \"{zz[1]}\"", "step 1: unknown placeholder {zz[1]} in the English text"),
        ("en = \"{z[1]}\"\nzh = \"{z(1)}\"", "step 1: unknown placeholder {z(1)} in the 简体中文 text"),
        ("en = \"{z}\"\nzh = \"{z}\"", "step 1: unknown placeholder {z}"),
        ("en = \"{t[0]}\"\nzh = \"{t[0]}\"", "step 1: unknown placeholder {t[0]}"),
        ("en = \"{z[1]:9}\"\nzh = \"{z[1]:9}\"", "step 1: unknown placeholder {z[1]:9}"),
        ("en = \"{prev.z[1]}\"\nzh = \"{prev.z[1]}\"", "step 1: placeholder {prev.z[1]} reads the previous step, but there is none before this one"),
        ("en = \"{z[1]} {h[1]}\"\nzh = \"{z[1]}\"", "step 1: the English and Chinese texts must name the same numbers; only in English: {h[1]}; only in Chinese: —"),
        ("en = \"a\"", "step 1: 'zh' is missing (a text in quotes)"),
        ("en = \"a\"\nzh = 3", "step 1: 'zh' should be a text in quotes, got 3"),
        ("en = \"a\"\nzh = \"b\"\ncolumns = [\"q\"]", "step 1: unknown column 'q'; columns are r, z, kept, candidate, added, h"),
        ("en = \"a\"\nzh = \"b\"\nunits = [-1]", "step 1: units count from 0; -1 is not a unit"),
        ("en = \"a\"\nzh = \"b\"\nunits = [\"one\"]", "step 1: 'units' should be a list of whole numbers"),
        ("en = \"a\"\nzh = \"b\"\nrun = \"step\"", "step 1: 'run' should be a list of texts in quotes"),
        ("en = \"a\"\nzh = \"b\"\nsay = \"c\"", "step 1: unknown key 'say'; expected one of run, units, columns, en, zh"),
    ])
    func badStepsNameTheFileStepAndProblem(body: String, expected: String) throws {
        let message = try #require(Self.parseError(Self.lesson(steps: [body])))
        #expect(message.hasPrefix("lessons/x.toml " + expected) || message.contains(expected), "\(message)")
        #expect(message.hasPrefix("lessons/x.toml step 1"))
        #expect(!message.contains("\n"))
    }

    @Test(arguments: [
        ("number = 1\ntitle.en = \"T\"\ntitle.zh = \"t\"\nsummary.en = \"S\"\nsummary.zh = \"s\"", "lessons/x.toml: 'name' is missing (a text in quotes)"),
        ("name = \"a b\"\nnumber = 1", "lessons/x.toml: name 'a b' may hold only letters, digits and hyphens"),
        ("name = \"a\"\nnumber = 0\ntitle.en = \"T\"", "lessons/x.toml: 'number' should be a whole number from 1 up, got 0"),
        ("name = \"a\"\nnumber = 1\ntitle.en = \"T\"\nsummary.en = \"S\"\nsummary.zh = \"s\"", "lessons/x.toml: 'title.zh' is missing (a text in quotes)"),
        ("name = \"a\"\nnumber = 1\ntitle = \"T\"", "lessons/x.toml: 'title' should be a table with en and zh texts"),
        ("name = \"a\"\nnumber = 1\ntitle.en = \"T\"\ntitle.zh = \"t\"\ntitle.fr = \"f\"", "lessons/x.toml: unknown key 'fr'; expected one of en, zh"),
        ("name = \"a\"\nnumber = 1\ntitle.en = \"T\"\ntitle.zh = \"t\"\nsummary.en = \"S\"\nsummary.zh = \"s\"\ntitel = 1", "lessons/x.toml: unknown key 'titel'"),
    ])
    func badHeadersNameTheFileAndKey(header: String, expected: String) throws {
        let message = try #require(Self.parseError(Self.lesson(steps: [Self.goodStep], header: header)))
        #expect(message.hasPrefix(expected), "\(message)")
    }

    @Test func aLessonWithoutStepsIsRefused() throws {
        let header = "name = \"a\"\nnumber = 1\ntitle.en = \"T\"\ntitle.zh = \"t\"\nsummary.en = \"S\"\nsummary.zh = \"s\"\n"
        #expect(Self.parseError(header) == "lessons/x.toml has no steps; add at least one [[step]] table")
        #expect(Self.parseError(header + "step = 3\n") == "lessons/x.toml has no steps; add at least one [[step]] table")
    }

    /// Runs a lesson text through the extension until it fails; returns the error, the step
    /// it failed to enter and whether the session and lesson state stayed as they were.
    static func runtimeFailure(_ text: String) throws -> (message: String, stepShown: Int?, unchanged: Bool) {
        let lesson = try Lesson.parse(text, file: "lessons/x.toml")
        var teaching = TeachingCommands(language: .en, library: LessonLibrary(lessons: [lesson]))
        var session = try SessionSetup().makeSession()
        do throws(UserError) {
            _ = try teaching.startLesson(named: "x", session: &session)
            while !teaching.isLessonComplete {
                let before = session.trace, shown = teaching.lessonStepNumber, narration = teaching.narration
                do throws(UserError) {
                    _ = try teaching.nextStep(session: &session)
                } catch {
                    let unchanged = session.trace == before && teaching.lessonStepNumber == shown && teaching.narration == narration
                    return (error.message, shown, unchanged)
                }
            }
        } catch {
            return (error.message, teaching.lessonStepNumber, teaching.progress == nil)
        }
        throw ScriptError("the lesson did not fail")
    }

    @Test func aFailingStepCommandNamesFileStepAndCommand() throws {
        let text = Self.lesson(steps: [Self.goodStep, "en = \"a\"\nzh = \"b\"", "run = [\"x = 1 2 3\"]\nen = \"a\"\nzh = \"b\""])
        let failure = try Self.runtimeFailure(text)
        #expect(failure.message == "lessons/x.toml step 3 (x = 1 2 3): x needs 4 numbers, got 3")
        #expect(failure.stepShown == 2 && failure.unchanged)
    }

    @Test func aFailingFirstStepStartsNothing() throws {
        let text = Self.lesson(steps: ["run = [\"pin z = 2 0 0 0 0\"]\nen = \"a\"\nzh = \"b\""])
        let failure = try Self.runtimeFailure(text)
        #expect(failure.message.hasPrefix("lessons/x.toml step 1 (pin z = 2 0 0 0 0): pinned z[0] = 2.0 is outside [0, 1]"), "\(failure.message)")
        #expect(failure.stepShown == nil && failure.unchanged)
    }

    @Test func aPlaceholderPastTheEndFailsLoudly() throws {
        let text = Self.lesson(steps: [Self.goodStep, "en = \"{z[6]}\"\nzh = \"{z[6]}\""])
        let failure = try Self.runtimeFailure(text)
        #expect(failure.message == "lessons/x.toml step 2: placeholder {z[6]} asks for a value that does not exist: h has 6 values, numbered 0 to 5")
        #expect(failure.unchanged)
        let inputs = Self.lesson(steps: [Self.goodStep, "en = \"{x[4]}\"\nzh = \"{x[4]}\""])
        #expect(try Self.runtimeFailure(inputs).message.hasSuffix("x has 4 values, numbered 0 to 3"))
    }

    @Test func aHighlightedUnitPastTheEndFails() throws {
        let text = Self.lesson(steps: [Self.goodStep, "units = [7]\nen = \"a\"\nzh = \"b\""])
        let failure = try Self.runtimeFailure(text)
        #expect(failure.message == "lessons/x.toml step 2: highlighted unit 7 does not exist; this cell has units 0 to 5")
    }

    @Test func lessonFilesLoadFromAPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("mine.toml")
        try Self.lesson(name: "mine", steps: [Self.goodStep]).write(to: good, atomically: true, encoding: .utf8)
        var lines = LineSession(session: try SessionSetup().makeSession(), commands: TeachingCommands(language: .en))
        // The file is an effect: nothing is read, and nothing changes, until its text comes back.
        let step = lines.run(.extra(.lesson(.file(good.path))))
        guard case let .needs(effect) = step else { Issue.record("lesson FILE read the file itself"); return }
        #expect(effect == .readLesson(path: good.path))
        #expect(lines.extensionState.progress == nil)
        let output = lines.complete(step).output
        #expect(output.contains("Lesson 9: T, step 1 of 1") && output.contains("z is 0.50"), "\(output)")
        #expect(lines.extensionState.progress?.lesson.file == good.path)

        func failure(_ path: String) -> String {
            lines.complete(lines.run(.extra(.lesson(.file(path))))).error?.message ?? "no error"
        }
        let missing = folder.appendingPathComponent("none.toml").path
        #expect(failure(missing) == "cannot read \(missing): No such file or directory")
        let binary = folder.appendingPathComponent("bin.toml")
        try Data([0xFF, 0xFE, 0x00]).write(to: binary)
        #expect(failure(binary.path) == "\(binary.path) is not UTF-8 text")
        let broken = folder.appendingPathComponent("broken.toml")
        try "name = \"b\"\nnumber = = 2\n".write(to: broken, atomically: true, encoding: .utf8)
        #expect(failure(broken.path).hasPrefix("\(broken.path) line 2: "), "\(failure(broken.path))")
        #expect(failure(folder.path + "/") == "\(folder.path)/ is a folder; give a file")
        let large = folder.appendingPathComponent("large.toml")
        try Data(count: UserFiles.largestLessonFile + 1).write(to: large)
        #expect(failure(large.path) == "\(large.path) is larger than \(UserFiles.largestLessonFile) bytes, the most a lesson file may hold")
        // The lesson that was running is still the one shown.
        #expect(lines.extensionState.progress?.lesson.name == "mine")
    }
}
