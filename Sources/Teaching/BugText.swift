import GRUCore
import Localization

extension BugWhatIf {
    /// The what-if in words: the demo's line, then for each unit (or one) the correct and the
    /// demo's new state, and how many units the bug pushes outside the range a mix stays in.
    public func text(unit: Int? = nil, language: Language) throws(UserError) -> String {
        if let unit { try UnitCheck.check(unit, hiddenSize: units.count) }
        var lines = [language.text("bug.intro")]
        for entry in units where unit == nil || entry.unit == unit {
            let values: [String: String] = [
                "unit": String(entry.unit), "u": number(entry.u), "sigma": number(entry.sigma),
                "forget": number(1 - entry.sigma), "mix": number(entry.mix),
                "h_prev": factor(entry.hPrev), "candidate": factor(entry.candidate),
                "correct": number(entry.correct), "bug": number(entry.buggy),
                "low": number(entry.low), "high": number(entry.high),
                "sum": number(entry.sigma + entry.mix),
            ]
            let verdict = entry.isOutsideRange ? "bug.outside" : "bug.inside"
            lines.append(language.text("bug.unit", values) + language.text(verdict, values))
        }
        if unit == nil {
            lines.append(language.text("bug.count", [
                "count": String(unitsOutsideRange.count), "total": String(units.count),
            ]))
        }
        return lines.joined(separator: "\n")
    }

    private func number(_ value: Float) -> String {
        NumberText.value(value, decimals: 3)
    }

    /// A negative factor in parentheses, so `0.5·(-0.4)` reads as a product.
    private func factor(_ value: Float) -> String {
        value < 0 ? "(" + number(value) + ")" : number(value)
    }
}
