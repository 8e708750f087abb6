import GRUCore
import Localization
import Script

/// The teaching layer as commands of the language: explanations of the live step, lessons and
/// the choice of language. A host (the repl, the screen's ':' line) puts it in a
/// `LineSession`; the screen also reads the lesson state straight from it.
///
/// Commands: `explain [UNIT]`, `why r|z|candidate [UNIT]`, `summary`, `bug [UNIT]`,
/// `rule [before|after]`, `lesson [NAME|N|FILE]`, `next`, `prev`, `lang [en|zh]`.
public struct TeachingCommands: CommandExtension {
    /// The language of every text and error.
    public private(set) var language: Language
    /// The lessons `lesson NAME` can start.
    public let library: LessonLibrary
    /// The running lesson, if any (it stays after the last step, marked complete).
    public private(set) var progress: LessonProgress?

    /// Teaching in a language (by default the environment's) with the built-in lessons.
    public init(language: Language = .detect(), library: LessonLibrary = .builtIn) {
        self.language = language
        self.library = library
    }

    // MARK: What the screen reads

    /// The running lesson's title in the current language.
    public var lessonTitle: String? { progress?.lesson.title(in: language) }
    /// The shown step, counting from 1 as people do.
    public var lessonStepNumber: Int? { progress.map { $0.stepIndex + 1 } }
    /// How many steps the running lesson has.
    public var lessonStepCount: Int? { progress?.stepCount }
    /// Whether `next` has gone past the last step.
    public var isLessonComplete: Bool { progress?.isComplete ?? false }
    /// The shown step's narration in the current language, its numbers filled in.
    public var narration: String? { progress?.narration(in: language) }
    /// The units the shown step points at.
    public var highlightedUnits: [Int] { progress?.step.units ?? [] }
    /// The table columns the shown step points at, by the trace field they show.
    public var highlightedColumns: [TraceField] { progress?.step.columns ?? [] }
    /// The unit explanations are about when none is named: the step's first highlighted unit,
    /// else unit 0.
    public var focusUnit: Int { highlightedUnits.first ?? 0 }

    /// Switches the language; a running lesson's narration follows (it was filled in both).
    public mutating func setLanguage(_ language: Language) {
        self.language = language
    }

    // MARK: CommandExtension

    /// The commands this extension adds, with summaries in the current language.
    public var commands: [CommandInfo] {
        [
            ("explain", "explain [UNIT]"), ("why", "why r|z|candidate [UNIT]"), ("summary", "summary"),
            ("bug", "bug [UNIT]"), ("rule", "rule [before|after]"), ("lesson", "lesson [NAME|N|FILE]"),
            ("next", "next"), ("prev", "prev"), ("lang", "lang [en|zh]"),
        ].map { CommandInfo(name: $0.0, usage: $0.1, summary: language.text("command.\($0.0)")) }
    }

    /// Runs one of ``commands``; a mistake throws and changes nothing.
    public mutating func run(name: String, argument: String, session: inout Session) throws(UserError) -> CommandOutcome {
        let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        switch name {
        case "explain", "why", "summary", "bug":
            return try ExplanationCommands.run(name, argument: argument, session: session, focus: focusUnit, language: language)
        case "rule":
            return try ResetRuleCommand.run(argument, session: &session, language: language)
        case "lesson":
            guard !words.isEmpty else { return CommandOutcome(lessonList()) }
            return try startLesson(argument, session: &session)
        case "next":
            try noArguments(words, usage: "next")
            return try nextStep(session: &session)
        case "prev":
            try noArguments(words, usage: "prev")
            return try previousStep(session: &session)
        case "lang":
            guard words.count <= 1 else { throw UserError(key: "error.lang", ["text": argument]) }
            guard let word = words.first else {
                return CommandOutcome(language.text("lang.show", ["name": language.nativeName]))
            }
            guard let chosen = Language(code: word) else { throw UserError(key: "error.lang", ["text": word]) }
            setLanguage(chosen)
            return CommandOutcome(language.text("lang.now", ["name": language.nativeName]))
        default:
            throw UserError(key: "error.not_here", ["name": name])
        }
    }

    // MARK: Lessons

