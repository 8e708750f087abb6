import GRUCore
import Localization

/// The whole step at a glance: which units remembered, which were overwritten, which blended,
/// and how far the state moved.
public struct StepSummary: Sendable, Equatable {
    /// How one unit's state moved.
    public struct Change: Sendable, Equatable {
        /// The unit, from 0.
        public let unit: Int
        /// h′ − h.
        public let change: Float
    }

    /// Units with z ≥ 0.8 (see ``Regime``).
    public let remembered: [Int]
    /// Units with z ≤ 0.2.
    public let overwritten: [Int]
    /// The others.
    public let blended: [Int]
    /// The unit whose state changes most, and by how much (h′ − h); nil when H = 0.
    public let largestChange: Change?
    /// ‖h′ − h‖, the length of the whole change.
    public let changeNorm: Float
    /// Whether z was pinned rather than computed.
    public let zPinned: Bool

    /// The summary of a step.
    public init(trace: GRUTrace) {
        var remembered: [Int] = [], overwritten: [Int] = [], blended: [Int] = []
        var largest: Change?
        var squares: Double = 0
        for j in 0..<trace.hiddenSize {
            switch Regime(trace.z[j]) {
            case .high: remembered.append(j)
            case .low: overwritten.append(j)
            case .middle: blended.append(j)
            }
            let change = trace.h[j] - trace.hPrev[j]
            squares += Double(change) * Double(change)
            if largest == nil || abs(change) > abs(largest?.change ?? 0) { largest = Change(unit: j, change: change) }
        }
        self.remembered = remembered
        self.overwritten = overwritten
        self.blended = blended
        largestChange = largest
        changeNorm = Float(squares.squareRoot())
        zPinned = trace.pinned.contains(.z)
    }

    /// The summary in words: one line on the groups, one on the change.
    public func text(trace: GRUTrace, language: Language) -> String {
        var groups: [String] = []
        for (units, key) in [(remembered, "summary.remember"), (overwritten, "summary.overwrite"), (blended, "summary.blend")]
        where !units.isEmpty {
            let list = NumberText.list(units.map(String.init), language: language)
            groups.append(language.text(key + (units.count == 1 ? ".one" : ".many"), [
                "list": list, "high": NumberText.value(Regime.highFrom, decimals: 1),
                "low": NumberText.value(Regime.lowUpTo, decimals: 1),
            ]))
        }
        var lines = [language.text("summary.groups", ["groups": groups.joined(separator: language.text("summary.group_separator"))])]
        if zPinned { lines[0] += language.text("sentence.space") + language.text("summary.z_pinned") }
        if let largest = largestChange, changeNorm > 0 {
            let j = largest.unit
            lines.append(language.text("summary.change", [
                "unit": String(j), "h_prev": NumberText.value(trace.hPrev[j]), "h": NumberText.value(trace.h[j]),
                "delta": NumberText.signed(largest.change), "norm": NumberText.value(changeNorm),
            ]))
        } else {
            lines.append(language.text("summary.still"))
        }
        return lines.joined(separator: "\n")
    }
}
