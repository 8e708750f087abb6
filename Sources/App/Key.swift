/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// Ctrl with a letter, e.g. `.control("c")`.
    case control(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Enter or Return.
    case enter
    /// Tab, and Shift-Tab.
    case tab, backTab
    /// Backspace and Delete.
    case backspace, delete
    /// Escape.
    case escape
    /// Navigation keys.
    case home, end, pageUp, pageDown
    /// A function key F1…F12.
    case function(Int)
}
