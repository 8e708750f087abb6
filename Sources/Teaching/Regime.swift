/// What a gate value means for a unit, in three bands; explanations pick their sentences by it.
public enum Regime: Sendable, Equatable {
    /// Near 1: z keeps most of the old state; r lets most of it into the candidate.
    case high
    /// In between: a blend.
    case middle
    /// Near 0: z lets the candidate overwrite the unit; r hides the past from the candidate.
    case low

    /// At or above this a gate counts as near 1.
    public static let highFrom: Float = 0.8
    /// At or below this a gate counts as near 0.
    public static let lowUpTo: Float = 0.2

    /// The band of a gate value.
    public init(_ gate: Float) {
        if gate >= Self.highFrom {
            self = .high
        } else if gate <= Self.lowUpTo {
            self = .low
        } else {
            self = .middle
        }
    }
}
