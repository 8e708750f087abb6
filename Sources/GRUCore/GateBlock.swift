/// One of the three blocks of rows in a GRU's stacked weight matrices.
///
/// The canonical layout stacks the blocks in this order (the PyTorch order), so block `b` of
/// unit `j` is row `b.rawValue * H + j`.
public enum GateBlock: Int, CaseIterable, Sendable {
    /// The reset gate r: how much of the old state the candidate may see.
    case reset = 0
    /// The update gate z: the share of the old state that is kept.
    case update = 1
    /// The candidate h̃: the new value offered to the share that is forgotten.
    case candidate = 2
}

/// A gate that can be pinned to given values.
public enum Gate: String, CaseIterable, Sendable, Comparable, Codable {
    /// The reset gate r.
    case r
    /// The update gate z.
    case z

    /// The rows of the stacked matrices that compute this gate.
    public var block: GateBlock { self == .r ? .reset : .update }

    public static func < (lhs: Gate, rhs: Gate) -> Bool { lhs.rawValue < rhs.rawValue }
}
