import GRUCore
import Localization
import Script

/// The teaching layer as commands of the language (``TeachingCommand``): explanations of the
/// live step, lessons and the choice of language, with the state they need. A host (the repl,
/// the screen's ':' line) puts it in a `LineSession`; the screen also reads the lesson state
/// straight from it.
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

    /// The commands this extension adds.
    public var specs: [CommandSpec<TeachingCommand>] { TeachingCommand.specs }

    /// Runs one of ``specs``; a mistake throws and changes nothing. `lesson FILE` asks for the
    /// file to be read first (an effect) and starts the lesson when its text arrives.
    public mutating func run(_ command: TeachingCommand, session: inout Session) throws(UserError) -> CommandStep {
        if let outcome = try Explanations.run(command, session: &session, focus: focusUnit, language: language) {
            return .done(outcome)
        }
        switch command {
        case .explain, .why, .summary, .bug, .rule:
            return .done(CommandOutcome(""))  // answered above
        case .lesson(nil):
            return .done(CommandOutcome(lessonList()))
        case let .lesson(.named(name)?):
            return .done(try startLesson(named: name, session: &session))
        case let .lesson(.file(path)?):
            return .needs(.readLesson(path: path))
        case .next:
            return .done(try nextStep(session: &session))
        case .prev:
            return .done(try previousStep(session: &session))
        case .lang(nil):
            return .done(CommandOutcome(language.text("lang.show", ["name": language.nativeName])))
        case let .lang(chosen?):
            setLanguage(chosen)
            return .done(CommandOutcome(language.text("lang.now", ["name": language.nativeName])))
        }
    }

    /// Starts the lesson whose file `lesson FILE` asked for, once its text has been read.
    public mutating func receive(_ result: LanguageEffectResult, session: inout Session) throws(UserError) -> CommandOutcome? {
        guard case let .lessonText(path, text) = result else { return nil }
        return try startLesson(try Lesson.parse(try text.get(), file: path), session: &session)
    }

    // MARK: Lessons

    /// Starts a lesson of the library, by name or number, at its first step.
    public mutating func startLesson(named name: String, session: inout Session) throws(UserError) -> CommandOutcome {
        try startLesson(try library.lesson(named: name), session: &session)
    }

    /// Starts a lesson at its first step.
    public mutating func startLesson(_ lesson: Lesson, session: inout Session) throws(UserError) -> CommandOutcome {
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
            outputs.append("› " + CommandWords(line).text)
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
}
