import Localization

/// The lessons a session can start, in the order they are listed.
public struct LessonLibrary: Sendable {
    /// The lessons, by number.
    public var lessons: [Lesson] { given ?? Self.builtInLessons }

    /// The lessons given to ``init(lessons:)``; nil for the built-in library, whose lessons
    /// are parsed on first use so that a screen without a lesson starts without parsing them.
    private let given: [Lesson]?

    /// A library of given lessons (sorted by number, then name).
    public init(lessons: [Lesson]) {
        given = Self.sorted(lessons)
    }

    private init(builtIn: Void) {
        given = nil
    }

    private static func sorted(_ lessons: [Lesson]) -> [Lesson] {
        lessons.sorted { ($0.number, $0.name) < ($1.number, $1.name) }
    }

    /// The lessons built into the binary (from `lessons/` when it was built).
    public static let builtIn = LessonLibrary(builtIn: ())

    private static let builtInLessons = sorted(builtInParse.lessons)

    /// Problems with built-in lessons; the tests keep this empty. Kept rather than fatal so a
    /// broken lesson can never stop the program.
    public static var builtInProblems: [String] { builtInParse.problems }

    private static let builtInParse: (lessons: [Lesson], problems: [String]) = {
        var lessons: [Lesson] = [], problems: [String] = []
        for (name, text) in EmbeddedLessons.files.sorted(by: { $0.key < $1.key }) {
            do throws(UserError) {
                lessons.append(try Lesson.parse(text, file: "lessons/" + name))
            } catch {
                problems.append(error.message)
            }
        }
        return (lessons, problems)
    }()

    /// The most lesson files read from the user's lessons folder (the README's limits table):
    /// more are left out and reported.
    public static let mostUserLessons = 100

    /// The built-in lessons and the user's own, given as their texts (read by the program from
    /// the `lessons/` folder of the user's configuration folder, file name first): a user lesson
    /// replaces the built-in lesson of the same name. A text that does not parse is left out,
    /// with its message in `problems`.
    public static func withUserLessons(_ files: [(file: String, text: String)]) -> (library: LessonLibrary, problems: [String]) {
        var byName: [String: Lesson] = [:]
        for lesson in builtInLessons { byName[lesson.name] = lesson }
        var problems: [String] = []
        for (file, text) in files {
            do throws(UserError) {
                let lesson = try Lesson.parse(text, file: file)
                byName[lesson.name] = lesson
            } catch {
                problems.append(error.message)
            }
        }
        return (LessonLibrary(lessons: Array(byName.values)), problems)
    }

    /// The lesson a user named, by name or number.
    public func lesson(named reference: String) throws(UserError) -> Lesson {
        if let found = lessons.first(where: { $0.name == reference.lowercased() || String($0.number) == reference }) {
            return found
        }
        throw UserError(key: "error.lesson.unknown", [
            "name": EchoText.printable(reference), "names": lessons.map(\.name).joined(separator: ", "),
        ])
    }

    /// One line per lesson: number, name, title and summary.
    public func listing(language: Language) -> String {
        lessons.map { lesson in
            language.text("lesson.list_item", [
                "number": String(lesson.number), "name": lesson.name,
                "title": lesson.title(in: language), "summary": lesson.summary(in: language),
            ])
        }.joined(separator: "\n")
    }
}
