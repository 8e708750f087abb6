import Localization
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct UnitStoryTests {
    /// The true values a unit's paragraph may state: plain and as percentages.
    static func truths(_ trace: GRUTrace, _ weights: GRUWeights, _ j: Int) -> (plain: [Float], percent: [Float]) {
        let breakdown = PreActivationBreakdown(.candidate, unit: j, trace: trace, weights: weights)
        let recurrent = (breakdown.recurrentProduct ?? 0) + breakdown.recurrentBias
        let plain: [Float] = [
            Float(j), 0, 1, trace.z[j], trace.hPrev[j], trace.kept[j], trace.candidate[j], trace.added[j], trace.h[j],
            trace.r[j], trace.r[j] * trace.hPrev[j], recurrent, breakdown.recurrentPart,
        ]
        return (plain, [trace.z[j], 1 - trace.z[j], trace.r[j]])
    }

    /// Every number in the text is one of the unit's true values, and the ones every
    /// paragraph states (candidate, added, new h) are there.
    static func checkNumbers(_ text: String, _ trace: GRUTrace, _ weights: GRUWeights, _ j: Int, _ context: String) {
        let (plain, percent) = truths(trace, weights, j)
        let numbers = TestText.numbers(in: text)
        for number in numbers {
            let known = number.isPercent
                ? percent.contains { TestText.matches(number, $0, percent: true) }
                : plain.contains { TestText.matches(number, $0) }
            #expect(known, "\(context): \(number.value)\(number.isPercent ? "%" : "") is none of unit \(j)'s values in: \(text)")
        }
        for (name, required) in [("candidate", trace.candidate[j]), ("added", trace.added[j]), ("h′", trace.h[j]), ("old h", trace.hPrev[j])] {
            #expect(numbers.contains { !$0.isPercent && TestText.matches($0, required) }, "\(context): \(name) \(required) missing from: \(text)")
        }
        #expect(!text.contains("{") && !text.contains("}"), "\(context): unfilled placeholder in: \(text)")
        #expect(!text.contains("unit.") && !text.contains("reset."), "\(context): a bare catalogue key in: \(text)")
    }

    /// seed-doc weights with h and both gates set so that the six units cover every regime.
    static func regimeSession(resetAfter: Bool) throws -> Session {
        var session = try Session(scene: .seedDoc)
        try session.setH([1, 2, -1.5, 1, 4, 3])
        try session.pin(.z, to: [0.9, 0.1, 0.5, 1, 0, 0.3])
        try session.pin(.r, to: [0.05, 0.95, 0.5, 0, 1, 0.3])
        try session.setResetAfter(resetAfter)
        return session
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        var unit: Int
        var english: [String]
        var chinese: [String]
        var testDescription: String { "unit \(unit)" }
    }

    static let updateRegimes: [Expectation] = [
        Expectation(unit: 0, english: ["mostly remembers", "keeps 90% of the old 1.00 (0.90 kept)", "The 10% it forgets"],
                    chinese: ["基本记住了过去", "旧值 1.00 的 90%（保留 0.90）", "被忘掉的那 10%"]),
        Expectation(unit: 1, english: ["mostly overwritten", "keeps only 10% of the old 2.00 (0.20 kept)", "The 90% it forgets"],
                    chinese: ["几乎被改写", "只保留了旧值 2.00 的 10%（保留 0.20）"]),
        Expectation(unit: 2, english: ["blends old and new", "keeps 50% of the old -1.50 (-0.75 kept)"],
                    chinese: ["新旧信息混在一起", "旧值 -1.50 的 50%（保留 -0.75）"]),
        Expectation(unit: 3, english: ["remembers everything", "Nothing is forgotten", "(0.00 added)"],
                    chinese: ["完整地记住了过去", "什么都没有忘掉"]),
        Expectation(unit: 4, english: ["overwritten completely", "keeps none of the old 4.00", "The 100% it forgets"],
                    chinese: ["被彻底改写", "旧值 4.00 一点也没有留下"]),
    ]

    @Test(arguments: updateRegimes)
    func theUpdateGateSentenceFollowsZ(expected: Expectation) throws {
        for resetAfter in [false, true] {
            let session = try Self.regimeSession(resetAfter: resetAfter)
            for (language, phrases) in [(Language.en, expected.english), (.zh, expected.chinese)] {
                let text = try UnitStory.text(trace: session.trace, weights: session.weights, unit: expected.unit, language: language)
                for phrase in phrases { #expect(text.contains(phrase), "\(language) unit \(expected.unit): '\(phrase)' not in: \(text)") }
                #expect(text.contains(language == .en ? "Here z is pinned to" : "这里的 z 被固定为"))
                #expect(text.contains(language == .en ? "Here r is pinned to" : "这里的 r 被固定为"))
                Self.checkNumbers(text, session.trace, session.weights, expected.unit, "\(language) unit \(expected.unit)")
            }
        }
    }

    @Test func aZeroStateHasNothingToKeep() throws {
        var session = try Session(scene: .seedDoc)   // h[2] = 0
        try session.unpin()
        for resetAfter in [false, true] {
            try session.setResetAfter(resetAfter)
            let en = try UnitStory.text(trace: session.trace, weights: session.weights, unit: 2, language: .en)
            let zh = try UnitStory.text(trace: session.trace, weights: session.weights, unit: 2, language: .zh)
            #expect(en.contains("starts from 0, so there is nothing to keep") && !en.contains("keeps"))
            #expect(en.contains("fills the share 1 − z ="))
            #expect(zh.contains("没有什么可保留") && zh.contains("填入 1 − z ="))
            #expect(!en.contains("pinned") && !zh.contains("固定"))
            if !resetAfter {
                // With the TensorFlow rule r only scales this unit's old value, which is 0.
                #expect(en.contains("has nothing to scale: this unit's old state is 0"))
                #expect(zh.contains("没有东西可缩放：这个单元的旧状态是 0"))
            }
            Self.checkNumbers(en, session.trace, session.weights, 2, "en zero state")
            Self.checkNumbers(zh, session.trace, session.weights, 2, "zh zero state")
        }
    }

    @Test func theResetSentenceFollowsRAndTheRule() throws {
        // r per unit: 0.05 low, 0.95 high, 0.5 middle, 0 zero, 1 one, 0.3 middle.
        let before: [(Int, String, String)] = [
            (0, "lets only 5% of this unit's old 1.00 (0.05) into the candidates: they hardly see its past", "只让这个单元旧值 1.00 的 5%（即 0.05）进入候选值：候选值几乎看不到它的过去"),
            (1, "lets 95% of this unit's old 2.00 (1.90) into the candidates: they see nearly all of its past", "候选值几乎能看到它全部的过去"),
            (2, "lets 50% of this unit's old -1.50 (-0.75) into the candidates.", "让这个单元旧值 -1.50 的 50%（即 -0.75）进入候选值。"),
            (3, "r = 0 hides this unit's old 1.00 from the candidates completely", "完全挡在候选值之外"),
            (4, "r = 1 lets all of this unit's old 4.00 into the candidates", "旧值 4.00 全部进入候选值"),
        ]
        let tf = try Self.regimeSession(resetAfter: false)
        for (unit, english, chinese) in before {
            let en = try UnitStory.text(trace: tf.trace, weights: tf.weights, unit: unit, language: .en)
            let zh = try UnitStory.text(trace: tf.trace, weights: tf.weights, unit: unit, language: .zh)
            #expect(en.contains(english), "unit \(unit): \(en)")
            #expect(zh.contains(chinese), "unit \(unit): \(zh)")
            #expect(en.contains("TensorFlow rule: r of unit \(unit) scales its old value before U mixes the units"))
            #expect(zh.contains("TensorFlow 的规则：单元 \(unit) 的 r"))
        }
        let torch = try Self.regimeSession(resetAfter: true)
        let after: [(Int, String, String)] = [
            (0, "the candidate mostly ignores the past", "候选值基本不看过去"),
            (1, "the candidate sees nearly all of the past", "候选值几乎看到了全部过去"),
            (3, "shuts out this candidate's recurrent input", "完全挡住：候选值完全不看过去"),
            (4, "lets this candidate's whole recurrent input", "全部通过"),
        ]
        for (unit, english, chinese) in after {
            let en = try UnitStory.text(trace: torch.trace, weights: torch.weights, unit: unit, language: .en)
            let zh = try UnitStory.text(trace: torch.trace, weights: torch.weights, unit: unit, language: .zh)
            #expect(en.contains(english), "unit \(unit): \(en)")
            #expect(zh.contains(chinese), "unit \(unit): \(zh)")
            #expect(en.contains("PyTorch/cuDNN rule: r of unit \(unit) scales only its own candidate"))
            #expect(!en.contains("TensorFlow rule"))
            #expect(zh.contains("PyTorch/cuDNN 的规则"))
        }
        // The numbers of the reset sentence are the candidate's: r·(U_c·h + b_hc) for unit 2.
        let breakdown = PreActivationBreakdown(.candidate, unit: 2, trace: torch.trace, weights: torch.weights)
        let en = try UnitStory.text(trace: torch.trace, weights: torch.weights, unit: 2, language: .en)
        #expect(en.contains("lets 50% of this candidate's recurrent input \(NumberText.value(breakdown.recurrentProduct ?? 0)) through (\(NumberText.value(breakdown.recurrentPart)))"), "\(en)")
    }

    @Test func computedGatesAreNotCalledPinned() throws {
        let session = try TestSessions.seedDocComputed()
        for unit in 0..<session.hiddenSize {
            let en = try UnitStory.text(trace: session.trace, weights: session.weights, unit: unit, language: .en)
            #expect(!en.contains("pinned"))
        }
    }

    @Test func everyUnitOfManyCellsStatesOnlyTrueNumbers() throws {
        for (name, session) in try TestSessions.variety() {
            for unit in 0..<session.hiddenSize {
                for language in Language.allCases {
                    let text = try UnitStory.text(trace: session.trace, weights: session.weights, unit: unit, language: language)
                    Self.checkNumbers(text, session.trace, session.weights, unit, "\(name) \(language) unit \(unit)")
                }
            }
        }
    }

    @Test func aUnitPastTheEndIsAnErrorInTheUsersLanguage() throws {
        let session = try Session(scene: .seedDoc)
        #expect(throws: ScriptError("unit 6 does not exist; units are numbered 0 to 5")) {
            try UnitStory.text(trace: session.trace, weights: session.weights, unit: 6, language: .en)
        }
        do {
            _ = try UnitStory.text(trace: session.trace, weights: session.weights, unit: -1, language: .zh)
            Issue.record("unit -1 was explained")
        } catch {
            #expect(error.message(in: .zh) == "没有单元 -1；单元编号是 0 到 5")
        }
    }
}
