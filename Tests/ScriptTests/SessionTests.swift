import GRUCore
import Localization
import Testing
@testable import Script

@Suite struct SessionTests {
    @Test func seedDocSceneReproducesTheArticle() throws {
        let session = try Session(scene: .seedDoc)
        #expect(session.trace.z == [0.1, 0.2, 0.1, 0.3, 0.5, 0.0])
        let expected: [Float] = [0.1, 0.4, 0, 0.3, 2, 0]
        for (a, b) in zip(session.trace.kept, expected) { #expect(abs(a - b) < 1e-6) }
        #expect(session.trace.pinned == [.z])
        for j in 0..<6 {
            #expect(abs(session.trace.kept[j] + session.trace.added[j] - session.trace.h[j]) < 1e-6)
        }
    }

    @Test func sceneNamesAreKnownWithoutReadingTheExamples() throws {
        // `--help` lists Scene.names on every start; they must be the scenes there are.
        #expect(Scene.names == Scene.all.map(\.name))
        #expect(try Scene.named("seed-doc") == .seedDoc)
        #expect(try Scene.named("parity").example != nil)
        #expect(throws: UserError.self) { try Scene.named("sparkly") }
    }

    @Test func seedCodeSceneIsTheDefault() throws {
        let session = try SessionSetup().makeSession()
        #expect(session.sceneName == "seed-code")
        #expect(session.x == [1, 2, 3, 4])
        #expect(session.h == [0, 0, 0, 0, 0])
        #expect(session.inputSize == 4 && session.hiddenSize == 5)
        #expect(session.weights == (try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 4, hiddenSize: 5)))
    }

    @Test func stepBackAndReset() throws {
        var session = try Session(scene: .seedCode)
        let first = session.trace
        try session.step()
        #expect(session.t == 1)
        #expect(session.h == first.h)
        try session.step(2)
        #expect(session.t == 3)
        try session.back(2)
        #expect(session.t == 1)
        #expect(session.h == first.h)
        try session.reset()
        #expect(session.t == 0)
        #expect(session.trace == first)
    }

    @Test func badEditsChangeNothing() throws {
        var session = try Session(scene: .seedCode)
        let before = session.trace
        #expect(throws: ScriptError("x needs 4 numbers, got 3")) { try session.setX([1, 2, 3]) }
        #expect(throws: ScriptError("h[5] does not exist; h has 5 values, numbered 0 to 4")) { try session.setH(at: 5, to: 1) }
        #expect(throws: ScriptError.self) { try session.setX(at: 0, to: .nan) }
        #expect(throws: ScriptError.self) { try session.setH(at: 0, to: .infinity) }
        #expect(throws: ScriptError.self) { try session.pin(.z, to: [0, 0, 0, 0, 2]) }
        #expect(throws: ScriptError.self) { try session.back() }
        #expect(throws: ScriptError.self) { try session.resize(inputSize: 0, hiddenSize: 3) }
        #expect(session.trace == before)
        #expect(session.t == 0)
    }

    @Test func seedsGiveTheSameWeightsEveryTime() throws {
        var a = try Session(scene: .seedCode), b = try Session(scene: .seedCode)
        try a.reseed(99)
        try b.reseed(99)
        #expect(a.weights == b.weights)
        try b.reseed(100)
        #expect(a.weights != b.weights)
    }

    @Test func resizeAndVariantRedrawWeights() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 3, hiddenSize: 7)
        #expect(session.x.count == 3 && session.h.count == 7)
        try session.setVariant(.pytorch)
        #expect(session.weights.resetAfter)
        #expect(session.origin == .random(variant: .pytorch, seed: WeightInitializer.defaultSeed))
    }

    @Test func setupCombinesOptions() throws {
        var setup = SessionSetup()
        setup.scene = "seed-doc"
        setup.variant = .pytorch
        let session = try setup.makeSession()
        #expect(session.sceneName == "seed-doc")
        #expect(session.weights.resetAfter)
        #expect(session.pins.z != nil)

        var sized = SessionSetup()
        sized.hiddenSize = 3
        sized.h0 = "1 2 3"
        sized.xs = ["1 1 1 1"]
        sized.pinR = "0 0.5 1"
        let custom = try sized.makeSession()
        #expect(custom.inputSize == 4 && custom.hiddenSize == 3)
        #expect(custom.h == [1, 2, 3] && custom.x == [1, 1, 1, 1])
        #expect(custom.trace.r == [0, 0.5, 1])
    }

    @Test(arguments: [
        ({ var s = SessionSetup(); s.scene = "nope"; return s }(), "there is no scene 'nope'; scenes: seed-code, seed-doc, chars, parity, remember-first, sine"),
        ({ var s = SessionSetup(); s.h0 = "1 2"; return s }(), "--h0 needs 5 numbers, got 2"),
        ({ var s = SessionSetup(); s.pinZ = "0 0 0 0 7"; return s }(), "pinned z[4] = 7.0 is outside [0, 1]; a gate is a share between 0 and 1"),
        ({ var s = SessionSetup(); s.prefix = "a"; return s }(), "--prefix, --layer and --direction pick a cell inside a weight file; give --weights FILE too"),
        ({ var s = SessionSetup(); s.scene = "seed-doc"; s.hiddenSize = 3; return s }(), "scene seed-doc has I=4, H=6; leave out --input-size/--hidden-size or pick other sizes without --scene"),
        ({ var s = SessionSetup(); s.xs = ["1 2 x 4"]; return s }(), "--x[2] = 'x' is not a number; write numbers like 0.5, -2 or 1e-3"),
    ])
    func setupErrorsSayWhatToDo(_ setup: SessionSetup, _ message: String) {
        #expect(throws: ScriptError(message)) { try setup.makeSession() }
    }
}

@Suite struct LineSessionTests {
    @Test func aPipedSessionWithBadLines() throws {
        var lines = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        let script = ["x = 1 2 3", "x = 1 2 3 5", "bogus", "step", "x[9] = 1", "h = 1 2 3 4 nan", "step 2", "back"]
        let outputs = script.map { lines.reply($0) }
        #expect(outputs[0] == "error: x needs 4 numbers, got 3")
        #expect(outputs[1] == "x = [1, 2, 3, 5]")
        #expect(outputs[2] == "error: unknown command 'bogus'; type help for the list")
        #expect(outputs[3].hasPrefix("t = 1 of 2  h = ["))
        #expect(outputs[4] == "error: x[9] does not exist; x has 4 values, numbered 0 to 3")
        #expect(outputs[5].hasPrefix("error: h[4] = nan is not a finite number"))
        #expect(outputs[7].hasPrefix("t = 2 of 4  h = ["))
        for output in outputs where output.hasPrefix("error:") { #expect(!output.contains("\n")) }
        #expect(lines.session.t == 2)
        #expect(lines.complete(lines.handle("quit")).quit)
    }

    @Test func showAndTraceListEveryColumn() throws {
        var lines = LineSession(session: try Session(scene: .seedDoc), commands: NoExtension())
        let show = lines.reply("show")
        #expect(show.split(separator: "\n").count == 1 + 6 + 1)
        #expect(show.contains("pinned: z"))
        let trace = lines.reply("trace")
        for field in TraceField.allCases { #expect(trace.contains(field.rawValue + " ")) }
        #expect(lines.reply("help").contains("units and positions count from 0"))
    }
}
