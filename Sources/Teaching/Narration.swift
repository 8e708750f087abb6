import GRUCore
import Localization

/// Fills a lesson step's narration with the numbers of the live cell, or says exactly which
/// placeholder could not be filled: a wrong number is never printed.
enum Narration {
    /// The cell as a step sees it: the pending step and the step counter.
    struct Moment {
        var trace: GRUTrace
        var t: Int
    }

    /// The narration `text`, written in `language`, with its placeholders filled.
    static func resolve(
        _ text: String, file: String, step: Int, now: Moment, previous: Moment?, language: Language
    ) throws(UserError) -> String {
        var values: [String: String] = [:]
        for spelling in LessonPlaceholder.spellings(in: text) {
            guard let placeholder = LessonPlaceholder(spelling) else {
                throw failure(file, step, Message(key: "error.lesson.placeholder_unknown", [
                    "placeholder": "{" + spelling + "}", "language": language.nativeName,
                    "names": LessonPlaceholder.names.joined(separator: ", "),
                ]))
            }
            let moment: Moment
            if placeholder.previous {
                guard let previous else {
                    throw failure(file, step, Message(key: "error.lesson.no_previous", ["placeholder": "{" + spelling + "}"]))
                }
                moment = previous
            } else {
                moment = now
            }
            guard let value = placeholder.value(in: moment.trace, t: moment.t) else {
                let count = placeholder.isPerInput ? moment.trace.x.count : moment.trace.hiddenSize
                throw failure(file, step, Message(key: "error.lesson.placeholder_range", [
                    "placeholder": "{" + spelling + "}", "what": placeholder.isPerInput ? "x" : "h",
                    "count": String(count), "last": String(count - 1),
                ]))
            }
            values[spelling] = placeholder.spell(value)
        }
        return Catalogue.fill(text, values)
    }

    private static func failure(_ file: String, _ step: Int, _ message: Message) -> UserError {
        LessonError.step(file: file, step: step, message)
    }
}
