/// Text being typed into a field, with a cursor between characters (0 is before the first).
/// The operations never move the cursor outside the text, whatever they are asked.
public struct EditBuffer: Sendable, Hashable {
    /// The text typed so far.
    public private(set) var text: String
    /// The cursor position in characters, in `0...text.count`.
    public private(set) var cursor: Int

    /// A buffer holding `text`, with the cursor at `cursor` (clamped) or at the end.
    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    /// Types a character at the cursor.
    public mutating func insert(_ character: Character) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(character, at: index)
        cursor += 1
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    /// Deletes the character after the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    /// Moves the cursor before the first character.
    public mutating func moveToStart() { cursor = 0 }
    /// Moves the cursor after the last character.
    public mutating func moveToEnd() { cursor = text.count }
}
