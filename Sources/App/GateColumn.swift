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
}

extension GateColumn {
    /// The column's key in the `screen.column` catalogue table.
    var catalogueKey: String {
        switch self {
        case .r: return "r"
        case .z: return "z"
        case .kept: return "kept"
        case .candidate: return "candidate"
        case .added: return "added"
        case .newState: return "new_state"
        }
    }
}
