import Foundation
import GRUCore
import Localization
import WeightFiles

/// A named starting point, ready to teach from: random weights with chosen x, h and pins (the
/// article's scenes), or a trained example model (examples/) with its suggested sequences, its
/// vocabulary and the units worth watching.
public struct Scene: Sendable, Equatable {
    /// The name used by `--scene` and `scene NAME`.
    public let name: String
    /// One line for listings (English).
    public let summary: String
    /// The framework convention of its weights.
    public let variant: GRUVariant
    /// I.
    public let inputSize: Int
    /// H.
    public let hiddenSize: Int
    /// The input vector of step 0.
    public let x: [Float]
    /// The starting state.
    public let h: [Float]
    /// Gates fixed by the scene, if any.
    public let pinnedZ: [Float]?
    /// The trained model, for an example scene.
    public let example: ExampleModel?
    /// The suggested sequences, in order; the first is loaded with the scene.
    public let sequences: [SuggestedSequence]
    private let embeddedWeights: [UInt8]?

    /// A suggested input sequence of a scene.
    public struct SuggestedSequence: Sendable, Equatable {
        /// Its name (`inputs NAME` loads it).
        public let name: String
        /// The inputs.
        public let rows: StepRows
        /// What it is and what to look for.
        public let about: ExampleModel.Texts
        /// The characters it spells, for a model with a vocabulary.
        public let text: String?
    }

    /// A scene of random weights.
    init(name: String, summary: String, variant: GRUVariant, inputSize: Int, hiddenSize: Int, x: [Float], h: [Float], pinnedZ: [Float]?) {
        self.name = name
        self.summary = summary
        self.variant = variant
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.x = x
        self.h = h
        self.pinnedZ = pinnedZ
        example = nil
        sequences = []
        embeddedWeights = nil
    }

    /// The seed article's program: TensorFlow's GRUCell with I=4, H=5, x=[1,2,3,4], h=0.
    public static let seedCode = Scene(
        name: "seed-code",
        summary: "the article's program: I=4, H=5, x=[1,2,3,4], h=0, default TensorFlow weights",
        variant: .tfGRUCell, inputSize: 4, hiddenSize: 5,
        x: [1, 2, 3, 4], h: [0, 0, 0, 0, 0], pinnedZ: nil)

    /// The seed article's worked example: z stated directly, so kept = z·h = [0.1,0.4,0,0.3,2,0].
    public static let seedDoc = Scene(
        name: "seed-doc",
        summary: "the article's worked example: x=[1,2,3,1], h=[1,2,0,1,4,3], z pinned to [0.1,0.2,0.1,0.3,0.5,0]",
        variant: .tfGRUCell, inputSize: 4, hiddenSize: 6,
        x: [1, 2, 3, 1], h: [1, 2, 0, 1, 4, 3], pinnedZ: [0.1, 0.2, 0.1, 0.3, 0.5, 0.0])

    /// The trained example models embedded in the binary (examples/), by name.
    public static let examples: [Scene] = EmbeddedExamples.names.map { name in
        do throws(UserError) {
            return try Scene(example: name)
        } catch {
            // The embedded files are checked by the tests; a broken one is a build defect.
            preconditionFailure("embedded example \(name): \(error.message)")
        }
    }

    /// Every built-in scene, the default first.
    public static let all: [Scene] = [seedCode, seedDoc] + examples

    /// The names of ``all``, in order, known without reading the examples: `--help` lists them
    /// on every start, and reading the four trained models for it cost 4 ms of each start.
    public static let names: [String] = [seedCode.name, seedDoc.name] + EmbeddedExamples.names

    /// The scene used when nothing else is asked for.
    public static let `default` = seedCode

    /// The scene with a name, or an error listing the names there are.
    public static func named(_ name: String) throws(UserError) -> Scene {
        // The article's scenes are found without reading the trained examples.
        guard let scene = [seedCode, seedDoc].first(where: { $0.name == name }) ?? examples.first(where: { $0.name == name }) else {
            throw UserError(key: "error.script.scene", ["name": EchoText.printable(name), "names": names.joined(separator: ", ")])
        }
        return scene
    }

    /// The one-line description in a language.
    public func summary(in language: Language) -> String {
        example.map { $0.title.text(in: language) + ": " + $0.description.text(in: language) } ?? summary
    }

