import GRUCore
import Widgets

/// The columns of the gate table, in the order the cell computes them.
public enum GateColumn: Int, CaseIterable, Sendable, Hashable {
    /// The reset gate r.
    case r
    /// The update gate z.
    case z
    /// z·h, kept from the old state.
    case kept
    /// The candidate h̃.
    case candidate
    /// (1−z)·h̃, added.
    case added
    /// The new state h′.
    case newState

    /// The trace vector this column shows.
    public var field: TraceField {
        switch self {
        case .r: return .r
        case .z: return .z
        case .kept: return .kept
        case .candidate: return .candidate
        case .added: return .added
        case .newState: return .h
        }
    }

    /// The gate this column can pin, if it is a gate.
    public var gate: Gate? {
        switch self {
        case .r: return .r
        case .z: return .z
        default: return nil
        }
    }

    /// Gates draw on [0, 1]; the other columns are signed, on one shared scale.
    public var isGate: Bool { gate != nil }

    /// The colour role of the column.
    public var role: Role {
        switch self {
        case .r: return .resetGate
        case .z: return .updateGate
        case .kept: return .kept
        case .candidate: return .candidate
        case .added: return .added
        case .newState: return .newState
        }
    }

    /// The heading in the table.
    public var title: String {
        switch self {
        case .r: return "r reset"
        case .z: return "z update"
        case .kept: return "kept z·h"
        case .candidate: return "cand h̃"
        case .added: return "add (1−z)h̃"
        case .newState: return "new h′"
        }
    }
}

extension GateColumn {
    /// The formula of the column, for the help panel.
    public var formula: String {
        switch self {
        case .r: return "r = σ(W_r·x + b_r + U_r·h) — how much of the old state the candidate may see (0 none, 1 all)."
        case .z: return "z = σ(W_z·x + b_z + U_z·h) — the share of the old state kept; 1−z is the share forgotten."
        case .kept: return "kept = z·h — what survives of the old state."
        case .candidate: return "h̃ = tanh(W_c·x + b_c + U_c·(r·h)), or with reset after tanh(W_c·x + b_ic + r·(U_c·h + b_hc)) — the new value on offer."
        case .added: return "added = (1−z)·h̃ — the candidate written into exactly the share z forgot."
        case .newState: return "h′ = z·h + (1−z)·h̃ = kept + added — the new state."
        }
    }
}
