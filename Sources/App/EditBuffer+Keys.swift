import TerminalInput
import Widgets

extension EditBuffer {
    /// Does a typing action of the key map (``KeyContext/editing``, ``KeyContext/commandLine``);
    /// `key` is the key that asked, whose character ``Action/insert`` types.
    mutating func edit(_ action: Action, key: Key) {
        switch action {
        case .insert: if case let .character(character) = key { insert(character) }
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .cursorStart: moveToStart()
        case .cursorEnd: moveToEnd()
        case .deleteToStart: deleteToStart()
        default: break
        }
    }

    /// Replaces the whole text, cursor at the end.
    mutating func replace(with newText: String) {
        self = EditBuffer(newText)
    }
}
