import Localization
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct TeachingCommandsTests {
    static func lines(_ language: Language = .en) throws -> LineSession<TeachingCommands> {
        LineSession(session: try Session(scene: .seedDoc), commands: TeachingCommands(language: language))
    }

    @Test func explanationsOfTheLiveStep() throws {
        var lines = try Self.lines()
        let trace = lines.session.trace, weights = lines.session.weights
        #expect(lines.reply("explain 4") == (try UnitStory.text(trace: trace, weights: weights, unit: 4, language: .en)))
        #expect(lines.reply("explain") == (try UnitStory.text(trace: trace, weights: weights, unit: 0, language: .en)))
        #expect(lines.reply("why z 4") == (try WhereFrom.text(.z, unit: 4, trace: trace, weights: weights, language: .en)))
        #expect(lines.reply("why h~ 1") == (try WhereFrom.text(.candidate, unit: 1, trace: trace, weights: weights, language: .en)))
        #expect(lines.reply("why r").hasPrefix("Where r[0] comes from"))
        #expect(lines.reply("summary") == StepSummary(trace: trace).text(trace: trace, language: .en))
        #expect(lines.reply("bug 1") == (try BugWhatIf(trace: trace).text(unit: 1, language: .en)))
        // After a change the explanation follows the new numbers.
        _ = lines.handle("h[4] = -2")
        #expect(lines.reply("explain 4").contains("of the old -2.00"))
    }

    @Test func inALessonExplainDefaultsToTheHighlightedUnit() throws {
        var lines = try Self.lines()
        _ = lines.handle("lesson conventions")
        #expect(lines.extensionState.focusUnit == 2)
        #expect(lines.reply("explain").hasPrefix("Unit 2 "))
        #expect(lines.reply("why candidate").hasPrefix("Where h̃[2] comes from"))
    }

    @Test(arguments: [
        ("explain 9", "error: unit 9 does not exist; units are numbered 0 to 5"),
        ("explain two", "error: 'two' is not a unit; give a whole number from 0 to 5"),
        ("explain 1 2", "error: usage: explain [UNIT]"),
        ("why", "error: usage: why r|z|candidate [UNIT], e.g. why z 4; got ''"),
        ("why q 1", "error: usage: why r|z|candidate [UNIT], e.g. why z 4; got 'q 1'"),
        ("why z -1", "error: unit -1 does not exist; units are numbered 0 to 5"),
        ("why z 1 2", "error: usage: why r|z|candidate [UNIT], e.g. why z 4; got 'z 1 2'"),
        ("summary now", "error: usage: summary"),
        ("bug 6", "error: unit 6 does not exist; units are numbered 0 to 5"),
        ("rule sideways", "error: rule takes before or after, got 'sideways'"),
        ("lang fr", "error: lang takes en or zh, got 'fr'"),
        ("lang en zh", "error: lang takes en or zh, got 'en zh'"),
        ("next", "error: no lesson is running; type lesson to see the list"),
        ("prev", "error: no lesson is running; type lesson to see the list"),
        ("next 2", "error: usage: next"),
        ("lesson nope", "error: there is no lesson 'nope'; lessons: keep-and-replace, reset-gate, memory-and-overwrite, conventions, spot-the-bug, memory-over-time"),
        ("lesson 9", "error: there is no lesson '9'; lessons: keep-and-replace, reset-gate, memory-and-overwrite, conventions, spot-the-bug, memory-over-time"),
    ])
    func badCommandsGiveOneLineAndChangeNothing(line: String, expected: String) throws {
        var lines = try Self.lines()
        let before = lines.session.trace
        let outcome = lines.complete(lines.handle(line))
        #expect(outcome.text(in: .en) == expected)
        #expect(outcome.isError && !outcome.text(in: .en).contains("\n") && !outcome.quit)
        #expect(lines.session.trace == before && lines.extensionState.language == .en && lines.extensionState.progress == nil)
    }

    @Test func errorsSpeakTheCurrentLanguage() throws {
        var lines = try Self.lines(.zh)
        #expect(lines.reply("explain 9") == "error: 没有单元 9；单元编号是 0 到 5")
        #expect(lines.reply("next") == "error: 现在没有正在进行的课程；输入 lesson 查看课程列表")
        #expect(lines.reply("lang xx") == "error: lang 后面要跟 en 或 zh，收到的是“xx”")
        _ = lines.handle("lesson 1")
        #expect(lines.reply("prev") == "error: 这已经是本课的第一步，前面没有了")
    }

    @Test func languageSwitches() throws {
        var lines = try Self.lines()
        #expect(lines.reply("lang") == "Language: English. Switch with lang en or lang zh.")
        #expect(lines.reply("lang zh") == "语言：简体中文。")
        #expect(lines.extensionState.language == .zh)
        #expect(lines.reply("explain 4").hasPrefix("单元 4 "))
        #expect(lines.reply("lang EN") == "Language: English.")
    }

    @Test func theResetRuleFlipsOnTheSameWeights() throws {
        var lines = try Self.lines()
        let weights = lines.session.weights
        #expect(lines.reply("rule").hasPrefix("The reset gate now acts before"))
        #expect(lines.reply("rule after").hasPrefix("The reset gate now acts after"))
        #expect(lines.session.weights.resetAfter && lines.session.weights.recurrentWeights == weights.recurrentWeights)
        #expect(lines.reply("explain 0").contains("PyTorch/cuDNN rule"))
        _ = lines.handle("rule before")
        #expect(lines.session.weights == weights)
    }

    @Test func lessonsListAndHelpNameTheCommands() throws {
        var lines = try Self.lines()
        let list = lines.reply("lesson")
        #expect(list.hasPrefix("Lessons (start one with lesson NAME or lesson N):"))
        #expect(list.contains("  1. keep-and-replace: Keep and replace. "))
        #expect(list.contains("  5. spot-the-bug: Spot the bug. "))
        _ = lines.handle("lesson 2")
        #expect(lines.reply("lesson").hasSuffix("Now running: reset-gate, step 1 of 5."))
        let help = lines.reply("help")
        for name in ["explain [UNIT]", "why r|z|candidate [UNIT]", "summary", "bug [UNIT]", "rule [before|after]", "lesson [NAME|N|FILE]", "next", "prev", "lang [en|zh]"] {
            #expect(help.contains(name), "help lacks \(name)")
        }
        #expect(lines.reply("help explain").contains("a unit of the next step in words"))
        _ = lines.handle("lang zh")
        #expect(lines.reply("help why").contains("一个门或候选值是怎么来的"))
    }

    @Test func aLessonStepPrintsItsCommandsAndNarration() throws {
        var lines = try Self.lines()
        let output = lines.reply("lesson keep-and-replace")
        #expect(output.hasPrefix("Lesson 1: Keep and replace, step 1 of 5\n› seed 2017\n"))
        #expect(output.contains("› show\n  unit"))
        #expect(output.contains("Look at unit 4: it keeps 50% of its old 4.00, which is 2.00."))
        #expect(output.hasSuffix("(next: go on · prev: go back · explain N: one unit in words)"))
        #expect(lines.extensionState.highlightedColumns == [.z, .kept])
        // Playing between steps is kept unless the next step sets it.
        _ = lines.handle("h[0] = 5")
        _ = lines.handle("next")
        #expect(lines.session.h[0] == 5)
    }
}
