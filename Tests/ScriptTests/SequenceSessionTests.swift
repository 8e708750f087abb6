import GRUCore
import Localization
import Testing
import WeightFiles
@testable import Script

/// The session as a sequence with a cursor: every number is checked against a `GRUSequence`
/// computed from scratch on the same inputs (the engine is itself checked against PyTorch).
@Suite struct SequenceSessionTests {
    /// A fresh sequence's states for given inputs, h0 and pins.
    static func states(_ session: Session, inputs: [Float], h0: [Float], pins: GatePins? = nil) throws -> [Float] {
        var sequence = try GRUSequence(weights: session.weights, h0: h0, pins: pins ?? session.pins, inputs: inputs)
        try sequence.compute()
        return sequence.values(of: .h, in: 0..<sequence.count)
    }

    static func allStates(_ session: Session) -> [Float] { session.sequence.values(of: .h, in: 0..<session.count) }
    static func allInputs(_ session: Session) -> [Float] { session.sequence.values(of: .x, in: 0..<session.count) }

    /// Everything undo must bring back.
    struct Snapshot: Equatable {
        var inputs: [Float], states: [Float], h0: [Float], pins: GatePins, t: Int, weights: GRUWeights, origin: WeightsOrigin
        var scene: String?, lesson: LessonMark?, trace: GRUTrace

        init(_ s: Session) {
            inputs = SequenceSessionTests.allInputs(s)
            states = SequenceSessionTests.allStates(s)
            h0 = s.h0
            pins = s.pins
            t = s.t
            weights = s.weights
            origin = s.origin
            scene = s.sceneName
            lesson = s.lessonMark
            trace = s.trace
        }
    }

    @Test func steppingRecordsStepsWithTheLastX() throws {
        var session = try Session(scene: .seedCode)
        #expect(session.count == 1 && session.t == 0)
        try session.step(3)
        #expect(session.count == 4 && session.t == 3)
        #expect(Self.allInputs(session) == Array(repeating: [Float]([1, 2, 3, 4]), count: 4).flatMap { $0 })
        #expect(Self.allStates(session) == (try Self.states(session, inputs: Self.allInputs(session), h0: [0, 0, 0, 0, 0])))
        // The trace is step t's: it starts from h_{t−1} and ends in h_t.
        #expect(session.h == session.sequence.state(after: 2))
        #expect(session.trace.h == session.sequence.state(after: 3))
    }

    @Test func backKeepsTheFutureAndSteppingReplaysIt() throws {
        var session = try Session(scene: .seedCode)
        try session.setX([1, 0, 0, 0])
        try session.step()
        try session.setX([0, 1, 0, 0])
        try session.step()
        try session.setX([0, 0, 1, 0])
        let end = session.trace
        #expect(try session.back(2) == 2)
        #expect(session.count == 3 && session.t == 0)
        try session.step(2)
        #expect(session.count == 3, "stepping inside the sequence replays it, recording nothing")
        #expect(session.trace == end)
    }

    @Test func backFiveAtTwoSaysItWentBackTwo() throws {
        var lines = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        _ = lines.reply("step 2")
        let reply = lines.reply("back 5")
        #expect(reply.hasPrefix("went back 2 steps (asked for 5)"))
        #expect(lines.session.t == 0)
        #expect(lines.reply("back") == "error: there is no step to undo; t is already 0")
    }

    @Test func editingXRerunsOnlyTheFuture() throws {
        var session = try Session(scene: .seedCode)
        try session.setInputs(SequenceGenerator(kind: .sine, length: 30).rows(inputSize: 4), source: .inline)
        try session.goto(12)
        let before = Self.allStates(session)
        try session.setX(at: 2, to: 5)
        let after = Self.allStates(session), h = session.hiddenSize
        #expect(Array(after[0..<(12 * h)]) == Array(before[0..<(12 * h)]), "steps before the cursor keep their states bit for bit")
        #expect(Array(after[(12 * h)...]) != Array(before[(12 * h)...]), "the future changed")
        #expect(after == (try Self.states(session, inputs: Self.allInputs(session), h0: session.h0)))
        #expect(session.x[2] == 5 && session.t == 12)
    }

    @Test func editingHAtZeroChangesH0() throws {
        var session = try Session(scene: .seedCode)
        try session.step(4)
        try session.goto(0)
        try session.setH([0.5, -0.5, 0.25, 0, 1])
        #expect(session.h0 == [0.5, -0.5, 0.25, 0, 1] && session.count == 5 && session.t == 0)
        #expect(Self.allStates(session) == (try Self.states(session, inputs: Self.allInputs(session), h0: session.h0)))
    }

