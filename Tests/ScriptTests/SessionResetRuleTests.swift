import GRUCore
import Testing
@testable import Script

@Suite struct SessionResetRuleTests {
    @Test func flippingTheRuleKeepsWeightsStateAndHistory() throws {
        var session = try Session(scene: .seedCode)
        try session.pin(.z, to: [0.5, 0.5, 0.5, 0.5, 0.5])
        try session.step(2)
        let before = session
        try session.setResetAfter(true)
        #expect(session.weights.resetAfter)
        #expect(session.weights.inputWeights == before.weights.inputWeights)
        #expect(session.weights.recurrentWeights == before.weights.recurrentWeights)
        #expect(session.weights.variant == before.weights.variant)
        #expect(session.x == before.x && session.h == before.h && session.pins == before.pins)
        // The rule holds for the whole sequence: flipped at t = 2, the sequence starts there.
        #expect(session.t == 0 && session.count == 1 && session.h0 == before.h)

        var flipped = before.weights
        flipped.resetAfter = true
        var cell = GRUCell(weights: flipped)
        #expect(session.trace == cell.step(x: before.x, h: before.h, pins: before.pins))
        // The gates read h the same way under both rules; only the candidate differs.
        #expect(session.trace.r == before.trace.r && session.trace.z == before.trace.z)
        #expect(session.trace.candidate != before.trace.candidate)

        try session.setResetAfter(false)
        #expect(session.trace == before.trace)
        try session.undo()
        try session.undo()
        #expect(session.t == 2 && session.count == 3 && session.trace == before.trace)
    }

    @Test func atAZeroStateTheRulesAgreeWhenTheRecurrentBiasIsZero() throws {
        var session = try Session(scene: .seedCode)
        let tensorFlow = session.trace
        try session.setResetAfter(true)
        #expect(session.trace == tensorFlow)
    }

    @Test func settingTheSameRuleChangesNothing() throws {
        var session = try Session(scene: .seedDoc)
        let before = session.trace
        try session.setResetAfter(false)
        #expect(session.trace == before && !session.weights.resetAfter)
    }
}
