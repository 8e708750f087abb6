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

    /// The language asked for, or the environment's.
    func language() throws(UserError) -> Language {
        guard let lang else { return Language.detect() }
        guard let language = Language(code: lang) else {
            throw UserError("--lang takes en or zh, got '\(lang)'")
        }
        return language
    }
}
