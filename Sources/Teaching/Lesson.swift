import Foundation
import GRUCore
import Localization

/// A guided tour: a name, a title and summary in every language, and steps.
///
/// A lesson file is TOML:
///
///     name = "keep-and-replace"
///     number = 1
///     title.en = "Keep and replace"
///     title.zh = "保留与替换"
///     summary.en = "…"
///     summary.zh = "…"
///
///     [[step]]
///     run = ["scene seed-doc"]
///     units = [4]
///     columns = ["z", "kept"]
///     en = "Unit 4 keeps {z%[4]} of its old {h_prev[4]}: {kept[4]}."
///     zh = "单元 4 保留旧值 {h_prev[4]} 的 {z%[4]}：{kept[4]}。"
public struct Lesson: Sendable, Equatable {
    /// The name `lesson NAME` takes.
    public let name: String
    /// Its place in the list, also accepted by `lesson N`.
    public let number: Int
    /// The file it came from, as errors name it.
    public let file: String
    /// The title per language.
    public let titles: [Language: String]
    /// The one-line summary per language.
    public let summaries: [Language: String]
    /// The steps, at least one.
    public let steps: [LessonStep]

    /// The most steps a lesson may have (README "Limits"): a class's hour is a few dozen.
    public static let maximumSteps = 1000

    /// The title in a language.
    public func title(in language: Language) -> String { titles[language] ?? titles[.en] ?? name }

    /// The summary in a language.
    public func summary(in language: Language) -> String { summaries[language] ?? summaries[.en] ?? "" }

    /// Reads a lesson from its text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(UserError) -> Lesson {
        let table = try TOMLText.parse(text, file: file)
        let reader = LessonReader(file: file)
        try reader.allowOnly(["name", "number", "title", "summary", "step"], in: table, step: nil)
        let name = try reader.string("name", in: table, step: nil)
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw UserError(key: "error.lesson.name", ["file": file, "name": name])
        }
        let number = try reader.integer("number", in: table)
        let titles = try reader.perLanguage("title", in: table)
        let summaries = try reader.perLanguage("summary", in: table)
        guard let stepValues = table["step"] else {
            throw UserError(key: "error.lesson.no_steps", ["file": file])
        }
        guard let array = stepValues.array, !array.isEmpty else {
            throw UserError(key: "error.lesson.no_steps", ["file": file])
        }
        guard array.count <= maximumSteps else {
            throw UserError(key: "error.lesson.too_many_steps", ["file": file, "count": String(array.count), "limit": String(maximumSteps)])
        }
        var steps: [LessonStep] = []
        for index in 0..<array.count {
            guard let stepTable = array[index].table else {
                throw UserError(key: "error.lesson.no_steps", ["file": file])
            }
            steps.append(try reader.step(stepTable, number: index + 1))
        }
        return Lesson(name: name, number: number, file: file, titles: titles, summaries: summaries, steps: steps)
    }
}

/// The checks of one lesson file, each error worded with the file (and step) in it.
struct LessonReader {
    let file: String

    func step(_ table: TOMLTable, number: Int) throws(UserError) -> LessonStep {
        try allowOnly(["run", "units", "columns"] + Language.allCases.map(\.rawValue), in: table, step: number)
        let commands = try strings("run", in: table, step: number)
        for command in commands {
            _ = try LessonCommands.check(command, file: file, step: number)
        }
        let units = try integers("units", in: table, step: number)
        if let negative = units.first(where: { $0 < 0 }) {
            throw stepError(number, Message(key: "error.lesson.unit_negative", ["unit": String(negative)]))
        }
        var columns: [TraceField] = []
        for word in try strings("columns", in: table, step: number) {
            guard let field = TraceField(rawValue: word), LessonStep.highlightableColumns.contains(field) else {
                throw stepError(number, Message(key: "error.lesson.column", [
                    "column": word, "columns": LessonStep.highlightableColumns.map(\.rawValue).joined(separator: ", "),
                ]))
            }
            columns.append(field)
        }
        var narration: [Language: String] = [:]
        var named: [Language: Set<String>] = [:]
        for lang in Language.allCases {
            let text = try string(lang.rawValue, in: table, step: number)
            var spellings = Set<String>()
            for spelling in LessonPlaceholder.spellings(in: text) {
                guard let placeholder = LessonPlaceholder(spelling) else {
                    throw stepError(number, Message(key: "error.lesson.placeholder_unknown", [
                        "placeholder": "{" + spelling + "}", "language": lang.nativeName,
                        "names": LessonPlaceholder.names.joined(separator: ", "),
                    ]))
                }
                if placeholder.previous && number == 1 {
                    throw stepError(number, Message(key: "error.lesson.no_previous", ["placeholder": "{" + spelling + "}"]))
                }
                spellings.insert(spelling)
            }
            narration[lang] = text
            named[lang] = spellings
        }
        let english = named[.en] ?? [], chinese = named[.zh] ?? []
        if english != chinese {
            throw stepError(number, Message(key: "error.lesson.placeholder_parity", [
                "en_only": Self.braced(english.subtracting(chinese)), "zh_only": Self.braced(chinese.subtracting(english)),
            ]))
        }
        return LessonStep(commands: commands, units: units, columns: columns, narration: narration)
    }

