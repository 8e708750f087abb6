import Widgets

extension Role {
    /// A dense index 0..<15 for table lookups (a switch, so adding a role fails to compile here
    /// rather than silently mis-indexing).
    var ordinal: Int {
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
}
