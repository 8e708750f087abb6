/// What a piece of the screen means, not what colour it is: a theme maps each role to colours,
/// so the drawing code never names a colour and every screen works in mono.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    /// The reset gate r.
    case resetGate = "reset-gate"
    /// The update gate z.
    case updateGate = "update-gate"
    /// z·h, the part of the old state kept.
    case kept
    /// The candidate h̃.
    case candidate
    /// (1−z)·h̃, the new information added.
    case added
    /// The new state h′.
    case newState = "new-state"
    /// Positive values.
    case positive
    /// Negative values.
    case negative
    /// The zero line of signed bars.
    case zeroLine = "zero-line"
    /// The selected unit or value.
    case selection
    /// The focused editor or column.
    case focus
    /// Headers and titles.
    case header
    /// Ordinary text.
    case text
    /// Secondary text.
    case dim
    /// Errors.
    case error
}
