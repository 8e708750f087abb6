import GRUCore
import Teaching

/// How the timeline is looked at: which quantity, how a column folds its steps, how close and
/// where. Part of ``AppState``; the steps shown follow from it, the sequence's length and the
/// panel's width (``window(count:columns:cursor:)``).
public struct TimelineOptions: Sendable, Equatable {
    /// The quantity of the strips: one of the table's columns.
    public var quantity: GateColumn = .newState
    /// How a column holding several steps shows them.
    public var fold: TimelineFold = .mean
    /// 0 shows the whole sequence; each level halves the steps shown, down to one per column.
    public var zoom = 0
    /// The first step shown when zoomed in.
    public var first = 0

    /// The deepest zoom: 2^16 times closer than the whole sequence is more than any length.
    public static let deepestZoom = 16

    /// The quantities the timeline cycles through, in the table's order from h′ (the one a
    /// class looks at first), then the gates and the two parts of the mix.
    public static let quantities: [GateColumn] = [.newState, .z, .r, .kept, .added, .candidate]

    public init() {}

    /// The next quantity in ``quantities``.
    public mutating func cycleQuantity() {
        let index = Self.quantities.firstIndex(of: quantity) ?? 0
        quantity = Self.quantities[(index + 1) % Self.quantities.count]
    }

    /// How many steps the strips show: the whole sequence at zoom 0, half as many for every
    /// level, never fewer than fit one per column.
    public func span(count: Int, columns: Int) -> Int {
        guard count > 0 else { return 0 }
        let fitting = min(count, max(1, columns))
        return max(fitting, count >> min(zoom, Self.deepestZoom))
    }

    /// The steps shown: `span` steps from ``first``, inside the sequence and holding `cursor`.
    /// A cursor that leaves the window turns a page: the window jumps to put it a quarter of a
    /// window from the edge it crossed, so moving on keeps the same window for a while (and its
    /// columns are not worked out again at every step).
    public func window(count: Int, columns: Int, cursor: Int) -> Range<Int> {
        let span = span(count: count, columns: columns)
        guard span > 0 else { return 0..<0 }
        var start = min(max(0, first), count - span)
        if cursor < start { start = cursor - (span - 1 - span / 4) }
        if cursor >= start + span { start = cursor - span / 4 }
        start = min(max(0, start), count - span)
        return start..<(start + span)
    }

    /// Whether zooming in would show fewer steps.
    public func canZoomIn(count: Int, columns: Int) -> Bool {
        zoom < Self.deepestZoom && span(count: count, columns: columns) > min(count, max(1, columns))
    }
}
