import ArgumentParser
import Localization
import Script
import Teaching

/// The teaching options the repl (and later the screen) share.
struct TeachingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The language of explanations and lessons: en or zh. (default: from LC_ALL, LC_MESSAGES or LANG)", valueName: "en|zh"))
    var lang: String?

    @Option(help: ArgumentHelp("Start a lesson: its name or number (see gruscope lessons), or a lesson file.", valueName: "name"))
    var lesson: String?

    /// The command language on the setup's cell, teaching in the chosen language, with
    /// `--lesson` started (a lesson file is read now); also the lesson's first step as text.
    func lineSession(_ setup: SetupOptions) throws(UserError) -> (lines: LineSession<TeachingCommands>, opening: String?) {
        let language = try language()
        let teaching = TeachingCommands(language: language, library: UserLessons.library(language: language).library)
        var lines = LineSession(session: try setup.setup().makeSession(), commands: teaching)
        guard let lesson else { return (lines, nil) }
        let outcome = lines.complete(lines.run(.extra(.lesson(LessonReference(lesson)))))
        if let error = outcome.error { throw error }
        return (lines, outcome.output)
    }

    /// The language asked for, or the environment's.
    func language() throws(UserError) -> Language {
        guard let lang else { return Language.detect() }
        guard let language = Language(code: lang) else {
            throw UserError("--lang takes en or zh, got '\(lang)'")
        }
        return language
    }
}
