/// A one-line text field with a cursor, for editing a value or typing a command.
public struct EditBuffer: Sendable, Equatable {
    /// The text typed so far.
    public private(set) var text: String
    /// The cursor, as a character offset into `text` (0…count).
    public private(set) var cursor: Int

    /// A buffer holding some text with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false for keys that are not editing keys.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case let .character(character):
            insert(character)
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeFirst(cursor)
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// Inserts a character at the cursor.
    public mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func replace(with newText: String) {
        text = newText
        cursor = newText.count
    }
}
