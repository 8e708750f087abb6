import GRUCore

/// A number of the cell that comes from a pre-activation and a squashing function: the two
/// gates and the candidate.
public enum GateQuantity: String, CaseIterable, Sendable {
    /// The reset gate r = σ(…).
    case r
    /// The update gate z = σ(…).
    case z
    /// The candidate h̃ = tanh(…).
    case candidate

    /// The spellings `why` accepts: r, z, candidate, cand, c, h~ and h̃.
    public init?(word: String) {
        switch word.lowercased() {
        case "r", "reset": self = .r
        case "z", "update": self = .z
        case "candidate", "cand", "c", "h~", "h̃", "~h": self = .candidate
        default: return nil
        }
    }

    /// The rows of the stacked matrices that compute it.
    public var block: GateBlock {
        switch self {
        case .r: return .reset
        case .z: return .update
        case .candidate: return .candidate
        }
    }

    /// The gate it is, when it can be pinned.
    public var gate: Gate? {
        switch self {
        case .r: return .r
        case .z: return .z
        case .candidate: return nil
        }
    }

    /// The subscript of its weights in formulas: W_r, W_z, W_c.
    var weightSuffix: String {
        switch self {
        case .r: return "r"
        case .z: return "z"
        case .candidate: return "c"
        }
    }

    /// Its symbol in formulas.
    var symbol: String {
        switch self {
        case .r: return "r"
        case .z: return "z"
        case .candidate: return "h̃"
        }
    }
}
