import Widgets

extension EditBuffer {
    /// Applies an editing key; returns false for keys that are not editing keys.
    mutating func apply(_ key: Key) -> Bool {
        switch key {
        case let .character(character): insert(character)
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveToStart()
        case .end, .control("e"): moveToEnd()
        case .control("u"): deleteToStart()
        default: return false
        }
        return true
    }

    /// Replaces the whole text, cursor at the end.
    mutating func replace(with newText: String) {
        self = EditBuffer(newText)
    }
}
