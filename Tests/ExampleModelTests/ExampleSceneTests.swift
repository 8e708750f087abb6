import Foundation
import GRUCore
import Localization
import Testing
import WeightFiles
@testable import Script

/// The trained examples as scenes: embedded byte for byte, loaded with their suggested
/// sequences, read by a strict parser that refuses every malformed model.toml with one message.
@Suite struct ExampleSceneTests {
    static let examples = ExampleModelTests.examples

    @Test(arguments: ExampleModelTests.names)
    func theEmbeddedFilesAreTheFolder(_ name: String) throws {
        let folder = Self.examples.appendingPathComponent(name)
        let model = try String(contentsOf: folder.appendingPathComponent("model.toml"), encoding: .utf8)
        #expect(EmbeddedExamples.files["examples/\(name)/model.toml"] == model, "run scripts/embed-assets")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("inputs").path)
        for file in inputs where file.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent("inputs/\(file)"), encoding: .utf8)
            #expect(EmbeddedExamples.files["examples/\(name)/inputs/\(file)"] == text, "run scripts/embed-assets")
        }
        let weights = try Data(contentsOf: folder.appendingPathComponent("weights.npz"))
        let embedded = try #require(EmbeddedExamples.files["examples/\(name)/weights.npz"])
        #expect(Data(base64Encoded: embedded, options: .ignoreUnknownCharacters) == weights, "run scripts/embed-assets")
        #expect(EmbeddedExamples.names.contains(name))
    }

    @Test(arguments: ExampleModelTests.names)
    func aSceneIsTheTrainedModelWithItsFirstSequence(_ name: String) throws {
        let example = try ExampleModelTests.Example(name)
        let scene = try Scene.named(name)
        let session = try Session(scene: scene)
        #expect(session.weights == example.weights)
        #expect(session.origin == .example(name: name))
        let first = try #require(example.metadata.sequences.first)
        #expect(session.count == example.inputs[first.name]!.count && session.t == 0)
        #expect(session.inputsSource == .scene(scene: name, sequence: first.name))
        // The session's steps are PyTorch's (the same engine the golden traces test).
        for (t, trace) in example.traces[first.name]!.enumerated() {
            #expect(session.sequence.state(after: t) == trace.h)
        }
        #expect(scene.unitsToWatch.map(\.index) == example.metadata.units.map(\.index))
        #expect(scene.summary(in: .zh).contains(example.metadata.title.zh))
        #expect(Scene.all.map(\.name).contains(name))
    }

    @Test func theCharacterModelReadsText() throws {
        var lines = LineSession(session: try Session(scene: try Scene.named("chars")), commands: NoExtension())
        #expect(lines.reply("inputs \"the cat\"").hasPrefix("sequence: 7 steps from \"the cat\""))
        #expect(lines.session.character(at: 0) == "t" && lines.session.character(at: 3) == " ")
        #expect(lines.reply("x = \"e\"").hasSuffix("'e'"))
        #expect(lines.session.character(at: 0) == "e")
        let before = lines.session.sequence.inputs
        #expect(lines.reply("inputs \"Hello!\"") == "error: 'H', '!' not in the vocabulary; it has \" abcdefghijklmnopqrstuvwxyz.,?\"")
        #expect(lines.reply("x = \"ab\"") == "error: x takes one character; for several, use inputs \"ab\"")
        #expect(lines.session.sequence.inputs == before)
        var numbers = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        #expect(numbers.reply("inputs \"hi\"").hasPrefix("error: this model reads numbers, not characters"))
    }

    @Test func suggestedSequencesLoadByName() throws {
        var lines = LineSession(session: try Session(scene: try Scene.named("parity")), commands: NoExtension())
        #expect(lines.reply("inputs long-zeros").hasPrefix("sequence: 30 steps from parity/long-zeros"))
        #expect(lines.reply("inputs no-such-file").hasPrefix("error: "))
    }

    @Test(arguments: [
        ("name = 1", "'name' must be a text"),
        ("", "'name' must be a text"),
        ("name = \"x\"\nbogus = 1", "unknown key 'bogus' at the top"),
        ("name = \"x\"\ntitle.en = \"t\"", "unknown key"),
    ])
    func malformedMetadataIsOneMessage(_ text: String, _ expected: String) {
        #expect(throws: UserError.self) { try ExampleModel.parse(text, file: "m.toml") }
        do {
            _ = try ExampleModel.parse(text, file: "m.toml")
        } catch {
            #expect(error.message.hasPrefix("m.toml"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func everyKeyOfARealFileIsChecked() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("parity/model.toml"), encoding: .utf8)
        let broken: [(String, String)] = [
            ("quantity = \"z\"", "quantity = \"q\""),
            ("title.zh = ", "title.fr = "),
            ("min = 0.97", "min = \"high\""),
            ("[[unit]]\nindex = 1", "[[unit]]\nindex = \"one\""),
        ]
        for (from, to) in broken {
            #expect(text.contains(from), "fixture still holds \(from)")
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(throws: UserError.self, "\(to)") { try ExampleModel.parse(changed, file: "parity/model.toml") }
        }
        let huge = String(repeating: "#", count: ExampleModel.largestFileSize + 1)
        #expect(throws: UserError(key: "error.example.too_large", ["file": "big.toml", "limit": String(ExampleModel.largestFileSize)])) {
            try ExampleModel.parse(huge, file: "big.toml")
        }
    }
}
