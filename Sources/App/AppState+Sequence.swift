import GRUCore
import Localization

/// Where the time panels read the session's sequence: the one place that knows how the session
/// holds it.
extension AppState {
    /// The session's sequence, when it holds more than one step (the time panels show then).
    public var timeSequence: GRUSequence? {
        session.count > 1 ? session.sequence : nil
    }

    /// The time cursor t.
    var timeCursor: Int { session.t }

    /// Whether the inputs stand for characters (a model with a vocabulary).
    var hasInputCharacters: Bool { session.vocabulary != nil }

    /// The character the input of a step stands for, for a model with a vocabulary.
    func inputCharacter(at step: Int) -> Character? {
        session.character(at: step)
    }
}
