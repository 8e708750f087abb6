import GRUCore
import Localization
import Script

/// Where a running lesson is: the step shown, its narration, what it highlights, and how to go
/// back.
///
/// Memory is linear and small in the number of steps entered: per step only its narration (in
/// every language) and the session history's mark from just before it ran, never a copy of the
/// session. `prev` undoes the session's history back to that mark (``Session/undo(backTo:)``);
/// when the history no longer reaches that far, the lesson's steps are run again from its first.
public struct LessonProgress: Sendable {
    /// The lesson.
    public let lesson: Lesson
    /// The step shown, from 0.
    public private(set) var stepIndex: Int
    /// Whether `next` went past the last step.
    public private(set) var isComplete: Bool
    /// Per entered step: its narration in every language (nil until entered).
    private var narrations: [[Language: String]?]
    /// Per entered step: the session history's mark from just before it ran.
    private(set) var marks: [Int?]
    /// The trace and t the shown step left, for the next step's previous-step placeholders.
    private(set) var lastTrace: (trace: GRUTrace, t: Int)?

    init(lesson: Lesson) {
        self.lesson = lesson
        stepIndex = 0
        isComplete = false
        narrations = Array(repeating: nil, count: lesson.steps.count)
        marks = Array(repeating: nil, count: lesson.steps.count)
    }

    /// The step shown.
    public var step: LessonStep { lesson.steps[stepIndex] }
    /// How many steps the lesson has.
    public var stepCount: Int { lesson.steps.count }
    /// Whether the shown step is the last.
    public var isLastStep: Bool { stepIndex == lesson.steps.count - 1 }

    /// The shown step's narration, its numbers read from the cell when the step was entered.
    public func narration(in language: Language) -> String {
        narrations[stepIndex]?[language] ?? ""
    }

    /// Whether step `index` has its narration (it was entered).
    func hasNarration(_ index: Int) -> Bool { narrations[index] != nil }

    /// The mark in the session's terms.
    var mark: LessonMark { LessonMark(lesson: lesson.name, step: stepIndex, complete: isComplete) }

    mutating func enter(_ index: Int, narration: [Language: String], mark: Int?, trace: (trace: GRUTrace, t: Int)) {
        stepIndex = index
        isComplete = false
        narrations[index] = narration
        if let mark { marks[index] = mark }
        lastTrace = trace
    }

    /// Shows step `index` (undo, redo, a session opened), keeping its narration if it has one.
    mutating func show(_ index: Int, complete: Bool, narration: [Language: String]?, trace: (trace: GRUTrace, t: Int)) {
        stepIndex = index
        isComplete = complete
        if let narration { narrations[index] = narration }
        lastTrace = trace
    }

    mutating func complete() {
        isComplete = true
    }
}