    @Test func editingHLaterStartsTheSequenceThere() throws {
        var session = try Session(scene: .seedCode)
        try session.setInputs(SequenceGenerator(kind: .noise, length: 10).rows(inputSize: 4), source: .inline)
        try session.goto(6)
        let snapshot = Snapshot(session)
        let x6 = session.x
        try session.setH(at: 1, to: 0.75)
        var typed = snapshot.states[(5 * 5)..<(6 * 5)].map { $0 }
        typed[1] = 0.75
        #expect(session.t == 0 && session.count == 4, "steps 0…5 are dropped; the cursor stays on the same x")
        #expect(session.x == x6 && session.h0 == typed && session.h == typed)
        #expect(Self.allStates(session) == (try Self.states(session, inputs: Array(snapshot.inputs[(6 * 4)...]), h0: typed)))
        try session.undo()
        #expect(Snapshot(session) == snapshot, "undo brings the past back exactly")
    }

    @Test func oneNumberStandsForEveryPosition() throws {
        var session = try Session(scene: .seedCode)
        try session.setX([1])
        try session.pin(.z, to: [0.98])
        #expect(session.x == [1, 1, 1, 1])
        #expect(session.pins[.z] == [0.98, 0.98, 0.98, 0.98, 0.98])
    }

    /// Every kind of change, undone and redone: the state is exactly the one before, then after.
    @Test func everyChangeUndoesAndRedoesExactly() throws {
        let example = try #require(Scene.examples.first { $0.name == "parity" })
        let loaded = try WeightFile.load(embedded: Array(EmbeddedExampleBytes.weights("parity")), name: "parity.npz")
        let changes: [(String, (inout Session) throws -> Void)] = [
            ("x", { try $0.setX([0.5, -1, 2, 0]) }),
            ("x[i]", { try $0.setX(at: 3, to: 7) }),
            ("h at 0", { try $0.setH([1, 1, 0, 0, -1]) }),
            ("h[j] later", { s in try s.goto(2); try s.setH(at: 0, to: 0.3) }),
            ("step", { try $0.step() }),
            ("step recorded", { try $0.step(5) }),
            ("back", { s in try s.goto(3); try s.back(2) }),
            ("goto", { try $0.goto(2) }),
            ("reset", { s in try s.goto(3); try s.reset() }),
            ("pin", { try $0.pin(.z, to: [0.9, 0.1, 0.5, 0.5, 0.2]) }),
            ("pin later", { s in try s.goto(2); try s.pin(.r, to: [0.25]) }),
            ("inputs", { try $0.setInputs(StepRows(values: [1, 2, 3, 4, 5, 6, 7, 8], width: 4), source: .inline) }),
            ("generate", { try $0.setInputs(SequenceGenerator(kind: .pulse, length: 9).rows(inputSize: 4), source: .inline) }),
            ("reseed", { try $0.reseed(7) }),
            ("variant", { try $0.setVariant(.pytorch) }),
            ("size", { try $0.resize(inputSize: 3, hiddenSize: 2) }),
            ("rule", { try $0.setResetAfter(true) }),
            ("load", { try $0.load(loaded) }),
            ("scene", { try $0.loadScene(example) }),
            ("lesson", { try $0.setLessonMark(LessonMark(lesson: "memory", step: 2), description: Message(english: "lesson")) }),
        ]
        for (name, change) in changes {
            var session = try Session(scene: .seedCode)
            try session.setInputs(SequenceGenerator(kind: .sine, length: 5).rows(inputSize: 4), source: .inline)
            try session.goto(4)
            session = session.startingHere()
            let before = Snapshot(session)
            try change(&session)
            let after = Snapshot(session)
            #expect(after != before, "\(name) changes something")
            var undone = session
            while undone.history.nextUndo != nil { try undone.undo() }
            #expect(Snapshot(undone) == before, "undo of \(name)")
            while undone.history.nextRedo != nil { try undone.redo() }
            #expect(Snapshot(undone) == after, "redo of \(name)")
        }
    }

    @Test func unpinUndoesAndRedoes() throws {
        var session = try Session(scene: .seedDoc)
        let pinned = Snapshot(session)
        try session.unpin()
        let unpinned = Snapshot(session)
        #expect(unpinned != pinned && session.pins.gates.isEmpty)
        try session.undo()
        #expect(Snapshot(session) == pinned)
        try session.redo()
        #expect(Snapshot(session) == unpinned)
    }

    @Test func pinningAtItsCurrentValuesLaterChangesNothingOnScreen() throws {
        var session = try Session(scene: .seedCode)
        try session.step(6)
        let shown = session.trace
        try session.pin(.z, to: shown.z)
        #expect(session.t == 0 && session.count == 1)
        var expected = shown
        expected.pinned = [.z]
        #expect(session.trace == expected)
    }

