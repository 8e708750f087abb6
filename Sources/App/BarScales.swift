import GRUCore
import Localization
import Script

/// The magnitude that fills one side of a signed bar, per signed quantity (kept, candidate,
/// added, h′).
///
/// By default a scale follows the step on screen: all signed columns share the largest
/// magnitude among them (at least 1), so they compare within a step but the same bar length can
/// stand for different values after a step. A fixed scale stays put across steps, edits and
/// new weights, so bars compare across steps too: presentation mode fixes every scale when it
/// starts, and `scale` sets them (`scale 2`, `scale cand 1.5`, `scale auto`).
public struct BarScales: Sendable, Equatable {
    /// The fixed scales, by column; a signed column without one follows the step.
    public private(set) var fixed: [GateColumn: Float] = [:]

    /// Every scale following the step.
    public init() {}

    /// The columns a scale applies to: the signed ones (gates are always on [0, 1]).
    public static let columns = GateColumn.allCases.filter { !$0.isGate }

    /// The scale the step on screen gives when nothing is fixed: the largest magnitude of any
    /// signed quantity, at least 1 (the table's shared scale).
    public static func automatic(_ trace: GRUTrace) -> Float {
        max(1, TraceTable.signedScale(trace))
    }

    /// The scale of a column for a step.
    public func scale(_ column: GateColumn, trace: GRUTrace) -> Float {
        fixed[column] ?? Self.automatic(trace)
    }

    /// Whether a column's scale is fixed.
    public func isFixed(_ column: GateColumn) -> Bool { fixed[column] != nil }

    /// Whether every signed column's scale is fixed.
    public var allFixed: Bool { Self.columns.allSatisfy { fixed[$0] != nil } }

    /// Fixes `columns` (every signed one when nil) at `value`, or lets them follow the step again
    /// when `value` is nil.
    public mutating func set(_ value: Float?, for columns: [GateColumn]? = nil) {
        for column in columns ?? Self.columns where !column.isGate {
            fixed[column] = value
        }
    }

    /// Fixes every signed scale not fixed yet at a round value that holds this step's bars:
    /// the step's scale rounded up to 1, 2 or 5 times a power of ten.
    public mutating func fixUnset(for trace: GRUTrace) {
        let value = Self.roundedUp(Self.automatic(trace))
        for column in Self.columns where fixed[column] == nil { fixed[column] = value }
    }

    /// The smallest of 1, 2, 5 × 10ᵏ not below `value` (finite and positive; else 1).
    public static func roundedUp(_ value: Float) -> Float {
        guard value.isFinite, value > 0 else { return 1 }
        var step: Float = 1
        while step < value, step.isFinite { step *= 10 }
        while step / 10 >= value { step /= 10 }
        // step is now the power of ten at or above value; try its smaller friends.
        for candidate in [step / 5, step / 2] where candidate >= value { return candidate }
        return step
    }

    /// The largest scale `scale` accepts, so a typo of zeros does not flatten every bar.
    public static let maximum: Float = 1_000_000

    /// The legend under the table: `bars: ±2 (fixed)` or, by column, `kept ±1 · cand h̃ ±2 …`.
    func legend(trace: GRUTrace, text: (String, [String: String]) -> String) -> String {
        let values = Self.columns.map { scale($0, trace: trace) }
        let kind = allFixed ? text("scale.fixed", [:]) : (fixed.isEmpty ? text("scale.auto", [:]) : text("scale.mixed", [:]))
        if Set(values).count == 1 {
            return text("scale.legend", ["scale": Self.number(values[0]), "kind": kind])
        }
        let parts = zip(Self.columns, values).map { column, value in
            text("column." + column.catalogueKey, [:]) + " ±" + Self.number(value)
        }
        return text("scale.legend_by_column", ["scales": parts.joined(separator: ", "), "kind": kind])
    }

    /// A scale as the legend writes it: no trailing zeros.
    static func number(_ value: Float) -> String { NumberFormat.plain(value) }
}
