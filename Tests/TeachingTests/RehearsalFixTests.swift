import Foundation
import GRUCore
import Localization
import Script
import Testing
@testable import Teaching

/// The faults a rehearsed class found in the teaching texts (issue 13, item 6), one test each.
@Suite struct RehearsalFixTests {
    @Test func summaryNeverSaysAUnitWithNothingRemembers() throws {
        // seed-code starts from h = 0: every unit has nothing to keep, whatever its z.
        let session = try Session(scene: .seedCode)
        for language in Language.allCases {
            let summary = Explainer.summary(trace: session.trace, language: language)
            #expect(!summary.contains("remember") && !summary.contains("overwritten") && !summary.contains("记住") && !summary.contains("改写"), "\(summary)")
        }
        #expect(Explainer.summary(trace: session.trace, language: .en).contains("units 0, 1, 2, 3 and 4 start from 0, so z has nothing to keep"))
        #expect(Explainer.summary(trace: session.trace, language: .zh).contains("单元 0、1、2、3 和 4 从 0 开始，z 没有可保留的东西"))
        // And it agrees with explain, unit by unit.
        for unit in 0..<5 {
            let story = try Explainer.unit(unit, trace: session.trace, weights: session.weights, language: .en)
            #expect(story.contains("starts from 0, so there is nothing to keep"))
        }
        // A unit with a state that is kept is still said to remember; only the empty one is set apart.
        var mixed = try Session(scene: .seedCode)
        try mixed.setH([0, 1, 0, -1, 0.5])
        try mixed.pin(.z, to: [0.9, 0.9, 0.1, 0.1, 0.5])
        let text = Explainer.summary(trace: mixed.trace, language: .en)
        #expect(text.contains("unit 1 remembers (z ≥ 0.8)"), "\(text)")
        #expect(text.contains("unit 3 is overwritten (z ≤ 0.2)"))
        #expect(text.contains("units 0 and 2 start from 0"))
        #expect(StepSummary(trace: mixed.trace).startedEmpty == [0, 2])
    }

    @Test func lessonThreeNamesTheCandidatesShare() throws {
        for language in Language.allCases {
            let run = try LessonRun("memory-and-overwrite", language: language)
            let tenSteps = run.steps[1]
            let started = run.steps[0].session.h[3], now = tenSteps.session.h[3]
            // The text names the candidate's share 1 − 0.98¹⁰ next to the survivors' 0.82 …
            #expect(tenSteps.narration.contains("1 − 0.82 ≈ 0.18"), "\(tenSteps.narration)")
            #expect(tenSteps.narration.contains(NumberText.value(started)) && tenSteps.narration.contains(NumberText.value(now)))
            // … and that share explains the numbers: what is not 0.98¹⁰ of the start came from
            // candidates of unit 3 during those ten steps.
            let kept = Float(pow(0.98, 10.0))
            let fromCandidates = (now - kept * started) / (1 - kept)
            var replay = run.steps[0].session
            var candidates: [Float] = []
            for _ in 0..<10 {
                candidates.append(replay.trace.candidate[3])
                try replay.step()
            }
            #expect(replay.h[3] == now)
            #expect(fromCandidates >= candidates.min()! - 1e-4 && fromCandidates <= candidates.max()! + 1e-4,
                    "\(fromCandidates) not within \(candidates)")
            // Four fifths of the start alone would be far from where the unit is.
            #expect(abs(kept * started - now) > 0.1)
        }
    }

    @Test func theBugSaysItIsTheDemosStateThatLeavesTheRange() throws {
        let session = try Session(scene: .seedCode)
        let bug = BugWhatIf(trace: session.trace)
        let entry = bug.units[2]
        #expect(entry.isOutsideRange)
        let en = try bug.text(unit: 2, language: .en)
        let demo = NumberText.value(entry.buggy, decimals: 3)
        #expect(en.contains("its two weights add up to \(NumberText.value(entry.sigma + entry.mix, decimals: 3)), not 1."), "\(en)")
        #expect(en.contains("So the demo's new state \(demo) lies outside the range from"), "\(en)")
        #expect(!en.contains("adding up to \(NumberText.value(entry.sigma + entry.mix, decimals: 3)), outside"))
        let zh = try bug.text(unit: 2, language: .zh)
        #expect(zh.contains("演示代码得到的新状态 \(demo) 超出了"), "\(zh)")
        let inside = try bug.text(unit: 1, language: .en)
        #expect(inside.contains("The demo's new state \(NumberText.value(bug.units[1].buggy, decimals: 3)) is still between"))
    }

    @Test func kerasWeightsAreCalledKeras() throws {
        for resetAfter in [true, false] {
            var keras = try Session(scene: .seedCode)
            try keras.setVariant(.keras)
            try keras.setH([0.3, -0.7, 0.2, 0.9, -0.1])
            try keras.setResetAfter(resetAfter)
            let flag = resetAfter ? "True" : "False"
            let story = try Explainer.unit(1, trace: keras.trace, weights: keras.weights, language: .en)
            #expect(story.contains("(Keras rule, reset_after=\(flag): r of unit 1"), "\(story)")
            #expect(!story.contains("PyTorch") && !story.contains("TensorFlow"))
            let column = Explainer.column(.candidate, weights: keras.weights, language: .en)
            #expect(column.contains("Keras rule, reset_after=\(flag): r scales"), "\(column)")
            #expect(try Explainer.unit(1, trace: keras.trace, weights: keras.weights, language: .zh).contains("Keras 的规则，reset_after=\(flag)"))
            var lines = LineSession(session: keras, commands: TeachingCommands(language: .en))
            #expect(lines.reply("rule \(resetAfter ? "after" : "before")").contains("(Keras rule, reset_after=\(flag))"))
        }
        // The other frameworks keep their names.
        var torch = try Session(scene: .seedCode)
        try torch.setVariant(.pytorch)
        #expect(Explainer.column(.candidate, weights: torch.weights, language: .en).contains("PyTorch/cuDNN rule"))
        let tf = try Session(scene: .seedCode)
        #expect(Explainer.column(.candidate, weights: tf.weights, language: .en).contains("TensorFlow GRUCell rule"))
        #expect(Interpreter.describe(tf).hasSuffix("reset before (TensorFlow GRUCell rule)"))
    }
}
