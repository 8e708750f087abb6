import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct BugWhatIfTests {
    @Test func theDemoMixesWithTheRawPreActivation() throws {
        let session = try Session(scene: .seedCode)
        let trace = session.trace
        let bug = BugWhatIf(trace: trace)
        #expect(bug.units.count == 5)
        for unit in bug.units {
            let j = unit.unit
            let u = trace.zPre[j]
            #expect(unit.u == u && unit.mix == 1 - u)
            #expect(unit.sigma == Activation.sigmoid(u))
            // h = 0 in the article's program: the demo prints (1 − u)·h̃, the cell (1 − σ(u))·h̃.
            #expect(abs(unit.buggy - (1 - u) * trace.candidate[j]) < 1e-6)
            #expect(abs(unit.correct - trace.h[j]) < 1e-6)
        }
        // With seed 2017: unit 2 flips sign, unit 4 lands on the wrong side of 0.
        #expect(bug.units[2].buggy * trace.candidate[2] < 0)
        #expect(bug.units[4].isOutsideRange && bug.units[4].buggy < 0 && trace.candidate[4] > 0)
        #expect(bug.unitsOutsideRange == [0, 2, 3, 4])
    }

    @Test func withAStateBothTermsAct() throws {
        var session = try Session(scene: .seedCode)
        try session.step()
        let trace = session.trace
        let bug = BugWhatIf(trace: trace)
        for unit in bug.units {
            let j = unit.unit
            let expected = unit.sigma * trace.hPrev[j] + (1 - trace.zPre[j]) * trace.candidate[j]
            #expect(abs(unit.buggy - expected) < 1e-6)
            #expect(unit.isOutsideRange == (unit.buggy < min(trace.hPrev[j], trace.candidate[j]) || unit.buggy > max(trace.hPrev[j], trace.candidate[j])))
        }
    }

    @Test func theWhatIfInWordsStatesItsNumbers() throws {
        let session = try Session(scene: .seedCode)
        let bug = BugWhatIf(trace: session.trace)
        let en = try bug.text(language: .en)
        #expect(en.contains("new_h = u_s*state + (1-u)*_c"))
        #expect(en.contains("4 of 5 units leave the range"), "\(en)")
        let unit2 = try bug.text(unit: 2, language: .en)
        #expect(unit2.split(separator: "\n").count == 2)
        let entry = bug.units[2]
        for value in [entry.u, entry.sigma, entry.mix, entry.correct, entry.buggy, entry.sigma + entry.mix] {
            #expect(TestText.numbers(in: unit2).contains { TestText.matches($0, value) }, "\(value) not in \(unit2)")
        }
        #expect(unit2.contains("outside the range"))
        let unit1 = try bug.text(unit: 1, language: .en)
        #expect(unit1.contains("still between") && !unit1.contains("outside"))
        let zh = try bug.text(language: .zh)
        #expect(zh.contains("5 个单元中有 4 个跑出了旧状态和候选值之间的范围"), "\(zh)")
        #expect(throws: ScriptError.self) { try bug.text(unit: 5, language: .en) }
    }
}