    func allowOnly(_ keys: [String], in table: TOMLTable, step: Int?) throws(UserError) {
        for key in table.keys where !keys.contains(key) {
            let message = Message(key: "error.lesson.unknown_key", ["key": key, "keys": keys.joined(separator: ", ")])
            throw step.map { stepError($0, message) } ?? fileError(message)
        }
    }

    func string(_ key: String, in table: TOMLTable, step: Int?) throws(UserError) -> String {
        guard let value = table[key] else { throw missing(key, expected: "text", step: step) }
        guard let text = value.string else { throw wrongType(key, expected: "text", got: value, step: step) }
        return text
    }

    func integer(_ key: String, in table: TOMLTable) throws(UserError) -> Int {
        guard let value = table[key] else { throw missing(key, expected: "integer", step: nil) }
        guard let number = value.int, number >= 1 else { throw wrongType(key, expected: "integer", got: value, step: nil) }
        return number
    }

    func strings(_ key: String, in table: TOMLTable, step: Int) throws(UserError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw wrongType(key, expected: "texts", got: value, step: step) }
        var result: [String] = []
        for index in 0..<array.count {
            guard let text = array[index].string else { throw wrongType(key, expected: "texts", got: value, step: step) }
            result.append(text)
        }
        return result
    }

    func integers(_ key: String, in table: TOMLTable, step: Int) throws(UserError) -> [Int] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw wrongType(key, expected: "integers", got: value, step: step) }
        var result: [Int] = []
        for index in 0..<array.count {
            guard let number = array[index].int else { throw wrongType(key, expected: "integers", got: value, step: step) }
            result.append(number)
        }
        return result
    }

    func perLanguage(_ key: String, in table: TOMLTable) throws(UserError) -> [Language: String] {
        guard let value = table[key] else { throw missing(key, expected: "languages", step: nil) }
        guard let inner = value.table else { throw wrongType(key, expected: "languages", got: value, step: nil) }
        try allowOnly(Language.allCases.map(\.rawValue), in: inner, step: nil)
        var texts: [Language: String] = [:]
        for lang in Language.allCases {
            guard let text = inner[lang.rawValue]?.string else {
                throw missing("\(key).\(lang.rawValue)", expected: "text", step: nil)
            }
            texts[lang] = text
        }
        return texts
    }

    func stepError(_ step: Int, _ message: Message) -> UserError {
        LessonError.step(file: file, step: step, message)
    }

    private func fileError(_ message: Message) -> UserError {
        UserError(key: "error.lesson.file", values: ["file": .plain(file), "message": .message(message)])
    }

    private func missing(_ key: String, expected: String, step: Int?) -> UserError {
        let message = Message(key: "error.lesson.missing", values: [
            "key": .plain(key), "expected": .message(Message(key: "error.lesson.expected.\(expected)")),
        ])
        return step.map { stepError($0, message) } ?? fileError(message)
    }

    private func wrongType(_ key: String, expected: String, got value: TOMLValue, step: Int?) -> UserError {
        let message = Message(key: "error.lesson.type", values: [
            "key": .plain(key), "expected": .message(Message(key: "error.lesson.expected.\(expected)")),
            "got": .plain(EchoText.printable(value.debugDescription)),
        ])
        return step.map { stepError($0, message) } ?? fileError(message)
    }

    private static func braced(_ names: Set<String>) -> String {
        names.isEmpty ? "—" : names.sorted().map { "{" + $0 + "}" }.joined(separator: " ")
    }
}

/// The error every problem inside a lesson step is wrapped in: the file, the step, then what.
enum LessonError {
    /// `FILE step N: MESSAGE`.
    static func step(file: String, step: Int, _ message: Message) -> UserError {
        UserError(key: "error.lesson.step", values: ["file": .plain(file), "step": .plain(String(step)), "message": .message(message)])
    }
}