    /// Starts a lesson by name, number or file path at its first step.
    public mutating func startLesson(_ reference: String, session: inout Session) throws(UserError) -> CommandOutcome {
        let lesson = try library.lesson(reference)
        var working = session
        let (record, outputs) = try enter(lesson, stepIndex: 0, session: &working, previous: nil)
        progress = LessonProgress(lesson: lesson, first: record)
        session = working
        return CommandOutcome(stepText(outputs: outputs))
    }

    /// Runs the next step's commands on the current session (so what the user tried in between
    /// stays unless the step sets it); past the last step, says the lesson is complete.
    public mutating func nextStep(session: inout Session) throws(UserError) -> CommandOutcome {
        guard var current = progress else { throw UserError(key: "error.no_lesson") }
        if current.isLastStep {
            current.complete()
            progress = current
            return CommandOutcome(completeText(current.lesson))
        }
        var working = session
        let (record, outputs) = try enter(
            current.lesson, stepIndex: current.stepIndex + 1, session: &working, previous: current.lastTrace)
        current.enter(record)
        progress = current
        session = working
        return CommandOutcome(stepText(outputs: outputs))
    }

    /// Returns to the previous step, restoring the cell as that step left it.
    public mutating func previousStep(session: inout Session) throws(UserError) -> CommandOutcome {
        guard var current = progress else { throw UserError(key: "error.no_lesson") }
        guard let restored = current.goBack() else { throw UserError(key: "error.first_step") }
        progress = current
        session = restored
        return CommandOutcome(stepText(outputs: []))
    }

    /// Runs step `stepIndex` of a lesson on `session` and fills its narration in every language.
    private func enter(
        _ lesson: Lesson, stepIndex: Int, session: inout Session, previous: (trace: GRUTrace, t: Int)?
    ) throws(UserError) -> (LessonProgress.StepRecord, [String]) {
        let step = lesson.steps[stepIndex]
        let number = stepIndex + 1
        var outputs: [String] = []
        for line in step.commands {
            let focus = step.units.first ?? 0
            let outcome = try LessonCommands.run(line, on: &session, focus: focus, file: lesson.file, step: number, language: language)
            outputs.append("› " + line.trimmingCharacters(in: .whitespaces))
            if !outcome.output.isEmpty {
                outputs.append(outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
            }
        }
        if let unit = step.units.first(where: { $0 >= session.hiddenSize }) {
            throw LessonError.step(file: lesson.file, step: number, Message(key: "error.lesson.unit_range", [
                "unit": String(unit), "last": String(session.hiddenSize - 1),
            ]))
        }
        let now = Narration.Moment(trace: session.trace, t: session.t)
        let before = previous.map { Narration.Moment(trace: $0.trace, t: $0.t) }
        var narration: [Language: String] = [:]
        for lang in Language.allCases {
            narration[lang] = try Narration.resolve(
                step.narration[lang] ?? "", file: lesson.file, step: number, now: now, previous: before, language: lang)
        }
        return (LessonProgress.StepRecord(session: session, narration: narration), outputs)
    }

    private func stepText(outputs: [String]) -> String {
        guard let progress else { return "" }
        let lesson = progress.lesson
        var parts = [language.text("lesson.header", [
            "number": String(lesson.number), "title": lesson.title(in: language),
            "step": String(progress.stepIndex + 1), "count": String(progress.stepCount),
        ])]
        parts += outputs
        parts.append("")
        parts.append(progress.narration(in: language))
        parts.append("")
        parts.append(language.text(progress.isLastStep ? "lesson.hint_last" : "lesson.hint"))
        return parts.joined(separator: "\n")
    }

    private func completeText(_ lesson: Lesson) -> String {
        language.text("lesson.complete", ["number": String(lesson.number), "title": lesson.title(in: language)])
    }

    private func lessonList() -> String {
        var lines = [language.text("lesson.list_header"), library.listing(language: language)]
        if let progress {
            lines.append(language.text("lesson.list_current", [
                "name": progress.lesson.name, "step": String(progress.stepIndex + 1), "count": String(progress.stepCount),
            ]))
        }
        return lines.joined(separator: "\n")
    }

    private func noArguments(_ words: [String], usage: String) throws(UserError) {
        guard words.isEmpty else { throw UserError(key: "error.usage", ["usage": usage]) }
    }
}
