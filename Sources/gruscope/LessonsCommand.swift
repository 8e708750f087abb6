import ArgumentParser
import Foundation
import Localization
import Script
import Teaching

/// `gruscope lessons`: the built-in lessons, one line each; `--check FILE` runs a lesson file
/// from start to end, for lesson authors.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons, or check a lesson file.",
        discussion: """
            Start a lesson with gruscope repl --lesson NAME, or type lesson NAME at the prompt.
            Your own lessons go in $XDG_CONFIG_HOME/gruscope/lessons (~/.config/gruscope/lessons): \
            they are listed with the built-in ones, and one with the name of a built-in lesson \
            replaces it; a file there that does not parse is listed with its problem.
            --check runs every step of a lesson (a file, or a name from the list: its commands and its \
            placeholders) and \
            reports the first problem with the file, line or step.
            """)

    @Option(help: ArgumentHelp("The language of the list: en or zh. (default: from LC_ALL, LC_MESSAGES or LANG)", valueName: "en|zh"))
    var lang: String?

    @Option(help: ArgumentHelp("A lesson file to run from start to end.", valueName: "file"))
    var check: String?

    func run() throws {
        let options = try TeachingOptions.parse(lang.map { ["--lang", $0] } ?? [])
        let language = try options.language()
        let (library, problems) = UserLessons.library(language: language)
        var lines = LineSession(session: try SessionSetup().makeSession(), commands: TeachingCommands(language: language, library: library))
        guard let check else {
            print(library.listing(language: language))
            for problem in problems { print(EchoText.printable(problem, limit: 300)) }
            return
        }
        // Every step is entered as `next` enters it: commands run, placeholders filled.
        var command = TeachingCommand.lesson(LessonReference(check))
        while !lines.extensionState.isLessonComplete {
            let outcome = lines.complete(lines.run(.extra(command)))
            if let error = outcome.error { throw error }
            command = .next
        }
        print(language.text("lesson.checked", ["file": EchoText.printable(check), "count": String(lines.extensionState.lessonStepCount ?? 0)]))
    }
}
