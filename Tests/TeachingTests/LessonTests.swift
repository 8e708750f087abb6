import Localization
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct LessonTests {
    static let names = ["keep-and-replace", "reset-gate", "memory-and-overwrite", "conventions", "spot-the-bug", "memory-over-time"]

    @Test func theBuiltInLessonsAllParse() {
        #expect(LessonLibrary.builtInProblems.isEmpty, "\(LessonLibrary.builtInProblems)")
        #expect(LessonLibrary.builtIn.lessons.map(\.name) == Self.names)
        #expect(LessonLibrary.builtIn.lessons.map(\.number) == [1, 2, 3, 4, 5, 6])
        for lesson in LessonLibrary.builtIn.lessons {
            #expect(lesson.file == "lessons/\(lesson.name).toml")
            #expect(lesson.steps.count >= 4)
            for language in Language.allCases {
                #expect(!lesson.title(in: language).isEmpty && !lesson.summary(in: language).isEmpty)
            }
        }
    }

    @Test(arguments: names, Language.allCases)
    func aLessonRunsFromStartToEndAndThenSaysComplete(name: String, language: Language) throws {
        let run = try LessonRun(name, language: language)
        #expect(run.steps.count == run.lesson.steps.count)
        for (index, entered) in run.steps.enumerated() {
            #expect(!entered.narration.isEmpty)
            #expect(!entered.narration.contains("{") && !entered.narration.contains("}"), "step \(index + 1): \(entered.narration)")
            #expect(!entered.output.contains("error:"), "step \(index + 1): \(entered.output)")
            #expect(entered.output.contains(entered.narration))
            for unit in entered.step.units { #expect(unit < entered.session.hiddenSize) }
        }
        #expect(run.completion.contains(language == .en ? "is complete" : "已经学完"), "\(run.completion)")
    }

    @Test(arguments: names)
    func placeholderNumbersMatchTheTrace(name: String) throws {
        for language in Language.allCases {
            let run = try LessonRun(name, language: language)
            for (index, entered) in run.steps.enumerated() {
                let template = try #require(entered.step.narration[language])
                let spellings = LessonPlaceholder.spellings(in: template)
                let filled = try #require(PlaceholderTruth.filled(template: template, text: entered.narration),
                                          "step \(index + 1): narration does not follow its template")
                #expect(filled.count == spellings.count)
                let previous = index > 0 ? run.steps[index - 1].session : nil
                for (spelling, shown) in zip(spellings, filled) {
                    let truth = try #require(PlaceholderTruth.value(spelling, now: entered.session, previous: previous), "{\(spelling)}")
                    let number = try #require(TestText.spelled(shown), "{\(spelling)} shows '\(shown)'")
                    #expect(TestText.matches(number, truth.value, percent: truth.percent),
                            "\(name) step \(index + 1) \(language): {\(spelling)} shows \(shown), the trace says \(truth.value)")
                }
            }
        }
    }

    @Test func nextPastTheEndStaysCompleteAndPrevReturns() throws {
        var teaching = TeachingCommands(language: .en)
        var session = try SessionSetup().makeSession()
        _ = try teaching.startLesson(named: "spot-the-bug", session: &session)
        #expect(teaching.lessonStepNumber == 1 && teaching.lessonStepCount == 5)
        #expect(teaching.lessonTitle == "Spot the bug")
        #expect(teaching.highlightedUnits == [2] && teaching.highlightedColumns == [.z, .h])
        #expect(teaching.focusUnit == 2)
        var sessions = [session]
        for _ in 1..<5 {
            _ = try teaching.nextStep(session: &session)
            sessions.append(session)
        }
        #expect(teaching.lessonStepNumber == 5 && !teaching.isLessonComplete)
        let done = try teaching.nextStep(session: &session)
        #expect(done.output == "Lesson 5, Spot the bug, is complete. Type lesson to choose another, or prev to look again.")
        #expect(teaching.isLessonComplete)
        #expect(try teaching.nextStep(session: &session).output == done.output)
        // prev from "complete" shows the last step again; then each step back restores its cell.
        _ = try teaching.previousStep(session: &session)
        #expect(!teaching.isLessonComplete && teaching.lessonStepNumber == 5)
        try session.step(3)   // play around; prev restores the lesson's cell
        for number in stride(from: 4, through: 1, by: -1) {
            _ = try teaching.previousStep(session: &session)
            #expect(teaching.lessonStepNumber == number)
            #expect(session.trace == sessions[number - 1].trace && session.t == sessions[number - 1].t)
        }
        let before = session.trace
        #expect(throws: ScriptError("this is the first step of the lesson; there is nothing before it")) {
            try teaching.previousStep(session: &session)
        }
        #expect(session.trace == before && teaching.lessonStepNumber == 1)
    }

    @Test func theNarrationFollowsTheLanguageWithoutRunningTheStepAgain() throws {
        var teaching = TeachingCommands(language: .en)
        var session = try SessionSetup().makeSession()
        _ = try teaching.startLesson(named: "1", session: &session)
        _ = try teaching.nextStep(session: &session)
        let english = try #require(teaching.narration)
        let t = session.t
        _ = try teaching.run(.lang(.zh), session: &session)
        let chinese = try #require(teaching.narration)
        #expect(english.contains("forgets") && chinese.contains("忘掉"))
        #expect(teaching.lessonTitle == "保留与替换" && session.t == t)
    }

    // MARK: What the lessons claim

    @Test func keepAndReplaceClaims() throws {
        let steps = try LessonRun("keep-and-replace", language: .en).steps.map(\.session.trace)
        #expect(steps[0].kept == [0.1, 0.4, 0, 0.3, 2, 0].enumerated().map { steps[0].z[$0.offset] * steps[0].hPrev[$0.offset] })
        #expect(steps[2].h[5] == steps[2].candidate[5] && steps[2].hPrev[2] == 0)
        #expect(steps[2].h[2] == steps[2].added[2])
        let t = steps[3]
        #expect(min(t.hPrev[1], t.candidate[1]) <= t.h[1] && t.h[1] <= max(t.hPrev[1], t.candidate[1]))
        #expect(steps[4].hPrev[4] == steps[3].h[4])
    }

    @Test func resetGateClaims() throws {
        let steps = try LessonRun("reset-gate", language: .en).steps.map(\.session.trace)
        #expect(steps[1].r == [0, 0, 0, 0, 0, 0])
        #expect(steps[2].candidate == steps[1].candidate && steps[2].hPrev != steps[1].hPrev)
        #expect(steps[2].kept != steps[1].kept)
        let low = steps[1].candidate[4], high = steps[3].candidate[4], learned = steps[4].candidate[4]
        #expect(min(low, high) < learned && learned < max(low, high))
        #expect(steps[4].r[2] < 0.2 && steps[4].hPrev[2] == 0)
    }

    @Test func memoryAndOverwriteClaims() throws {
        let steps = try LessonRun("memory-and-overwrite", language: .en).steps.map(\.session.trace)
        #expect(steps[0].hPrev[3] < 0 && steps[0].candidate[3] > 0)
        #expect(abs(steps[0].h[3] - steps[0].hPrev[3]) < 0.05)
        #expect(steps[1].hPrev[3] < 0 && steps[1].candidate[3] > 0.9)
        #expect(steps[2].candidate == steps[1].candidate)
        #expect(abs(steps[2].h[3] - steps[2].candidate[3]) < 0.05)
        #expect(steps[3].hPrev[3] > 0 && abs(steps[3].h[3] - steps[3].candidate[3]) < 0.05)
    }

    @Test func memoryOverTimeClaims() throws {
        let run = try LessonRun("memory-over-time", language: .en)
        let steps = run.steps.map(\.session)
        #expect(steps[0].t == 0 && steps[0].count == 40 && steps[0].x == [0.8, 1])
        // Units 1 and 3 take a value at step 0 and keep it: z near 1 at every later step.
        let sequence = steps[1].sequence
        for unit in [1, 3] {
            #expect(sequence.gateHistory(.z, unit: unit).dropFirst().allSatisfy { $0 > 0.9 })
            let h = (1..<40).map { t in (try? { var s = steps[1]; try s.goto(t); return s.trace.h[unit] }()) ?? .nan }
            #expect(h.allSatisfy { abs($0 - h[0]) < 0.15 }, "unit \(unit) h′ drifts: \(h)")
        }
        #expect(steps[1].t == 39 && abs(steps[1].trace.added[1]) < 0.05 && abs(steps[1].trace.added[3]) < 0.05)
        // Unit 1: the first input is the strongest influence 39 steps later.
        let one = try sequence.unitInfluence(at: 39, unit: 1)
        #expect(one.indices.max { one[$0] < one[$1] } == 0)
        #expect(run.steps[2].output.contains("x at step 0, the first input, moves it most now"))
        // Unit 0: retention of step 0 all but gone, influence of step 0 still the largest.
        #expect(sequence.retention(at: 39, unit: 0)[0] < 0.001)
        let zero = try sequence.unitInfluence(at: 39, unit: 0)
        #expect(zero[0] > 0.5 && zero.indices.max { zero[$0] < zero[$1] } == 0)
        #expect(run.steps[3].output.contains("that memory runs through the candidate's recurrent weights"))
        // The what-if: x_0 = -0.8 changes the end of the sequence.
        #expect(steps[4].t == 39 && abs(steps[4].trace.h[1] - steps[1].trace.h[1]) > 0.3)
        #expect(abs(steps[4].trace.h[3] - steps[1].trace.h[3]) > 0.3)
    }

    @Test func conventionsClaims() throws {
        let run = try LessonRun("conventions", language: .en)
        let steps = run.steps.map(\.session.trace)
        #expect(!run.steps[0].session.weights.resetAfter && run.steps[1].session.weights.resetAfter)
        #expect(run.steps[1].session.weights.inputWeights == run.steps[0].session.weights.inputWeights)
        #expect(steps[1].r == steps[0].r && steps[1].z == steps[0].z)
        #expect(steps[1].candidate[2] * steps[0].candidate[2] < 0)
        #expect(steps[0].r[2] < 0.1 && steps[0].hPrev[2] == 0)
        #expect((0..<6).filter { $0 != 2 }.allSatisfy { steps[0].r[$0] > steps[0].r[2] })
        #expect(steps[3].candidate[2] == steps[0].candidate[2])
        #expect(steps[5].candidate == steps[4].candidate && steps[4].hPrev == [0, 0, 0, 0, 0, 0])
    }

    @Test func spotTheBugClaims() throws {
        let steps = try LessonRun("spot-the-bug", language: .en).steps.map(\.session.trace)
        let first = BugWhatIf(trace: steps[1])
        #expect(first.units[2].mix < 0 && first.units[2].buggy * steps[1].h[2] < 0)
        #expect(first.units[4].isOutsideRange && first.units[4].buggy < 0 && steps[2].candidate[4] > 0)
        #expect(steps[3].hPrev.allSatisfy { $0 != 0 })
    }
}
