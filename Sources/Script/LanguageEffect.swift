import Localization
import WeightFiles

/// Reading or writing a file that a command of the language asks for, as a value: running a
/// command never touches the disk itself. The screen's loop carries the effect out and hands the
/// result back as an event; the repl carries it out at once (``LineSession/complete(_:)``). Both
/// run it through ``perform(environment:)``, the only place these reads happen.
///
/// To add one (a sequence of inputs, a saved session …): a case here, a case of
/// ``LanguageEffectResult``, its I/O in ``perform(environment:)``, and the command that asks for
/// it takes the result in its host's `receive`.
public enum LanguageEffect: Sendable, Equatable {
    /// `load FILE …`: weights from a model file.
    case loadWeights(path: String, selection: CellSelection)
    /// `lesson FILE`: a lesson file's text (parsed by the teaching layer when it arrives).
    case readLesson(path: String)

    /// Carries the effect out. `environment` gives `HOME` for paths that start with `~`.
    public func perform(environment: [String: String] = UserFiles.environment) -> LanguageEffectResult {
        switch self {
        case let .loadWeights(path, selection):
            do {
                return .weights(.success(try WeightFile.load(path: UserFiles.expand(path, environment: environment), selection: selection)))
            } catch {
                return .weights(.failure(UserError(error.message)))
            }
        case let .readLesson(path):
            do throws(UserError) {
                let text = try UserFiles.readText(
                    UserFiles.expand(path, environment: environment), shownAs: path, limit: UserFiles.largestLessonFile,
                    tooLarge: "error.lesson.too_large", notText: "error.lesson.not_text")
                return .lessonText(path: path, .success(text))
            } catch {
                return .lessonText(path: path, .failure(error))
            }
        }
    }
}

/// What carrying out a ``LanguageEffect`` gave.
public enum LanguageEffectResult: Sendable {
    /// The weights read, or why they could not be.
    case weights(Result<LoadedWeights, UserError>)
    /// A lesson file's text, or why it could not be read.
    case lessonText(path: String, Result<String, UserError>)
}
