import Foundation
import TOMLKit

/// An example model's `model.toml` (examples/README.md describes the keys), read strictly so
/// that a misspelt key or a missing translation fails a test instead of being ignored.
struct ExampleMetadata {
    /// One suggested input sequence.
    struct Sequence {
        var name: String
        var file: String
        /// The characters fed one per step, for a model with a vocabulary.
        var text: String?
        var en: String
        var zh: String
    }

    /// Which steps a check covers (steps count from 1: step n reads the n-th input).
    enum Steps: CustomStringConvertible {
        case all
        case list([Int])
        case range(ClosedRange<Int>)
        /// The steps whose input is one of these characters.
        case characters(String)

        var description: String {
            switch self {
            case .all: return "every step"
            case .list(let steps): return "steps \(steps)"
            case .range(let range): return "steps \(range.lowerBound)…\(range.upperBound)"
            case .characters(let set): return "steps reading one of \(set.map { "'\($0)'" }.joined(separator: ", "))"
            }
        }
    }

    /// A claim about one unit: its quantity stays within [min, max] on the chosen steps, and/or
    /// the product of the quantity over those steps (for z: the share the gate path still
    /// carries) lies within [product_min, product_max].
    struct Check: CustomStringConvertible {
        var sequence: String
        var quantity: String
        var steps: Steps
        var min: Double?
        var max: Double?
        var productMin: Double?
        var productMax: Double?

        var description: String {
            let bounds = [min.map { "\(quantity) ≥ \($0)" }, max.map { "\(quantity) ≤ \($0)" },
                          productMin.map { "product of \(quantity) ≥ \($0)" },
                          productMax.map { "product of \(quantity) ≤ \($0)" }]
            return "\(bounds.compactMap { $0 }.joined(separator: " and ")) on \(steps) of \(sequence)"
        }
    }

    /// A unit worth watching, why, and the checks that hold the explanation to the weights.
    struct Unit {
        var index: Int
        var en: String
        var zh: String
        var checks: [Check]
    }

    var name: String
    var title: [String: String]
    var description: [String: String]
    var weights: String
    var readout: String
    var readoutMeaning: [String: String]
    var trained: [String: String]
    var notes: [String: String]
    /// What each input position means, in order (absent when there is a vocabulary).
    var inputs: [(name: String, en: String, zh: String)]
    /// Input position k is the k-th character (a one-hot model).
    var vocabulary: String?
    var sequences: [Sequence]
    var units: [Unit]

