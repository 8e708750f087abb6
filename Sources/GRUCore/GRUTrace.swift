/// Every vector of one step of the cell, so that no caller ever recomputes any of it.
public struct GRUTrace: Sendable, Equatable {
    /// The input vector, I values.
    public var x: [Float]
    /// The state before the step, H values.
    public var hPrev: [Float]
    /// The reset gate before the sigmoid (computed even when r is pinned).
    public var rPre: [Float]
    /// The reset gate r.
    public var r: [Float]
    /// The update gate before the sigmoid (computed even when z is pinned).
    public var zPre: [Float]
    /// The update gate z, the share of the old state kept.
    public var z: [Float]
    /// z⊙h_prev.
    public var kept: [Float]
    /// The candidate before tanh.
    public var candidatePre: [Float]
    /// The candidate h̃.
    public var candidate: [Float]
    /// (1−z)⊙candidate.
    public var added: [Float]
    /// The new state h′ = z⊙h_prev + (1−z)⊙candidate.
    public var h: [Float]
    /// The gates that were fixed rather than computed, in order r, z.
    public var pinned: [Gate]

    /// A zero trace sized for a cell, to be filled by ``GRUCell/step(x:h:pins:into:)``.
    public init(inputSize: Int, hiddenSize: Int) {
        let zeros = [Float](repeating: 0, count: hiddenSize)
        x = [Float](repeating: 0, count: inputSize)
        hPrev = zeros
        rPre = zeros
        r = zeros
        zPre = zeros
        z = zeros
        kept = zeros
        candidatePre = zeros
        candidate = zeros
        added = zeros
        h = zeros
        pinned = []
    }

    /// One vector of the trace by its field name.
    public subscript(field: TraceField) -> [Float] {
        switch field {
        case .x: return x
        case .hPrev: return hPrev
        case .rPre: return rPre
        case .r: return r
        case .zPre: return zPre
        case .z: return z
        case .kept: return kept
        case .candidatePre: return candidatePre
        case .candidate: return candidate
        case .added: return added
        case .h: return h
        }
    }

    /// The number of hidden units.
    public var hiddenSize: Int { h.count }
}
