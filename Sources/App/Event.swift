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
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int

    /// A mouse event from its parts.
    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}

/// Everything that can change the screen's state; ``update`` is the only place it changes.
public enum Event: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Ctrl-C or SIGINT.
    case interrupt
    /// The terminal loop reports how an ``Effect`` went, for the status line.
    case notice(String, isError: Bool)
}
