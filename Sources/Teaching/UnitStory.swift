import GRUCore
import Localization

/// The paragraph about one unit of a step, built from its numbers: what the update gate
/// keeps, what the candidate writes into the forgotten share, the new state, and what the
/// reset gate let into the candidate.
///
/// Every sentence is chosen by the values it states, so that none is ever false: a state of 0
/// has nothing to keep, z = 1 forgets nothing, a pinned gate is called pinned, and the reset
/// gate is described by the rule the weights follow.
public enum UnitStory {
    /// The paragraph for `unit` (from 0) of the step in `trace`, made with `weights`.
    public static func text(trace: GRUTrace, weights: GRUWeights, unit: Int, language: Language) throws(UserError) -> String {
        try UnitCheck.check(unit, hiddenSize: trace.hiddenSize)
        let j = unit
        let z = trace.z[j], hPrev = trace.hPrev[j]
        let values: [String: String] = [
            "unit": String(j),
            "z": NumberText.value(z),
            "z%": NumberText.percent(z),
            "forget%": NumberText.percent(1 - z),
            "h_prev": NumberText.value(hPrev),
            "kept": NumberText.value(trace.kept[j]),
            "candidate": NumberText.value(trace.candidate[j]),
            "added": NumberText.value(trace.added[j]),
            "h": NumberText.value(trace.h[j]),
        ]
        var sentences: [String] = []
        let keepKey: String
        if hPrev == 0 {
            keepKey = "unit.keep.nothing"
        } else if z == 1 {
            keepKey = "unit.keep.all"
        } else if z == 0 {
            keepKey = "unit.keep.none"
        } else {
            switch Regime(z) {
            case .high: keepKey = "unit.keep.remember"
            case .middle: keepKey = "unit.keep.blend"
            case .low: keepKey = "unit.keep.overwrite"
            }
        }
        sentences.append(language.text(keepKey, values))
        if trace.pinned.contains(.z) { sentences.append(language.text("unit.z_pinned", values)) }
        let fillKey = z == 1 ? "unit.fill.none" : (hPrev == 0 ? "unit.fill.empty" : "unit.fill.share")
        sentences.append(language.text(fillKey, values))
        sentences.append(language.text("unit.result", values))
        sentences.append(resetSentence(trace: trace, weights: weights, unit: j, language: language))
        if trace.pinned.contains(.r) {
            sentences.append(language.text("unit.r_pinned", ["r": NumberText.value(trace.r[j])]))
        }
        return sentences.joined(separator: language.text("sentence.space"))
    }

    /// What the reset gate did for this unit, by the rule the weights follow.
    static func resetSentence(trace: GRUTrace, weights: GRUWeights, unit j: Int, language: Language) -> String {
        let r = trace.r[j]
        var values: [String: String] = [
            "unit": String(j), "r": NumberText.value(r), "r%": NumberText.percent(r),
        ]
        let rule: String
        let nothing: Bool
        let prefix: String
        if weights.resetAfter {
            let breakdown = PreActivationBreakdown(.candidate, unit: j, trace: trace, weights: weights)
            let recurrent = (breakdown.recurrentProduct ?? 0) + breakdown.recurrentBias
            values["recurrent"] = NumberText.value(recurrent)
            values["scaled"] = NumberText.value(breakdown.recurrentPart)
            nothing = recurrent == 0
            prefix = "reset.after"
            rule = language.text("reset.after.rule", values)
        } else {
            let hPrev = trace.hPrev[j]
            values["h_prev"] = NumberText.value(hPrev)
            values["rh"] = NumberText.value(r * hPrev)
            nothing = hPrev == 0
            prefix = "reset.before"
            rule = language.text("reset.before.rule", values)
        }
        let band: String
        if nothing {
            return language.text(prefix + ".nothing", values) + language.text("sentence.space") + rule
        } else if r == 0 {
            band = "zero"
        } else if r == 1 {
            band = "one"
        } else {
            switch Regime(r) {
            case .high: band = "high"
            case .middle: band = "middle"
            case .low: band = "low"
            }
        }
        return language.text(prefix + "." + band, values) + language.text("sentence.space") + rule
    }
}

/// The one check every per-unit explanation makes first.
public enum UnitCheck {
    /// Throws when `unit` is not a unit of the cell.
    public static func check(_ unit: Int, hiddenSize: Int) throws(UserError) {
        guard (0..<hiddenSize).contains(unit) else {
            throw UserError(key: "error.unit_range", ["unit": String(unit), "last": String(hiddenSize - 1)])
        }
    }
}
