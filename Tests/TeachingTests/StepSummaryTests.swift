import Localization
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct StepSummaryTests {
    @Test func groupsFollowZAndTheChangeIsMeasured() throws {
        var session = try Session(scene: .seedDoc)
        try session.pin(.z, to: [0.9, 0.8, 0.5, 0.2, 0.1, 0.21])
        let summary = StepSummary(trace: session.trace)
        #expect(summary.remembered == [0, 1])
        #expect(summary.overwritten == [3, 4])
        #expect(summary.blended == [2, 5])
        let changes = (0..<6).map { session.trace.h[$0] - session.trace.hPrev[$0] }
        let largest = try #require(summary.largestChange)
        #expect(largest.unit == changes.indices.max { abs(changes[$0]) < abs(changes[$1]) })
        #expect(largest.change == changes[largest.unit])
        let norm = changes.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(summary.changeNorm - norm) < 1e-5)

        let en = summary.text(trace: session.trace, language: .en)
        #expect(en.contains("units 0 and 1 remember (z ≥ 0.8)"), "\(en)")
        #expect(en.contains("units 3 and 4 are overwritten (z ≤ 0.2)"))
        #expect(en.contains("units 2 and 5 blend old and new"))
        #expect(en.contains("(z is pinned"))
        #expect(en.contains("The largest change is unit \(largest.unit): \(NumberText.value(session.trace.hPrev[largest.unit])) → \(NumberText.value(session.trace.h[largest.unit]))"))
        #expect(en.contains("‖h′ − h‖ = \(NumberText.value(norm))"))
        let zh = summary.text(trace: session.trace, language: .zh)
        #expect(zh.contains("单元 0 和 1 记住了过去（z ≥ 0.8）"), "\(zh)")
        #expect(zh.contains("单元 3 和 4 被改写（z ≤ 0.2）"))
        #expect(zh.contains("单元 2 和 5 新旧混合"))
        #expect(zh.contains("变化最大的是单元 \(largest.unit)"))
    }

    @Test func oneUnitIsSingularAndEmptyGroupsAreLeftOut() throws {
        var session = try Session(scene: .seedCode)
        try session.pin(.z, to: [0.95, 0.5, 0.5, 0.5, 0.5])
        let en = Explainer.summary(trace: session.trace, language: .en)
        #expect(en.contains("unit 0 remembers (z ≥ 0.8)"), "\(en)")
        #expect(en.contains("units 1, 2, 3 and 4 blend"))
        #expect(!en.contains("overwritten"))
    }

    @Test func aStepThatChangesNothingSaysSo() throws {
        var session = try Session(scene: .seedCode)
        try session.pin(.z, to: [1, 1, 1, 1, 1])
        let summary = StepSummary(trace: session.trace)
        #expect(summary.changeNorm == 0)
        #expect(summary.text(trace: session.trace, language: .en).contains("Nothing changes: h′ equals h in every unit."))
        #expect(summary.text(trace: session.trace, language: .zh).contains("什么都没有变"))
    }

    @Test func everyNumberInTheSummaryIsTrue() throws {
        for (name, session) in try TestSessions.variety() {
            let trace = session.trace
            let summary = StepSummary(trace: trace)
            var truths: [Float] = [0.8, 0.2, summary.changeNorm]
            truths += (0..<trace.hiddenSize).map(Float.init)
            if let largest = summary.largestChange {
                truths += [trace.hPrev[largest.unit], trace.h[largest.unit], largest.change]
            }
            for language in Language.allCases {
                let text = summary.text(trace: trace, language: language)
                for number in TestText.numbers(in: text) {
                    #expect(truths.contains { TestText.matches(number, $0) }, "\(name): \(number.value) in \(text)")
                }
            }
        }
    }
}
