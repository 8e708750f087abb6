import ArgumentParser
import Foundation
import Script
import Teaching

/// `gruscope lessons`: the built-in lessons, one line each; `--check FILE` runs a lesson file
/// from start to end, for lesson authors.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the built-in lessons, or check a lesson file.",
        discussion: """
            Start a lesson with gruscope repl --lesson NAME, or type lesson NAME at the prompt.
            --check runs every step of a lesson file (its commands and its placeholders) and \
            reports the first problem with the file, line or step.
            """)

    @Option(help: ArgumentHelp("The language of the list: en or zh. (default: from LC_ALL, LC_MESSAGES or LANG)", valueName: "en|zh"))
    var lang: String?

    @Option(help: ArgumentHelp("A lesson file to run from start to end.", valueName: "file"))
    var check: String?

    func run() throws {
        let options = try TeachingOptions.parse(lang.map { ["--lang", $0] } ?? [])
        let language = try options.language()
        var teaching = TeachingCommands(language: language)
        guard let check else {
            print(teaching.library.listing(language: language))
            return
        }
        var session = try SessionSetup().makeSession()
        _ = try teaching.startLesson(check, session: &session)
        while !teaching.isLessonComplete {
            _ = try teaching.nextStep(session: &session)
        }
        print(language.text("lesson.checked", ["file": check, "count": String(teaching.lessonStepCount ?? 0)]))
    }
}
