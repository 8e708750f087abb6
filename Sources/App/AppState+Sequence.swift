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

    /// What the end of the x row says for a model with a vocabulary: the character x_t stands
    /// for when x is exactly one-hot, else that it is no character; nil without a vocabulary.
    var xCharacterNote: String? {
        guard let vocabulary = session.vocabulary else { return nil }
        guard let character = vocabulary.character(of: session.x) else { return text("chars.none") }
        return text("chars.is", ["character": CharacterCell.shown(character, glyphs: glyphs)])
    }

    /// Columns the x row keeps at its right for ``xCharacterNote`` (0 without a vocabulary):
    /// the widest it can be, so the row does not jump as x changes.
    var xCharacterWidth: Int {
        guard hasInputCharacters else { return 0 }
        return 2 + max(DisplayWidth.of(text("chars.is", ["character": "W"])), DisplayWidth.of(text("chars.none")))
    }
}