    /// The characters of a one-hot model's inputs.
    public var vocabulary: Vocabulary? { example?.vocabulary.map(Vocabulary.init) }

    /// The units worth watching, with why (empty for random scenes).
    public var unitsToWatch: [ExampleModel.Unit] { example?.units ?? [] }

    /// The suggested sequence with a name.
    public func sequence(named name: String) -> SuggestedSequence? {
        sequences.first { $0.name == name }
    }

    /// The scene's weights: drawn from `seed` for a random scene, the trained ones (whatever the
    /// seed) for an example.
    public func weights(seed: UInt64) throws(UserError) -> GRUWeights {
        if let embeddedWeights {
            do {
                return try WeightFile.load(embedded: embeddedWeights, name: "examples/\(name)/weights.npz").weights
            } catch {
                throw UserError(error.message)
            }
        }
        return try Session.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
    }

    /// Where the scene's weights come from.
    public func origin(seed: UInt64) -> WeightsOrigin {
        example != nil ? .example(name: name) : .random(variant: variant, seed: seed)
    }

    /// An example scene from the embedded files of examples/NAME.
    init(example name: String) throws(UserError) {
        let folder = "examples/\(name)"
        guard let text = EmbeddedExamples.files["\(folder)/model.toml"] else {
            throw UserError("\(folder)/model.toml is not embedded")
        }
        let model = try ExampleModel.parse(text, file: "\(folder)/model.toml")
        guard let encoded = EmbeddedExamples.files["\(folder)/\(model.weights)"],
              let bytes = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
        else {
            throw UserError("\(folder)/\(model.weights) is not embedded")
        }
        let weights: GRUWeights
        do {
            weights = try WeightFile.load(embedded: Array(bytes), name: "\(folder)/\(model.weights)").weights
        } catch {
            throw UserError(error.message)
        }
        var sequences: [SuggestedSequence] = []
        for sequence in model.sequences {
            let file = "\(folder)/\(sequence.file)"
            guard let text = EmbeddedExamples.files[file] else { throw UserError("\(file) is not embedded") }
            let rows: [[Float]]
            do {
                rows = try InputsFile.parse(text, name: file, inputSize: weights.inputSize)
            } catch {
                throw UserError(error.description)
            }
            sequences.append(SuggestedSequence(
                name: sequence.name, rows: StepRows(values: rows.flatMap { $0 }, width: weights.inputSize),
                about: ExampleModel.Texts(en: sequence.en, zh: sequence.zh), text: sequence.text))
        }
        self.name = name
        summary = model.title.en + ": " + model.description.en
        variant = weights.variant
        inputSize = weights.inputSize
        hiddenSize = weights.hiddenSize
        x = [Float](repeating: 0, count: weights.inputSize)
        h = [Float](repeating: 0, count: weights.hiddenSize)
        pinnedZ = nil
        example = model
        self.sequences = sequences
        embeddedWeights = Array(bytes)
    }

    public static func == (lhs: Scene, rhs: Scene) -> Bool { lhs.name == rhs.name }
}

/// The characters of a one-hot model: input position k is the k-th character.
public struct Vocabulary: Sendable, Equatable {
    /// The characters, in input order.
    public let characters: [Character]
    private let positions: [Character: Int]

    /// The vocabulary spelled by a text (one position per character).
    public init(_ text: String) {
        characters = Array(text)
        var positions: [Character: Int] = [:]
        for (index, character) in characters.enumerated() where positions[character] == nil { positions[character] = index }
        self.positions = positions
    }

    /// The vocabulary as a quoted text for messages.
    public var listing: String { "\"" + EchoText.printable(String(characters)) + "\"" }

    /// One one-hot row per character of `text`; characters outside the vocabulary are refused,
    /// all of them named.
    public func oneHot(_ text: String) throws(UserError) -> [[Float]] {
        var missing: [Character] = []
        var rows: [[Float]] = []
        for character in text {
            guard let position = positions[character] else {
                if !missing.contains(character) { missing.append(character) }
                continue
            }
            var row = [Float](repeating: 0, count: characters.count)
            row[position] = 1
            rows.append(row)
        }
        guard missing.isEmpty else {
            throw UserError(key: "error.text.outside", [
                "characters": missing.prefix(20).map { "'" + EchoText.printable(String($0)) + "'" }.joined(separator: ", "),
                "vocabulary": listing,
            ])
        }
        guard !rows.isEmpty else { throw UserError(key: "error.text.empty") }
        return rows
    }

