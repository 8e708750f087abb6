import Localization

/// A trained example model's `model.toml` (examples/README.md describes the keys), read strictly:
/// a misspelt key, a missing translation or a wrong type is one message naming the file and the
/// key, so a broken file can never half-load. The text is checked against ``largestFileSize``
/// before it is parsed; every list against ``largestList``.
public struct ExampleModel: Sendable, Equatable {
    /// The largest model.toml read.
    public static let largestFileSize = 256 << 10
    /// The most entries of any list (inputs, sequences, units, checks, steps of a check).
    public static let largestList = 4096

    /// A text in the two languages of the class.
    public struct Texts: Sendable, Equatable {
        /// English.
        public var en: String
        /// Simplified Chinese.
        public var zh: String

        /// The text in a language.
        public func text(in language: Language) -> String { language == .zh ? zh : en }

        /// The text by language code (`en`, `zh`).
        public subscript(code: String) -> String? {
            switch code {
            case "en": return en
            case "zh": return zh
            default: return nil
            }
        }
    }

    /// What one input position means.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var en: String
        public var zh: String
    }

    /// One suggested input sequence.
    public struct Sequence: Sendable, Equatable {
        public var name: String
        public var file: String
        /// The characters fed one per step, for a model with a vocabulary.
        public var text: String?
        public var en: String
        public var zh: String
    }

    /// Which steps a check covers (steps count from 1: step n reads the n-th input).
    public enum Steps: Sendable, Equatable, CustomStringConvertible {
        case all
        case list([Int])
        case range(ClosedRange<Int>)
        /// The steps whose input is one of these characters.
        case characters(String)

        public var description: String {
            switch self {
            case .all: return "every step"
            case let .list(steps): return "steps \(steps)"
            case let .range(range): return "steps \(range.lowerBound)…\(range.upperBound)"
            case let .characters(set): return "steps reading one of \(set.map { "'\($0)'" }.joined(separator: ", "))"
            }
        }
    }

    /// A claim about one unit: its quantity stays within [min, max] on the chosen steps, and/or
    /// the product over those steps lies within [product_min, product_max].
    public struct Check: Sendable, Equatable, CustomStringConvertible {
        public var sequence: String
        public var quantity: String
        public var steps: Steps
        public var min: Double?
        public var max: Double?
        public var productMin: Double?
        public var productMax: Double?

        public var description: String {
            let bounds = [min.map { "\(quantity) ≥ \($0)" }, max.map { "\(quantity) ≤ \($0)" },
                          productMin.map { "product of \(quantity) ≥ \($0)" },
                          productMax.map { "product of \(quantity) ≤ \($0)" }]
            return "\(bounds.compactMap { $0 }.joined(separator: " and ")) on \(steps) of \(sequence)"
        }
    }

    /// A unit worth watching, why, and the checks that hold the explanation to the weights.
    public struct Unit: Sendable, Equatable {
        public var index: Int
        public var en: String
        public var zh: String
        public var checks: [Check]

        /// Why to watch it, in a language.
        public func text(in language: Language) -> String { language == .zh ? zh : en }
    }

    public var name: String
    public var title: Texts
    public var description: Texts
    public var weights: String
    public var readout: String
    public var readoutMeaning: Texts
    public var trained: Texts
    public var notes: Texts
    /// What each input position means, in order (empty when there is a vocabulary).
    public var inputs: [Input]
    /// Input position k is the k-th character (a one-hot model).
    public var vocabulary: String?
    public var sequences: [Sequence]
    public var units: [Unit]

    /// The quantities a check may name: the fields of gruscope's trace.
    public static let quantities: Set<String> = ["h_prev", "r", "z", "kept", "candidate", "added", "h"]

    /// Reads a model.toml's text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(UserError) -> ExampleModel {
        guard text.utf8.count <= largestFileSize else {
            throw UserError(key: "error.example.too_large", ["file": file, "limit": String(largestFileSize)])
        }
        let table = try TOMLText.parse(text, file: file)
        return try ExampleModel(table: table, reader: Reader(file: file))
    }

    private init(table: TOMLTable, reader: Reader) throws(UserError) {
        try reader.allowOnly([
            "name", "title", "description", "weights", "readout", "readout_meaning", "trained", "notes",
            "input", "vocabulary", "sequence", "unit",
        ], in: table, at: "")
        name = try reader.string("name", in: table)
        title = try reader.texts("title", in: table)
        description = try reader.texts("description", in: table)
        weights = try reader.string("weights", in: table)
        readout = try reader.string("readout", in: table)
        readoutMeaning = try reader.texts("readout_meaning", in: table)
        trained = try reader.texts("trained", in: table)
        notes = try reader.texts("notes", in: table)
        vocabulary = table.has("vocabulary") ? try reader.string("vocabulary", in: table) : nil
        inputs = []
        for input in try reader.tables("input", in: table, optional: vocabulary != nil) {
            try reader.allowOnly(["name", "en", "zh"], in: input, at: "[[input]]")
            inputs.append(Input(name: try reader.string("name", in: input), en: try reader.string("en", in: input), zh: try reader.string("zh", in: input)))
        }
        sequences = []
        for sequence in try reader.tables("sequence", in: table) {
            try reader.allowOnly(["name", "file", "text", "en", "zh"], in: sequence, at: "[[sequence]]")
            sequences.append(Sequence(
                name: try reader.string("name", in: sequence), file: try reader.string("file", in: sequence),
                text: sequence.has("text") ? try reader.string("text", in: sequence) : nil,
                en: try reader.string("en", in: sequence), zh: try reader.string("zh", in: sequence)))
        }
        units = []
        for unit in try reader.tables("unit", in: table) {
            try reader.allowOnly(["index", "en", "zh", "check"], in: unit, at: "[[unit]]")
            let index = try reader.integer("index", in: unit)
            var checks: [Check] = []
            for check in try reader.tables("check", in: unit) { checks.append(try reader.check(check, unit: index)) }
            units.append(Unit(index: index, en: try reader.string("en", in: unit), zh: try reader.string("zh", in: unit), checks: checks))
        }
    }

    /// Typed access with messages that name the file and the key.
    private struct Reader {
        var file: String

        func problem(_ text: String) -> UserError { UserError(key: "error.example.problem", ["file": file, "problem": text]) }

        func allowOnly(_ keys: [String], in table: TOMLTable, at place: String) throws(UserError) {
            for key in table.keys where !keys.contains(key) {
                throw problem("unknown key '\(EchoText.printable(key))' \(place.isEmpty ? "at the top" : "in \(place)"); known: \(keys.joined(separator: ", "))")
            }
        }

        /// A text with something to read in it.
        func string(_ key: String, in table: TOMLTable) throws(UserError) -> String {
            let text = try characters(key, in: table)
            guard text.contains(where: { !$0.isWhitespace }) else { throw problem("'\(key)' is empty") }
            return text
        }

        /// A text that may be all spaces (a set of characters), but not empty.
        func characters(_ key: String, in table: TOMLTable) throws(UserError) -> String {
            guard let text = table[key]?.string else { throw problem("'\(key)' must be a text") }
            guard !text.isEmpty else { throw problem("'\(key)' is empty") }
            return text
        }

        func integer(_ key: String, in table: TOMLTable) throws(UserError) -> Int {
            guard let number = table[key]?.int else { throw problem("'\(key)' must be an integer") }
            return number
        }

        func number(_ key: String, in table: TOMLTable) throws(UserError) -> Double? {
            guard let value = table[key] else { return nil }
            if let number = value.double, number.isFinite { return number }
            if let number = value.int { return Double(number) }
            throw problem("'\(key)' must be a finite number")
        }

        func texts(_ key: String, in table: TOMLTable) throws(UserError) -> Texts {
            guard let inner = table[key]?.table else { throw problem("'\(key)' must have en and zh") }
            try allowOnly(["en", "zh"], in: inner, at: key)
            return Texts(en: try string("en", in: inner), zh: try string("zh", in: inner))
        }

        func tables(_ key: String, in table: TOMLTable, optional: Bool = false) throws(UserError) -> [TOMLTable] {
            guard let value = table[key] else {
                if optional { return [] }
                throw problem("'\(key)' is missing")
            }
            guard let array = value.array else { throw problem("'\(key)' must be a list of tables") }
            guard array.count <= ExampleModel.largestList else {
                throw problem("'\(key)' has \(array.count) entries; at most \(ExampleModel.largestList)")
            }
            var tables: [TOMLTable] = []
            for index in 0..<array.count {
                guard let inner = array[index].table else { throw problem("'\(key)' entry \(index + 1) is not a table") }
                tables.append(inner)
            }
            return tables
        }

        func check(_ table: TOMLTable, unit: Int) throws(UserError) -> Check {
            let place = "a check of unit \(unit)"
            try allowOnly(
                ["sequence", "quantity", "at", "from", "to", "chars", "min", "max", "product_min", "product_max"],
                in: table, at: place)
            let quantity = try string("quantity", in: table)
            guard ExampleModel.quantities.contains(quantity) else {
                throw problem("\(place) names quantity '\(EchoText.printable(quantity))'; use one of \(ExampleModel.quantities.sorted().joined(separator: ", "))")
            }
            var selectors: [Steps] = []
            if let list = table["at"] {
                guard let array = list.array, array.count > 0, array.count <= ExampleModel.largestList else {
                    throw problem("\(place): 'at' must list steps (at most \(ExampleModel.largestList))")
                }
                var steps: [Int] = []
                for index in 0..<array.count {
                    guard let step = array[index].int else { throw problem("\(place): 'at' must list integers") }
                    steps.append(step)
                }
                selectors.append(.list(steps))
            }
            if table.has("from") || table.has("to") {
                let from = try integer("from", in: table), to = try integer("to", in: table)
                guard from <= to else { throw problem("\(place): from \(from) is after to \(to)") }
                selectors.append(.range(from...to))
            }
            if table.has("chars") { selectors.append(.characters(try characters("chars", in: table))) }
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

extension TOMLTable {
    /// Whether the table has an entry of this name.
    func has(_ name: String) -> Bool { contains(key: name) }
}
