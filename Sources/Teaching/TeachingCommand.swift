import GRUCore
import Localization
import Script

/// A command of the teaching layer, parsed: explanations of the live step, the reset rule,
/// lessons and the language.
public enum TeachingCommand: Sendable, Equatable {
    /// `explain [UNIT]`: a unit's story (nil: the lesson's unit, or 0).
    case explain(unit: Int?)
    /// `why r|z|candidate [UNIT]`: where a value comes from.
    case why(GateQuantity, unit: Int?)
    /// `summary`: the step at a glance.
    case summary
    /// `bug [UNIT]`: what the article's demo line would make of the step (nil: every unit).
    case bug(unit: Int?)
    /// `rule [before|after]`: show the reset rule (nil) or switch it on the same weights.
    case rule(ResetRule?)
    /// `lesson [NAME|N|FILE]`: list the lessons (nil) or start one.
    case lesson(LessonReference?)
    /// `next`: the lesson's next step.
    case next
    /// `prev`: the lesson's previous step.
    case prev
    /// `lang [en|zh]`: show the language (nil) or switch it.
    case lang(Language?)
    /// `timeline [QUANTITY] [UNIT] [mean|min|max]`: a quantity over every step, one strip per unit.
    case timeline(TimelineQuery)
    /// `memory [UNIT]`: retention, half-life and influence of a unit at the cursor.
    case memory(unit: Int?)
    /// `influence [UNIT]`: ‖∂h_t/∂x_s‖ for every s ≤ t, of the whole state or of one unit.
    case influence(unit: Int?)

    /// Whether a lesson step's `run` line may use it: the explanations and `rule`, not the
    /// commands that move through lessons or change the language.
    public var isAllowedInLessonStep: Bool {
        switch self {
        case .explain, .why, .summary, .bug, .rule, .timeline, .memory, .influence: return true
        case .lesson, .next, .prev, .lang: return false
        }
    }

    /// The commands, as the language's parser reads them.
    public static let specs: [CommandSpec<TeachingCommand>] = explanationSpecs + timeSpecs

    private static let explanationSpecs: [CommandSpec<TeachingCommand>] = [
        CommandSpec("explain", usage: "explain [UNIT]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "explain [UNIT]"]) }
            return .explain(unit: try arguments.words.first.map { word throws(UserError) in try unit(word, arguments.context) })
        },
        CommandSpec("why", usage: "why r|z|candidate [UNIT]") { arguments throws(UserError) in
            guard (1...2).contains(arguments.words.count), let quantity = GateQuantity(word: String(arguments.words[0])) else {
                throw UserError(key: "error.why", ["text": arguments.quoted])
            }
            let unit = arguments.words.count == 2 ? try unit(arguments.words[1], arguments.context) : nil
            return .why(quantity, unit: unit)
        },
        CommandSpec("summary", usage: "summary") { arguments throws(UserError) in
            guard arguments.words.isEmpty else { throw UserError(key: "error.usage", ["usage": "summary"]) }
            return .summary
        },
        CommandSpec("bug", usage: "bug [UNIT]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "bug [UNIT]"]) }
            return .bug(unit: try arguments.words.first.map { word throws(UserError) in try unit(word, arguments.context) })
        },
        CommandSpec("rule", usage: "rule [before|after]") { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { return .rule(nil) }
            guard let rule = ResetRule(word: arguments.rest.lowercased()) else {
                throw UserError(key: "error.rule", ["text": arguments.quoted])
            }
            return .rule(rule)
        },
        CommandSpec("lesson", usage: "lesson [NAME|N|FILE]") { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { return .lesson(nil) }
            return .lesson(LessonReference(String(arguments.rest)))
        },
        CommandSpec("next", usage: "next") { arguments throws(UserError) in
            guard arguments.words.isEmpty else { throw UserError(key: "error.usage", ["usage": "next"]) }
            return .next
        },
        CommandSpec("prev", usage: "prev") { arguments throws(UserError) in
            guard arguments.words.isEmpty else { throw UserError(key: "error.usage", ["usage": "prev"]) }
            return .prev
        },
        CommandSpec("lang", usage: "lang [en|zh]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.lang", ["text": arguments.quoted]) }
            guard let word = arguments.words.first else { return .lang(nil) }
            guard let language = Language(code: String(word)) else { throw UserError(key: "error.lang", ["text": arguments.quoted]) }
            return .lang(language)
        },
    ]

    /// The time commands (see ``TimeExplanations``).
    static let timeSpecs: [CommandSpec<TeachingCommand>] = [
        CommandSpec("timeline", usage: TimelineQuery.usage) { arguments throws(UserError) in
            .timeline(try TimelineQuery(arguments.words, context: arguments.context))
        },
        CommandSpec("memory", usage: "memory [UNIT]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "memory [UNIT]"]) }
            return .memory(unit: try arguments.words.first.map { word throws(UserError) in try unit(word, arguments.context) })
        },
        CommandSpec("influence", usage: "influence [UNIT]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.usage", ["usage": "influence [UNIT]"]) }
            return .influence(unit: try arguments.words.first.map { word throws(UserError) in try unit(word, arguments.context) })
        },
    ]

    /// A unit number typed by the user; its range is checked when the command runs.
    static func unit(_ word: Substring, _ context: ParseContext) throws(UserError) -> Int {
        if let unit = Int(word) { return unit }
        let text = EchoText.printable(word)
        guard let hiddenSize = context.hiddenSize else { throw UserError(key: "error.unit_word_any", ["text": text]) }
        throw UserError(key: "error.unit_word", ["text": text, "last": String(hiddenSize - 1)])
    }
}

/// The two reset rules, by the words `rule` takes.
public enum ResetRule: Sendable, Equatable {
    /// TensorFlow's GRUCell: r scales h before the recurrent product.
    case before
    /// PyTorch/cuDNN: r scales the recurrent product.
    case after

    /// `before`, `tf`, `tensorflow`; `after`, `pytorch`, `cudnn`.
    init?(word: String) {
        switch word {
        case "before", "tf", "tensorflow": self = .before
        case "after", "pytorch", "cudnn": self = .after
        default: return nil
        }
    }
}

/// How `lesson` names a lesson: a built-in (or user folder) lesson by name or number, or a file.
public enum LessonReference: Sendable, Equatable {
    /// A name or number from the lesson list.
    case named(String)
    /// A lesson file, read when the command runs (an effect).
    case file(String)

    /// A path (it holds a `/` or ends in `.toml`) or a name.
    public init(_ text: String) {
        self = text.contains("/") || text.hasSuffix(".toml") ? .file(text) : .named(text)
    }
}
