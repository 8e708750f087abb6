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
    /// `inputs FILE`: a sequence of inputs (text, CSV, .npy, .npz; `-` is standard input).
    case readInputs(path: String, inputSize: Int)
    /// `save FILE`: the session written to a file (with the SHA-256 of the files it names).
    case writeSession(path: String, replacing: Bool, SessionSave)
    /// `open FILE`: a session file read, with the weights and inputs files it names.
    case readSession(path: String)

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
        case let .readInputs(path, inputSize):
            do {
                return .inputs(path: path, .success(try InputsFile.table(path: UserFiles.expand(path, environment: environment), inputSize: inputSize)))
            } catch {
                return .inputs(path: path, .failure(UserError(error.description)))
            }
        case let .writeSession(path, replacing, save):
            do throws(UserError) {
                let text = try save.file(environment: environment).text
                try UserFiles.write(Array(text.utf8), to: UserFiles.expand(path, environment: environment), shownAs: path, replacing: replacing, command: "save")
                return .sessionWritten(path: path, .success(()))
            } catch {
                return .sessionWritten(path: path, .failure(error))
            }
        case let .readSession(path):
            do throws(UserError) {
                return .sessionOpened(path: path, .success(try OpenedSession.read(path: path, environment: environment)))
            } catch {
                return .sessionOpened(path: path, .failure(error))
            }
        }
    }
}

/// A session to be written, with what the host keeps beside it.
public struct SessionSave: Sendable, Equatable {
    /// The session.
    public var session: Session
    /// The screen's view.
    public var view: SessionView
    /// The class's language.
    public var language: Language?

    /// A save from its parts.
    public init(session: Session, view: SessionView, language: Language?) {
        self.session = session
        self.view = view
        self.language = language
    }

    /// The file, with the SHA-256 of the weights and inputs files read now.
    func file(environment: [String: String]) throws(UserError) -> SessionFile {
        var weightsHash: String?, inputsHash: String?
        if case let .file(path, _, _) = session.origin {
            weightsHash = FileHashes.sha256(UserFiles.expand(path, environment: environment), limit: WeightFile.maximumFileSize)
        }
        if case let .file(path) = session.inputsSource, path != "-" {
            inputsHash = FileHashes.sha256(UserFiles.expand(path, environment: environment), limit: InputsFile.largestFileSize)
        }
        return try SessionFile(session: session, view: view, language: language, weightsHash: weightsHash, inputsHash: inputsHash)
    }

    /// Equal when they would write the same place in time of the same cell and view.
    public static func == (lhs: SessionSave, rhs: SessionSave) -> Bool {
        lhs.session.t == rhs.session.t && lhs.session.count == rhs.session.count && lhs.session.origin == rhs.session.origin
            && lhs.session.h0 == rhs.session.h0 && lhs.view == rhs.view && lhs.language == rhs.language
    }
}

/// What carrying out a ``LanguageEffect`` gave.
public enum LanguageEffectResult: Sendable {
    /// The weights read, or why they could not be.
    case weights(Result<LoadedWeights, UserError>)
    /// A lesson file's text, or why it could not be read.
    case lessonText(path: String, Result<String, UserError>)
    /// The steps of an inputs file, or why they could not be read.
    case inputs(path: String, Result<InputsFile.Table, UserError>)
    /// Whether the session was written.
    case sessionWritten(path: String, Result<Void, UserError>)
    /// The session a file holds, or why it could not be opened.
    case sessionOpened(path: String, Result<OpenedSession, UserError>)
}
