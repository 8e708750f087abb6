/// Hands out ncurses colour pairs lazily, one per distinct (foreground, background).
///
/// Pair 0 is fixed by ncurses as (default, default), so only pairs 1..<capacity are given out.
/// When they run out the caller resets the table and redraws everything.
struct ColorPairTable: Sendable {
    /// A pair's two ncurses colour numbers (-1 is the terminal's default).
    struct Colors: Hashable, Sendable {
        var foreground: Int32
        var background: Int32
    }

    /// A pair number, and whether it must be defined with `init_extended_pair` before use.
    struct Allocation: Equatable, Sendable {
        var pair: Int32
        var isNew: Bool
    }

    /// ncurses COLOR_PAIRS.
    let capacity: Int
    private var pairs: [Colors: Int32] = [:]
    private var nextPair: Int32 = 1

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// How many pairs are in use, pair 0 not counted.
    var count: Int { pairs.count }

    /// The pair for two colours, or nil when every pair is taken.
    mutating func pair(foreground: Int32, background: Int32) -> Allocation? {
        if foreground == -1 && background == -1 { return Allocation(pair: 0, isNew: false) }
        let colors = Colors(foreground: foreground, background: background)
        if let existing = pairs[colors] { return Allocation(pair: existing, isNew: false) }
        guard Int(nextPair) < capacity else { return nil }
        let pair = nextPair
        nextPair += 1
        pairs[colors] = pair
        return Allocation(pair: pair, isNew: true)
    }

    /// Forgets every pair, so numbers are handed out from 1 again.
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
    }
}
