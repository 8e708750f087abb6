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
    /// The next step of the running lesson.
    case nextLessonStep
}

/// One row of the key map: the keys, how the help screen names them, and what they do.
public struct KeyBinding: Sendable {
    /// The keys that trigger the action.
    public let keys: [Key]
    /// How the help screen writes the keys.
    public let label: String
    /// What happens.
    public let action: Action
    /// The catalogue key of the help screen's description (under `screen.key.`), or nil for
    /// a binding the row above already describes.
    public let summaryKey: String?
}

/// The one table of keys: `update` dispatches through it and the help screen lists it, so the
/// two can never disagree.
public enum KeyMap {
    /// Every binding, in the order the help screen shows them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp, summaryKey: "up"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown, summaryKey: "down"),
        KeyBinding(keys: [.left, .character("h")], label: "← h", action: .moveLeft, summaryKey: "left"),
        KeyBinding(keys: [.right, .character("l")], label: "→ l", action: .moveRight, summaryKey: "right"),
        KeyBinding(keys: [.tab], label: "Tab", action: .nextFocus, summaryKey: "focus"),
        KeyBinding(keys: [.backTab], label: "S-Tab", action: .previousFocus, summaryKey: "focus_back"),
        KeyBinding(keys: [.enter], label: "Enter 1-9", action: .edit, summaryKey: "edit"),
        KeyBinding(keys: [.character("+"), .character("=")], label: "+ -", action: .nudge(0.1), summaryKey: "nudge_small"),
        KeyBinding(keys: [.character("-")], label: "", action: .nudge(-0.1), summaryKey: nil),
        KeyBinding(keys: [.character("]")], label: "] [", action: .nudge(1), summaryKey: "nudge_large"),
        KeyBinding(keys: [.character("[")], label: "", action: .nudge(-1), summaryKey: nil),
        KeyBinding(keys: [.character(" "), .character("s")], label: "Space s", action: .step, summaryKey: "step"),
        KeyBinding(keys: [.character("b")], label: "b", action: .back, summaryKey: "back"),
        KeyBinding(keys: [.character("r")], label: "r", action: .newWeights, summaryKey: "weights"),
        KeyBinding(keys: [.character("0")], label: "0", action: .zeroVector, summaryKey: "zero"),
        KeyBinding(keys: [.character("p"), .character("P")], label: "p P", action: .togglePin, summaryKey: "pin"),
        KeyBinding(keys: [.character("n")], label: "n", action: .nextLessonStep, summaryKey: "next"),
        KeyBinding(keys: [.character(":")], label: ":", action: .commandLine, summaryKey: "command"),
        KeyBinding(keys: [.character("?"), .function(1)], label: "?", action: .help, summaryKey: "help"),
        KeyBinding(keys: [.character("q"), .control("c")], label: "q C-c", action: .quit, summaryKey: "quit"),
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
