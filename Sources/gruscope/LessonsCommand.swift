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
        abstract: "List the built-in lessons, or check a lesson file.",
        discussion: """
            Start a lesson with gruscope repl --lesson NAME, or type lesson NAME at the prompt.
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
        var lines = LineSession(session: try SessionSetup().makeSession(), commands: TeachingCommands(language: language))
        guard let check else {
            print(lines.extensionState.library.listing(language: language))
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
