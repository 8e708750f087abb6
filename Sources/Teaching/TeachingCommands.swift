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
        case .explain, .why, .summary, .bug, .rule, .timeline, .memory, .influence:
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

    /// Starts a lesson at its first step, as one change of the session (undo takes it back).
    public mutating func startLesson(_ lesson: Lesson, session: inout Session) throws(UserError) -> CommandOutcome {
        var progress = LessonProgress(lesson: lesson)
        let outputs = try enter(0, of: &progress, session: &session, previous: nil)
        self.progress = progress
        return CommandOutcome(stepText(outputs: outputs))
    }

    /// Runs the next step's commands on the current session (so what the user tried in between
    /// stays unless the step sets it); past the last step, says the lesson is complete.
    public mutating func nextStep(session: inout Session) throws(UserError) -> CommandOutcome {
        guard var current = progress else { throw UserError(key: "error.no_lesson") }
        if current.isLastStep {
            current.complete()
            try session.setLessonMark(current.mark, description: Message(key: "history.lesson_complete", ["name": current.lesson.name]))
            progress = current
            return CommandOutcome(completeText(current.lesson))
        }
        let outputs = try enter(current.stepIndex + 1, of: &current, session: &session, previous: current.lastTrace)
        progress = current
        return CommandOutcome(stepText(outputs: outputs))
    }

    /// Returns to the previous step: the session goes back to just before the shown step was
    /// entered (undoing it and whatever was tried since). When the session's history no longer
    /// reaches that far, the lesson's steps are run again from the first.
    public mutating func previousStep(session: inout Session) throws(UserError) -> CommandOutcome {
        guard var current = progress else { throw UserError(key: "error.no_lesson") }
        if current.isComplete {
            current.show(current.stepIndex, complete: false, narration: nil, trace: (session.trace, session.t))
            try session.setLessonMark(current.mark, description: Message(key: "history.lesson_prev", ["name": current.lesson.name]))
            progress = current
            return CommandOutcome(stepText(outputs: []))
        }
        guard current.stepIndex > 0 else { throw UserError(key: "error.first_step") }
        let target = current.stepIndex - 1
        var working = session
        if let mark = current.marks[current.stepIndex], try working.undo(backTo: mark), working.lessonMark?.step == target {
            current.show(target, complete: false, narration: nil, trace: (working.trace, working.t))
        } else {
            // Replay: the lesson's steps 0…target again, as one change.
            working = session
            var replay = LessonProgress(lesson: current.lesson)
            var previous: (trace: GRUTrace, t: Int)?
            try working.group(Message(key: "history.lesson_prev", ["name": current.lesson.name])) { (s: inout Session) throws(UserError) in
                for index in 0...target {
                    _ = try self.enter(index, of: &replay, session: &s, previous: previous, recording: false)
                    previous = replay.lastTrace
                }
            }
            current = replay
        }
        progress = current
        session = working
        return CommandOutcome(stepText(outputs: []))
    }

    /// Follows the session's lesson mark after undo, redo or a session file opened.
    public mutating func follow(_ session: Session) {
        guard let mark = session.lessonMark else {
            progress = nil
            return
        }
        var current: LessonProgress
        if let progress, progress.lesson.name == mark.lesson {
            current = progress
        } else {
            guard let lesson = try? library.lesson(named: mark.lesson), mark.step < lesson.steps.count else {
                progress = nil
                return
            }
            current = LessonProgress(lesson: lesson)
        }
        guard mark.step < current.stepCount else { return }
        let narration = current.hasNarration(mark.step) ? nil : narrationTexts(current.lesson, stepIndex: mark.step, session: session, previous: nil)
        current.show(mark.step, complete: mark.complete, narration: narration, trace: (session.trace, session.t))
        progress = current
    }

    /// Takes the language a session file kept.
    public mutating func adopt(language: Language) {
        setLanguage(language)
    }

    /// Runs step `index` of a lesson on `session` as one change (undo takes it back), fills its
    /// narration in every language and records it in `progress`.
    private func enter(
        _ index: Int, of progress: inout LessonProgress, session: inout Session, previous: (trace: GRUTrace, t: Int)?,
        recording: Bool = true
    ) throws(UserError) -> [String] {
        let lesson = progress.lesson
        let step = lesson.steps[index]
        let number = index + 1
        var outputs: [String] = []
        var narration: [Language: String] = [:]
        let mark = session.history.mark
        try session.group(Message(key: "history.lesson_step", ["name": lesson.name, "step": String(number)])) { (s: inout Session) throws(UserError) in
            for line in step.commands {
                let focus = step.units.first ?? 0
                let outcome = try LessonCommands.run(line, on: &s, focus: focus, file: lesson.file, step: number, language: language)
                outputs.append("› " + CommandWords(line).text)
                if !outcome.output.isEmpty {
                    outputs.append(outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
                }
            }
            if let unit = step.units.first(where: { $0 >= s.hiddenSize }) {
                throw LessonError.step(file: lesson.file, step: number, Message(key: "error.lesson.unit_range", [
                    "unit": String(unit), "last": String(s.hiddenSize - 1),
                ]))
            }
            try s.setLessonMark(LessonMark(lesson: lesson.name, step: index), description: Message(key: "history.lesson"))
            narration = try resolvedNarration(lesson, stepIndex: index, session: s, previous: previous)
        }
        progress.enter(index, narration: narration, mark: recording ? mark : nil, trace: (session.trace, session.t))
        return outputs
    }

    private func resolvedNarration(
        _ lesson: Lesson, stepIndex: Int, session: Session, previous: (trace: GRUTrace, t: Int)?
    ) throws(UserError) -> [Language: String] {
        let step = lesson.steps[stepIndex]
        let now = Narration.Moment(trace: session.trace, t: session.t)
        let before = previous.map { Narration.Moment(trace: $0.trace, t: $0.t) }
        var narration: [Language: String] = [:]
        for lang in Language.allCases {
            narration[lang] = try Narration.resolve(
                step.narration[lang] ?? "", file: lesson.file, step: stepIndex + 1, now: now, previous: before, language: lang)
        }
        return narration
    }

    private func narrationTexts(_ lesson: Lesson, stepIndex: Int, session: Session, previous: (trace: GRUTrace, t: Int)?) -> [Language: String] {
        (try? resolvedNarration(lesson, stepIndex: stepIndex, session: session, previous: previous)) ?? [:]
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
