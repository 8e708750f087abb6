/// A key press, decoded from whatever the terminal sent (see ``KeyDecoder``).
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
    /// Backspace, Delete and Insert.
    case backspace, delete, insert
    /// Escape.
    case escape
    /// Navigation keys.
    case home, end, pageUp, pageDown
    /// A function key F1…F12.
    case function(Int)
    /// A named key held with Shift, Alt or Ctrl (`Ctrl-Left`, `Shift-F5`).
    indirect case modified(Key, KeyModifiers)

    /// How help and key hints write the key: `Space`, `C-l`, `↑` (`Up` in ASCII), `PgDn`, `S-F5`.
    public func label(ascii: Bool = false) -> String {
        switch self {
        case .character(" "): return "Space"
        case let .character(character): return String(character)
        case let .control(letter): return "C-" + String(letter)
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .left: return ascii ? "Left" : "←"
        case .right: return ascii ? "Right" : "→"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .escape: return "Esc"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case let .function(number): return "F\(number)"
        case let .modified(key, modifiers): return modifiers.prefix + key.label(ascii: ascii)
        }
    }
}

/// Shift, Alt and Ctrl, as terminals report them with a named key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Shift.
    public static let shift = KeyModifiers(rawValue: 1)
    /// Alt (or Meta).
    public static let alt = KeyModifiers(rawValue: 2)
    /// Ctrl.
    public static let control = KeyModifiers(rawValue: 4)

    /// From xterm's modifier parameter (`\e[1;5A` is Ctrl-Up): 1 + Shift 1, Alt 2, Ctrl 4, Meta 8.
    public init(xtermParameter parameter: Int) {
        let bits = max(0, parameter - 1)
        var modifiers: KeyModifiers = []
        if bits & 1 != 0 { modifiers.insert(.shift) }
        if bits & (2 | 8) != 0 { modifiers.insert(.alt) }
        if bits & 4 != 0 { modifiers.insert(.control) }
        self = modifiers
    }

    /// `C-`, `M-`, `S-` in emacs's order, as key labels write them.
    var prefix: String {
        (contains(.control) ? "C-" : "") + (contains(.alt) ? "M-" : "") + (contains(.shift) ? "S-" : "")
    }
}

/// A mouse action at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Action: Hashable, Sendable {
        /// A press of the primary button.
        case click
        /// The wheel turned away from the user.
        case wheelUp
        /// The wheel turned towards the user.
        case wheelDown
    }

    /// What happened.
    public var action: Action
    /// The column, from 0.
    public var x: Int
    /// The row, from 0.
    public var y: Int

    /// A mouse event from its parts.
    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}

/// What the terminal delivered: a key, a mouse action, a new size, or a sequence no key is known
/// by (dropped whole, and said on the status line).
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A sequence no key is known by, written out safely (`\e[99~`).
    case unknownSequence(String)
}
