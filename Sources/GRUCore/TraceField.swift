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
}
