import GRUCore
import Localization
import Script

/// Where a running lesson is: the step shown, its narration, what it highlights, and the
/// states to go back to.
public struct LessonProgress: Sendable {
    /// The lesson.
    public let lesson: Lesson
    /// The step shown, from 0.
    public private(set) var stepIndex: Int
    /// Whether `next` went past the last step.
    public private(set) var isComplete: Bool
    /// The entered steps in order, each with the session right after its commands ran.
    var records: [StepRecord]

    /// One entered step.
    struct StepRecord: Sendable {
        /// The session after the step's commands, for `prev`.
        var session: Session
        /// The step's narration, resolved in every language.
        var narration: [Language: String]
    }

    init(lesson: Lesson, first record: StepRecord) {
        self.lesson = lesson
        stepIndex = 0
        isComplete = false
        records = [record]
    }

    /// The step shown.
    public var step: LessonStep { lesson.steps[stepIndex] }
    /// How many steps the lesson has.
    public var stepCount: Int { lesson.steps.count }
    /// Whether the shown step is the last.
    public var isLastStep: Bool { stepIndex == lesson.steps.count - 1 }

    /// The shown step's narration, its numbers read from the cell when the step was entered.
    public func narration(in language: Language) -> String {
        records.last?.narration[language] ?? ""
    }

    mutating func enter(_ record: StepRecord) {
        records.append(record)
        stepIndex = records.count - 1
        isComplete = false
    }

    mutating func complete() {
        isComplete = true
    }

    /// Goes back one step and returns the session to restore, or nil at the first step.
    mutating func goBack() -> Session? {
        if isComplete {
            isComplete = false
            return records.last?.session
        }
        guard records.count > 1 else { return nil }
        records.removeLast()
        stepIndex = records.count - 1
        return records.last?.session
    }

    /// The session the shown step left, for the previous-step placeholders of the next one.
    var lastTrace: (trace: GRUTrace, t: Int)? {
        records.last.map { ($0.session.trace, $0.session.t) }
    }
}
