import Foundation
import Localization
import Script
import Teaching

/// The lessons the program offers: the built-in ones and the `.toml` files of the user's
/// lessons folder (``ConfigFolder``: `$XDG_CONFIG_HOME/gruscope/lessons` or
/// `~/.config/gruscope/lessons`), each read with the lesson file limit. A file that cannot be
/// read or parsed is left out; `gruscope lessons` prints why.
enum UserLessons {
    static func library(
        language: Language, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (library: LessonLibrary, problems: [String]) {
        guard let folder = ConfigFolder.path("lessons", environment: environment),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return (.builtIn, []) }
        var files: [(file: String, text: String)] = []
        var problems: [String] = []
        let lessonFiles = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
        for name in lessonFiles.prefix(LessonLibrary.mostUserLessons) {
            let path = folder + "/" + name
            do throws(UserError) {
                let text = try UserFiles.readText(
                    path, shownAs: path, limit: UserFiles.largestLessonFile,
                    tooLarge: "error.lesson.too_large", notText: "error.lesson.not_text")
                files.append((path, text))
            } catch {
                problems.append(error.message)
            }
        }
        if lessonFiles.count > LessonLibrary.mostUserLessons {
            problems.append(language.text("error.lesson.too_many", [
                "folder": EchoText.printable(folder), "limit": String(LessonLibrary.mostUserLessons),
            ]))
        }
        let (library, parseProblems) = LessonLibrary.withUserLessons(files)
        return (library, problems + parseProblems)
    }
}
