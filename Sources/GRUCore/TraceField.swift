/// The vectors of one step's trace, in the order they are computed and reported.
///
/// The raw values are the stable names of `gruscope trace --format json`.
public enum TraceField: String, CaseIterable, Sendable {
    /// The input vector.
    case x
    /// The state before the step.
    case hPrev = "h_prev"
    /// The reset gate's pre-activation.
    case rPre = "r_pre"
    /// The reset gate.
    case r
    /// The update gate's pre-activation.
    case zPre = "z_pre"
    /// The update gate: the share of the old state kept.
    case z
    /// z⊙h_prev, the part of the old state that survives.
    case kept
    /// The candidate's pre-activation.
    case candidatePre = "candidate_pre"
    /// The candidate h̃.
    case candidate
    /// (1−z)⊙candidate, the new information written into the forgotten share.
    case added
    /// The new state h′ = kept + added.
    case h

    /// Whether the field has one value per input (x) rather than per hidden unit.
    public var isPerInput: Bool { self == .x }

    /// The six quantities of the step table, in the order the cell computes them: the one list
    /// the screen's table and its `?` help, the repl's `show`, lessons' `columns` and the
    /// exports of the screen derive from. Titles live in the catalogues under
    /// `screen.column.<raw value>` and help under `column.<raw value>`.
    public static let tableColumns: [TraceField] = [.r, .z, .kept, .candidate, .added, .h]

    /// The gate the quantity is, if it is one.
    public var gate: Gate? {
        switch self {
        case .r: return .r
        case .z: return .z
        default: return nil
        }
    }

    /// Gates are drawn on [0, 1]; the other quantities of the table are signed, on one shared scale.
    public var isGate: Bool { gate != nil }
}
