/// Which part of the screen the keys act on; Tab cycles through them in this order.
public enum Focus: Int, CaseIterable, Sendable, Hashable {
    /// The input vector row.
    case x
    /// The state row.
    case h
    /// The gate table, one row per hidden unit.
    case units
    /// The timeline (while the session holds a sequence of more than one step): ← → move
    /// through time, ↑ ↓ through units.
    case timeline

    /// The next focus for Tab (and the previous for Shift-Tab).
    func cycled(backwards: Bool = false) -> Focus {
        let all = Focus.allCases
        let index = (rawValue + (backwards ? all.count - 1 : 1)) % all.count
        return all[index]
    }
}
