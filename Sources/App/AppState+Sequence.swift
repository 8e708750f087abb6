import GRUCore
import Localization

/// Where the time panels read the session's sequence and move its cursor: the one place that
/// knows how the session holds them.
extension AppState {
    /// The session's sequence, when it holds more than one step (the time panels show then).
    var timeSequence: GRUSequence? {
        nil
    }

    /// The time cursor t.
    var timeCursor: Int { session.t }

    /// Moves the time cursor to a recorded step.
    mutating func moveTimeCursor(to step: Int) throws(UserError) {
        throw UserError(key: "error.time.no_sequence")
    }

    /// Whether the inputs stand for characters (a model with a vocabulary).
    var hasInputCharacters: Bool { false }

    /// The character the input of a step stands for, for a model with a vocabulary.
    func inputCharacter(at step: Int) -> Character? {
        nil
    }
}