    /// The quantities a check may name: the fields of gruscope's trace.
    static let quantities: Set<String> = ["h_prev", "r", "z", "kept", "candidate", "added", "h"]
    static let languages = ["en", "zh"]

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let table = try TOMLTable(string: text)
        let reader = Reader(file: file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent)
        try reader.allowOnly([
            "name", "title", "description", "weights", "readout", "readout_meaning", "trained", "notes",
            "input", "vocabulary", "sequence", "unit",
        ], in: table, at: "")
        name = try reader.string("name", in: table)
        title = try reader.languages("title", in: table)
        description = try reader.languages("description", in: table)
        weights = try reader.string("weights", in: table)
        readout = try reader.string("readout", in: table)
        readoutMeaning = try reader.languages("readout_meaning", in: table)
        trained = try reader.languages("trained", in: table)
        notes = try reader.languages("notes", in: table)
        vocabulary = try table["vocabulary"].map { _ in try reader.string("vocabulary", in: table) }
        inputs = try reader.tables("input", in: table, optional: vocabulary != nil).map { input in
            try reader.allowOnly(["name", "en", "zh"], in: input, at: "[[input]]")
            return (try reader.string("name", in: input), try reader.string("en", in: input), try reader.string("zh", in: input))
        }
        sequences = try reader.tables("sequence", in: table).map { sequence in
            try reader.allowOnly(["name", "file", "text", "en", "zh"], in: sequence, at: "[[sequence]]")
            return Sequence(
                name: try reader.string("name", in: sequence), file: try reader.string("file", in: sequence),
                text: try sequence["text"].map { _ in try reader.string("text", in: sequence) },
                en: try reader.string("en", in: sequence), zh: try reader.string("zh", in: sequence))
        }
        units = try reader.tables("unit", in: table).map { unit in
            try reader.allowOnly(["index", "en", "zh", "check"], in: unit, at: "[[unit]]")
            let index = try reader.integer("index", in: unit)
            return Unit(
                index: index, en: try reader.string("en", in: unit), zh: try reader.string("zh", in: unit),
                checks: try reader.tables("check", in: unit).map { try reader.check($0, unit: index) })
        }
    }

    /// Typed access with messages that name the file and the key.
    private struct Reader {
        var file: String

        func problem(_ text: String) -> Problem { Problem(description: "\(file): \(text)") }

        func allowOnly(_ keys: [String], in table: TOMLTable, at place: String) throws {
            for key in table.keys where !keys.contains(key) {
                throw problem("unknown key '\(key)' \(place.isEmpty ? "at the top" : "in \(place)"); known: \(keys.joined(separator: ", "))")
            }
        }

        /// A text with something to read in it.
        func string(_ key: String, in table: TOMLTable) throws -> String {
            let text = try characters(key, in: table)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw problem("'\(key)' is empty") }
            return text
        }

        /// A text that may be all spaces (a set of characters), but not empty.
        func characters(_ key: String, in table: TOMLTable) throws -> String {
            guard let text = table[key]?.string else { throw problem("'\(key)' must be a text") }
            guard !text.isEmpty else { throw problem("'\(key)' is empty") }
            return text
        }

        func integer(_ key: String, in table: TOMLTable) throws -> Int {
            guard let number = table[key]?.int else { throw problem("'\(key)' must be an integer") }
            return number
        }

        func number(_ key: String, in table: TOMLTable) throws -> Double? {
            guard let value = table[key] else { return nil }
            if let number = value.double { return number }
            if let number = value.int { return Double(number) }
            throw problem("'\(key)' must be a number")
        }

        func languages(_ key: String, in table: TOMLTable) throws -> [String: String] {
            guard let inner = table[key]?.table else { throw problem("'\(key)' must have en and zh") }
            try allowOnly(ExampleMetadata.languages, in: inner, at: key)
            var texts: [String: String] = [:]
            for language in ExampleMetadata.languages {
                texts[language] = try string(language, in: inner)
            }
            return texts
        }

        func tables(_ key: String, in table: TOMLTable, optional: Bool = false) throws -> [TOMLTable] {
            guard let value = table[key] else {
                if optional { return [] }
                throw problem("'\(key)' is missing")
            }
            guard let array = value.array else { throw problem("'\(key)' must be a list of tables") }
            return try (0..<array.count).map { index in
                guard let inner = array[index].table else { throw problem("'\(key)' entry \(index + 1) is not a table") }
                return inner
            }
        }

        func check(_ table: TOMLTable, unit: Int) throws -> Check {
            let place = "a check of unit \(unit)"
            try allowOnly(
                ["sequence", "quantity", "at", "from", "to", "chars", "min", "max", "product_min", "product_max"],
                in: table, at: place)
            let quantity = try string("quantity", in: table)
            guard ExampleMetadata.quantities.contains(quantity) else {
                throw problem("\(place) names quantity '\(quantity)'; use one of \(ExampleMetadata.quantities.sorted().joined(separator: ", "))")
            }
            var selectors: [Steps] = []
            if let list = table["at"] {
                guard let array = list.array, array.count > 0 else { throw problem("\(place): 'at' must list steps") }
                selectors.append(.list(try (0..<array.count).map { index in
                    guard let step = array[index].int else { throw problem("\(place): 'at' must list integers") }
                    return step
                }))
            }
            if table["from"] != nil || table["to"] != nil {
                let from = try integer("from", in: table), to = try integer("to", in: table)
                guard from <= to else { throw problem("\(place): from \(from) is after to \(to)") }
                selectors.append(.range(from...to))
            }
            if table["chars"] != nil { selectors.append(.characters(try characters("chars", in: table))) }
            guard selectors.count <= 1 else { throw problem("\(place): use one of at, from/to and chars") }
            let min = try number("min", in: table), max = try number("max", in: table)
            let productMin = try number("product_min", in: table), productMax = try number("product_max", in: table)
            guard [min, max, productMin, productMax].contains(where: { $0 != nil }) else {
                throw problem("\(place) has no bound: give min, max, product_min or product_max")
            }
            if let min, let max, min > max { throw problem("\(place): min \(min) is above max \(max)") }
            if let productMin, let productMax, productMin > productMax {
                throw problem("\(place): product_min \(productMin) is above product_max \(productMax)")
            }
            return Check(
                sequence: try string("sequence", in: table), quantity: quantity, steps: selectors.first ?? .all,
                min: min, max: max, productMin: productMin, productMax: productMax)
        }
    }
}
