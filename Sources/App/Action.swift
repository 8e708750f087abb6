/// What a key does, independent of which key it is; the ``KeyMap`` binds keys to actions.
public enum Action: Hashable, Sendable {
    /// Move the selection.
    case moveUp, moveDown, moveLeft, moveRight
    /// Cycle focus x → h → units (or back).
    case nextFocus, previousFocus
    /// Start editing the focused value.
    case edit
    /// Add to the focused value.
    case nudge(Float)
    /// Take one step: h ← h′.
    case step
    /// Undo one step.
    case back
    /// Draw new random weights from a new seed.
    case newWeights
    /// Set the focused vector to zeros.
    case zeroVector
    /// Pin or unpin the focused gate column.
    case togglePin
    /// Open the ':' command line.
    case commandLine
    /// Show or hide the help; on a focused column, explain it.
    case help
    /// Leave.
    case quit
}

/// One row of the key map: the keys, how the help screen names them, and what they do.
public struct KeyBinding: Sendable {
    /// The keys that trigger the action.
    public let keys: [Key]
    /// How the help screen writes the keys.
    public let label: String
    /// What happens.
    public let action: Action
    /// The help screen's description.
    public let summary: String
}

/// The one table of keys: `update` dispatches through it and the help screen lists it, so the
/// two can never disagree.
public enum KeyMap {
    /// Every binding, in the order the help screen shows them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, summary: "move up"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, summary: "move down"),
        KeyBinding(keys: [.left, .character("h")], label: "← h", action: .moveLeft, summary: "move left"),
        KeyBinding(keys: [.right, .character("l")], label: "→ l", action: .moveRight, summary: "move right"),
        KeyBinding(keys: [.tab], label: "Tab", action: .nextFocus, summary: "focus x → h → units"),
        KeyBinding(keys: [.backTab], label: "S-Tab", action: .previousFocus, summary: "focus back"),
        KeyBinding(keys: [.enter], label: "Enter 1-9 .", action: .edit, summary: "edit the focused value (Esc cancels)"),
        KeyBinding(keys: [.character("+"), .character("=")], label: "+ -", action: .nudge(0.1), summary: "nudge the value by ±0.1"),
        KeyBinding(keys: [.character("-")], label: "", action: .nudge(-0.1), summary: ""),
        KeyBinding(keys: [.character("]")], label: "] [", action: .nudge(1), summary: "nudge the value by ±1"),
        KeyBinding(keys: [.character("[")], label: "", action: .nudge(-1), summary: ""),
        KeyBinding(keys: [.character(" "), .character("s")], label: "Space s", action: .step, summary: "step: h ← h′, t + 1"),
        KeyBinding(keys: [.character("b")], label: "b", action: .back, summary: "step back"),
        KeyBinding(keys: [.character("r")], label: "r", action: .newWeights, summary: "new random weights (next seed)"),
        KeyBinding(keys: [.character("0")], label: "0", action: .zeroVector, summary: "zero the focused vector"),
        KeyBinding(keys: [.character("p")], label: "p", action: .togglePin, summary: "pin or unpin the focused gate column"),
        KeyBinding(keys: [.character(":")], label: ":", action: .commandLine, summary: "command line (help lists commands)"),
        KeyBinding(keys: [.character("?"), .function(1)], label: "?", action: .help, summary: "help; on a column, explain it"),
        KeyBinding(keys: [.character("q"), .control("c")], label: "q C-c", action: .quit, summary: "quit"),
    ]

    /// The action a key triggers, if any.
    public static func action(for key: Key) -> Action? {
        lookup[key]
    }

    private static let lookup: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        return table
    }()
}