    @Test func undoWithNothingToUndoSaysSo() throws {
        var session = try Session(scene: .seedCode)
        #expect(throws: UserError(key: "error.history.nothing_to_undo")) { try session.undo() }
        #expect(throws: UserError(key: "error.history.nothing_to_redo")) { try session.redo() }
    }

    @Test func aNewChangeDropsWhatCouldBeRedone() throws {
        var session = try Session(scene: .seedCode)
        try session.step()
        try session.undo()
        try session.setX([0])
        #expect(session.history.nextRedo == nil)
    }

    @Test func historyIsBoundedByCount() throws {
        var session = try Session(scene: .seedCode)
        for k in 0..<(SessionHistory.maximumEntries + 200) { try session.setX(at: 0, to: Float(k % 7) + 0.5) }
        #expect(session.history.undoable.count == SessionHistory.maximumEntries)
        for _ in 0..<SessionHistory.maximumEntries { try session.undo() }
        #expect(throws: UserError.self) { try session.undo() }
    }

    @Test func aChangeLargerThanTheBudgetIsNotKeptAndUndoSaysWhy() throws {
        var session = try Session(weights: try Session.randomWeights(variant: .pytorch, inputSize: 64, hiddenSize: 4, seed: 1), origin: .random(variant: .pytorch, seed: 1))
        let steps = SessionHistory.maximumBytes / (64 * 4) / 2 + 10
        try session.setInputs(SequenceGenerator(kind: .noise, length: steps).rows(inputSize: 64), source: .inline)
        try session.setInputs(SequenceGenerator(kind: .sine, length: steps).rows(inputSize: 64), source: .inline)
        #expect(session.history.bytes <= SessionHistory.maximumBytes)
        #expect(throws: UserError.self) { try session.undo() }
        do {
            try session.undo()
        } catch {
            #expect(error.message.contains("too large for the history's budget"))
        }
    }

    @Test func scrubbingIsOneUndo() throws {
        var session = try Session(scene: .seedCode)
        try session.step(9)
        session = session.startingHere()
        for k in [8, 7, 3, 5, 0] { try session.goto(k) }
        #expect(session.history.undoable.count == 1)
        try session.undo()
        #expect(session.t == 9)
    }

    @Test func theSequenceLimitIsCheckedBeforeAnythingGrows() throws {
        var session = try Session(scene: .seedCode)
        let limit = Session.longestSequence(inputSize: 4, hiddenSize: 5)
        #expect(limit == GRUSequence.maximumSteps)
        let bigger = try Session(weights: try Session.randomWeights(variant: .pytorch, inputSize: 256, hiddenSize: 256, seed: 1), origin: .random(variant: .pytorch, seed: 1))
        #expect(Session.longestSequence(inputSize: 256, hiddenSize: 256) == GRUSequence.maximumStoredValues / 512)
        var lines = LineSession(session: bigger, commands: NoExtension())
        let reply = lines.reply("generate constant 200000")
        #expect(reply.hasPrefix("error: 200000 steps is too long: at I=256, H=256 a sequence holds at most 131072 steps"))
        #expect(lines.session.count == 1)
        _ = session
    }

    @Test func aQuickContextRefusesLongWorkBeforeChangingAnything() throws {
        var session = try Session(scene: .seedCode)
        let before = Snapshot(session)
        #expect(throws: UserError.needsBackgroundWork) {
            try ComputeContext.with(.quick(limit: 1000)) { () throws(UserError) in try session.step(1000) }
        }
        #expect(Snapshot(session) == before)
        #expect(session.history.undoable.isEmpty)
        // Controlled work computes it and can be stopped.
        let control = WorkControl()
        try ComputeContext.with(.controlled(control)) { () throws(UserError) in try session.step(1000) }
        #expect(session.t == 1000)
        control.cancel()
        var copy = try Session(weights: try Session.randomWeights(variant: .pytorch, inputSize: 64, hiddenSize: 64, seed: 1), origin: .random(variant: .pytorch, seed: 1))
        #expect(throws: UserError.cancelled) {
            try ComputeContext.with(.controlled(control)) { () throws(UserError) in try copy.step(20000) }
        }
    }
}

/// The embedded weights of an example, for tests.
enum EmbeddedExampleBytes {
    static func weights(_ name: String) -> [UInt8] {
        Array(Foundation.Data(base64Encoded: EmbeddedExamples.files["examples/\(name)/weights.npz"]!, options: .ignoreUnknownCharacters)!)
    }
}

import Foundation
