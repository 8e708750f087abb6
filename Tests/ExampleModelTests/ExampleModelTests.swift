import Foundation
import GRUCore
import Script
import Testing
@testable import WeightFiles

/// The trained example models in examples/: their files load, gruscope's engine reproduces
/// PyTorch's own trace of every suggested sequence, and every claim the metadata makes about a
/// unit holds on those numbers (so the explanations cannot drift from the weights).
@Suite struct ExampleModelTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let golden = repository.appendingPathComponent("Tests/Fixtures/examples")

    /// Every folder of examples/ that holds a model.toml.
    static let names: [String] = {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return folders.filter {
            FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/model.toml").path)
        }.sorted()
    }()

    /// A model's metadata, weights and the traces of its suggested sequences through gruscope's engine.
    struct Example {
        var metadata: ExampleMetadata
        var weights: GRUWeights
        var folder: URL
        var inputs: [String: [[Float]]] = [:]
        var traces: [String: [GRUTrace]] = [:]

        init(_ name: String) throws {
            folder = ExampleModelTests.examples.appendingPathComponent(name)
            metadata = try ExampleMetadata(file: folder.appendingPathComponent("model.toml"))
            weights = try WeightFile.load(path: folder.appendingPathComponent(metadata.weights).path).weights
            for sequence in metadata.sequences {
                let path = folder.appendingPathComponent(sequence.file).path
                let rows = try InputsFile.read(path: path, inputSize: weights.inputSize)
                var cell = GRUCell(weights: weights)
                var steps: [GRUTrace] = []
                cell.run(inputs: rows, h0: [Float](repeating: 0, count: weights.hiddenSize)) { _, trace in
                    steps.append(trace)
                }
                inputs[sequence.name] = rows
                traces[sequence.name] = steps
            }
        }
    }

    @Test func thereAreAtLeastFourExamples() {
        #expect(Self.names.count >= 4, "examples/ holds \(Self.names)")
        #expect(Set(Self.names).isSuperset(of: ["remember-first", "parity", "sine", "chars"]))
    }

    @Test(arguments: names)
    func metadataDescribesTheModel(_ name: String) throws {
        let example = try Example(name)
        let metadata = example.metadata, weights = example.weights
        #expect(metadata.name == name, "the name inside model.toml is the folder's")
        #expect(weights.variant == .pytorch)
        #expect((4...16).contains(weights.hiddenSize), "H = \(weights.hiddenSize) fits the screen")
        let inputCount = metadata.vocabulary.map(\.count) ?? metadata.inputs.count
        #expect(inputCount == weights.inputSize, "one meaning per input position: \(inputCount) for I = \(weights.inputSize)")
        #expect(!metadata.sequences.isEmpty && !metadata.units.isEmpty)
        #expect(Set(metadata.sequences.map(\.name)).count == metadata.sequences.count, "sequence names are unique")
        for unit in metadata.units {
            #expect((0..<weights.hiddenSize).contains(unit.index), "unit \(unit.index) exists")
            #expect(!unit.checks.isEmpty, "unit \(unit.index) is backed by at least one check")
        }
        #expect(Set(metadata.units.map(\.index)).count == metadata.units.count, "each unit is described once")
        // Every text the class reads is in both languages; the Chinese ones are Chinese.
        var chinese = [metadata.title["zh"], metadata.description["zh"], metadata.readoutMeaning["zh"],
                       metadata.trained["zh"], metadata.notes["zh"]].compactMap { $0 }
        chinese += metadata.inputs.map(\.zh) + metadata.sequences.map(\.zh) + metadata.units.map(\.zh)
        for text in chinese {
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not Chinese: \(text)")
        }
        #expect(!metadata.description["en"]!.contains("\n"), "the description is one line")
        #expect(!metadata.description["zh"]!.contains("\n"), "the description is one line")
    }

    @Test(arguments: names)
    func readoutIsStoredApartWithTheRightShape(_ name: String) throws {
        let example = try Example(name)
        let path = example.folder.appendingPathComponent(example.metadata.readout).path
        let archive = try NPZArchive(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), unpackedLimit: 1 << 20)
        #expect(Set(archive.arrayNames) == ["weight", "bias"])
        let weight = try archive.array(named: "weight"), bias = try archive.array(named: "bias")
        #expect(weight.shape.count == 2 && weight.shape.last == example.weights.hiddenSize)
        #expect(bias.shape == [weight.shape[0]])
        // The readout is not a GRU: loading it as weights is refused.
        #expect(throws: WeightFileError.self) { try WeightFile.load(path: path) }
    }

    /// gruscope's engine against PyTorch's trace of every suggested sequence, every field of every step.
    @Test(arguments: names)
    func engineReproducesPyTorch(_ name: String) throws {
        let example = try Example(name)
        let goldenFolder = Self.golden.appendingPathComponent(name)
        let goldenFiles = try FileManager.default.contentsOfDirectory(atPath: goldenFolder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(goldenFiles) == Set(example.metadata.sequences.map { "\($0.name).json" }),
                "one golden trace per suggested sequence, no others")
        for sequence in example.metadata.sequences {
            let data = try Data(contentsOf: goldenFolder.appendingPathComponent("\(sequence.name).json"))
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(document["variant"] as? String == "pytorch")
            #expect(document["input_size"] as? Int == example.weights.inputSize)
            #expect(document["hidden_size"] as? Int == example.weights.hiddenSize)
            #expect(flat(document["h0"]) == [Float](repeating: 0, count: example.weights.hiddenSize))
            let steps = try #require(document["steps"] as? [[String: Any]])
            let mine = try #require(example.traces[sequence.name])
            #expect(steps.count == mine.count, "\(name)/\(sequence.name): as many steps as the inputs file has lines")
            for (t, (expected, got)) in zip(steps, mine).enumerated() {
                #expect(flat(expected["x"]) == got.x, "\(name)/\(sequence.name) step \(t + 1): the inputs file is what torch was fed")
                for field in ["h_prev", "r", "z", "kept", "candidate", "added", "h"] {
                    let want = flat(expected[field]), have = got[try #require(TraceField(rawValue: field))]
                    #expect(want.count == have.count)
                    for (k, (a, b)) in zip(have, want).enumerated() {
                        #expect(abs(a - b) <= 1e-5 * max(1, abs(b)),
                                "\(name)/\(sequence.name) step \(t + 1) \(field)[\(k)]: gruscope \(a), torch \(b)")
                    }
                }
            }
        }
    }

    /// A model with a vocabulary: every sequence is a text, its inputs file is that text one-hot.
    @Test(arguments: names)
    func textSequencesAreOneHotOverTheVocabulary(_ name: String) throws {
        let example = try Example(name)
        guard let vocabulary = example.metadata.vocabulary else {
            #expect(example.metadata.sequences.allSatisfy { $0.text == nil }, "text needs a vocabulary")
            return
        }
        let letters = Array(vocabulary)
        #expect(Set(letters).count == letters.count, "no character twice in the vocabulary")
        for sequence in example.metadata.sequences {
            let text = try #require(sequence.text, "\(sequence.name) of a vocabulary model has a text")
            let rows = try #require(example.inputs[sequence.name])
            #expect(rows.count == text.count)
            for (row, character) in zip(rows, text) {
                let position = try #require(letters.firstIndex(of: character), "'\(character)' is in the vocabulary")
                #expect(row == letters.indices.map { $0 == position ? 1 : 0 }, "'\(character)' is one-hot at \(position)")
            }
        }
    }

    /// Every claim of the metadata about a unit, evaluated on gruscope's own numbers.
    @Test(arguments: names)
    func unitsBehaveAsTheMetadataSays(_ name: String) throws {
        let example = try Example(name)
        for unit in example.metadata.units {
            for check in unit.checks {
                let steps = try #require(example.traces[check.sequence], "unit \(unit.index): no sequence '\(check.sequence)'")
                let sequence = try #require(example.metadata.sequences.first { $0.name == check.sequence })
                let chosen = try selectedSteps(check.steps, count: steps.count, text: sequence.text)
                #expect(!chosen.isEmpty, "unit \(unit.index): \(check) selects no step")
                let field = try #require(TraceField(rawValue: check.quantity))
                let values = chosen.map { Double(steps[$0 - 1][field][unit.index]) }
                for (step, value) in zip(chosen, values) {
                    let low = check.min ?? -.infinity, high = check.max ?? .infinity
                    #expect(value >= low && value <= high,
                            "\(name): unit \(unit.index) claims \(check); step \(step) has \(check.quantity) = \(value)")
                }
                let product = values.reduce(1, *)
                #expect(product >= (check.productMin ?? -.infinity) && product <= (check.productMax ?? .infinity),
                        "\(name): unit \(unit.index) claims \(check); the product is \(product)")
            }
        }
    }

    /// The steps (from 1) a check covers, refusing steps the sequence does not have.
    func selectedSteps(_ steps: ExampleMetadata.Steps, count: Int, text: String?) throws -> [Int] {
        switch steps {
        case .all:
            return Array(1...count)
        case .list(let list):
            for step in list { #expect((1...count).contains(step), "step \(step) is outside 1…\(count)") }
            return list.filter { (1...count).contains($0) }
        case .range(let range):
            #expect(range.lowerBound >= 1 && range.upperBound <= count, "\(range) is outside 1…\(count)")
            return Array(range.clamped(to: 1...count))
        case .characters(let set):
            let text = try #require(text, "chars selects steps of a text sequence only")
            return text.enumerated().filter { set.contains($0.element) }.map { $0.offset + 1 }
        }
    }

    func flat(_ value: Any?) -> [Float] {
        if let numbers = value as? [Double] { return numbers.map(Float.init) }
        if let rows = value as? [Any] { return rows.flatMap { flat($0) } }
        return []
    }
}
