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

extension Role {
    /// How many roles there are.
    public static let count = 15

    /// A dense number in `0..<Role.count` for table lookups (a switch, so adding a role fails to
    /// compile here rather than silently mis-indexing).
    public var ordinal: Int {
        switch self {
        case .resetGate: return 0
        case .updateGate: return 1
        case .kept: return 2
        case .candidate: return 3
        case .added: return 4
        case .newState: return 5
        case .positive: return 6
        case .negative: return 7
        case .zeroLine: return 8
        case .selection: return 9
        case .focus: return 10
        case .header: return 11
        case .text: return 12
        case .dim: return 13
        case .error: return 14
        }
    }

    /// Hashes the case rather than its name (a raw-value enum would hash the string).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt8(truncatingIfNeeded: ordinal))
    }
}