    /// The character a one-hot row stands for, or nil when the row is not one-hot.
    public func character(of row: [Float]) -> Character? {
        guard row.count == characters.count else { return nil }
        var found: Int?
        for (index, value) in row.enumerated() {
            if value == 1 {
                guard found == nil else { return nil }
                found = index
            } else if value != 0 {
                return nil
            }
        }
        return found.map { characters[$0] }
    }
}

/// Where a session's inputs came from, for headers, `inputs` and session files.
public enum InputsSource: Sendable, Equatable {
    /// Typed or stepped by hand.
    case typed
    /// An inputs file.
    case file(path: String)
    /// Typed inline (`inputs 1 0 | 0 1`).
    case inline
    /// A text, one character a step.
    case text(String)
    /// A built-in generator.
    case generated(SequenceGenerator)
    /// A scene's suggested sequence.
    case scene(scene: String, sequence: String)

    /// A short description.
    public var summary: String {
        switch self {
        case .typed: return "typed"
        case let .file(path): return EchoText.printable(path)
        case .inline: return "inline"
        case let .text(text): return "\"" + EchoText.printable(String(text.prefix(40))) + (text.count > 40 ? "…" : "") + "\""
        case let .generated(generator): return generator.summary
        case let .scene(scene, sequence): return "\(scene)/\(sequence)"
        }
    }
}

/// A built-in sequence: `generate constant|pulse|sine|noise N [options]`. Every input of a step
/// gets the same value, except noise, which draws each one.
public struct SequenceGenerator: Sendable, Equatable {
    /// The shapes.
    public enum Kind: String, Sendable, CaseIterable {
        /// `value` at every step.
        case constant
        /// `value` at step `at`, 0 elsewhere.
        case pulse
        /// `value`·sin(2π(t/period) + phase).
        case sine
        /// Uniform in [−value, value], drawn from `seed`.
        case noise
    }

    /// The shape.
    public var kind: Kind
    /// T.
    public var length: Int
    /// The height (constant, pulse), amplitude (sine) or spread (noise); 1 unless given.
    public var value: Float = 1
    /// The pulse's step.
    public var at: Int = 0
    /// The sine's period in steps.
    public var period: Float = 16
    /// The sine's phase in radians.
    public var phase: Float = 0
    /// The noise's seed.
    public var seed: UInt64 = 1

    /// A generator of a kind and length (other options at their defaults).
    public init(kind: Kind, length: Int) {
        self.kind = kind
        self.length = length
    }

    /// The rows for `inputSize` inputs.
    public func rows(inputSize: Int) -> StepRows {
        var values = [Float](repeating: 0, count: length * inputSize)
        var random = SeededGenerator(seed: seed)
        for step in 0..<length {
            for input in 0..<inputSize {
                let v: Float
                switch kind {
                case .constant: v = value
                case .pulse: v = step == at ? value : 0
                case .sine: v = value * Float(sin(2 * Double.pi * Double(step) / Double(period) + Double(phase)))
                case .noise: v = random.uniform(-value, value)
                }
                values[step * inputSize + input] = v
            }
        }
        return StepRows(values: values, width: inputSize)
    }

    /// As typed, its numbers short for the screen: `generate sine 64 period 16 value 1`.
    public var summary: String { command(spelling: Numbers.short) }

    /// The command that makes exactly these steps again, every number spelled to read back as
    /// the same Float (`phase 9.9999e-05`, where the summary says `1.000e-04`): what a session
    /// file keeps, so that a reopened session has the steps it had.
    public var exactCommand: String { command(spelling: Numbers.exact) }

    private func command(spelling number: (Float) -> String) -> String {
        var words = ["generate", kind.rawValue, String(length)]
        switch kind {
        case .constant: words += ["value", number(value)]
        case .pulse: words += ["at", String(at), "value", number(value)]
        case .sine: words += ["period", number(period), "value", number(value), "phase", number(phase)]
        case .noise: words += ["seed", String(seed), "value", number(value)]
        }
        return words.joined(separator: " ")
    }
}
