import GRUCore
import Widgets

/// A column of the gate table, by its place in ``TraceField/tableColumns`` (a test keeps the
/// cases and that list the same length).
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

    /// The trace vector this column shows: ``TraceField/tableColumns``, the one list of columns.
    public var field: TraceField { TraceField.tableColumns[rawValue] }

    /// The gate this column can pin, if it is a gate.
    public var gate: Gate? { field.gate }

    /// Gates draw on [0, 1]; the other columns are signed, on one shared scale.
    public var isGate: Bool { field.isGate }

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
    /// The column's title in the catalogues (`screen.column.<field>`).
    var catalogueKey: String { field.rawValue }
}
