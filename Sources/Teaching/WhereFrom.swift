import GRUCore
import Localization

/// "Where does this number come from": a ``PreActivationBreakdown`` in words, one line per part.
public enum WhereFrom {
    /// Decimals shown for the parts: enough that they visibly add up.
    static let decimals = 3

    /// The breakdown of gate `quantity` of `unit` in the step, in lines.
    public static func text(
        _ quantity: GateQuantity, unit: Int, trace: GRUTrace, weights: GRUWeights, language: Language
    ) throws(UserError) -> String {
        try UnitCheck.check(unit, hiddenSize: trace.hiddenSize)
        let b = PreActivationBreakdown(quantity, unit: unit, trace: trace, weights: weights)
        let g = quantity.weightSuffix
        let j = String(unit)
        var lines = [language.text("why.title.\(quantity.rawValue)", ["unit": j])]

        let inputName = quantity == .candidate ? "b_ic" : "b_i\(g)"
        let recurrentName = quantity == .candidate ? "b_hc" : "b_h\(g)"
        let biasFormula = b.resetScale == nil
            ? "\(inputName) + \(recurrentName) = \(number(b.inputBias)) + \(number(b.recurrentBias)) = \(number(b.bias))"
            : "\(inputName) = \(number(b.bias))"
        lines.append(language.text("why.bias", ["formula": biasFormula]))

        lines.append(language.text("why.input", [
            "formula": "W_\(g)·x = \(number(b.inputPart))",
            "terms": terms(b.inputTerms, rest: b.otherInput, matrix: "W_\(g)", unit: j, vector: "x", language: language),
        ]))

        let recurrentTerms = terms(b.recurrentTerms, rest: b.otherRecurrent, matrix: "U_\(g)", unit: j, vector: "h", language: language)
        if let scale = b.resetScale, let product = b.recurrentProduct {
            lines.append(language.text("why.recurrent_after", [
                "formula": "r[\(j)]·(U_c·h + b_hc) = \(number(scale)) × (\(number(product)) + \(parenthesised(b.recurrentBias))) = \(number(b.recurrentPart))",
                "terms": recurrentTerms, "unit": j,
            ]))
        } else {
            let product = quantity == .candidate ? "U_c·(r⊙h)" : "U_\(g)·h"
            lines.append(language.text(quantity == .candidate ? "why.recurrent_before" : "why.recurrent", [
                "formula": "\(product) = \(number(b.recurrentPart))", "terms": recurrentTerms,
            ]))
        }

        lines.append(language.text("why.sum", [
            "formula": "\(number(b.bias)) + \(parenthesised(b.inputPart)) + \(parenthesised(b.recurrentPart)) = \(number(b.tracePreActivation))",
        ]))
        let squash = quantity == .candidate ? "tanh" : "σ"
        lines.append(language.text("why.value", [
            "formula": "\(quantity.symbol)[\(j)] = \(squash)(\(number(b.tracePreActivation))) = \(number(b.computedValue))",
        ]))
        if let pinned = b.pinnedValue {
            lines.append(language.text("why.pinned", [
                "gate": quantity.symbol, "pinned": number(pinned), "computed": number(b.computedValue),
            ]))
        }
        return lines.joined(separator: "\n")
    }

    /// `largest: W_z[4,2]·x[2] = 0.410 × 3.000 = 1.230; …; the other 1 adds 0.002`.
    private static func terms(
        _ listed: [PreActivationBreakdown.Term], rest: PreActivationBreakdown.Remainder,
        matrix: String, unit: String, vector: String, language: Language
    ) -> String {
        guard !listed.isEmpty else { return language.text("why.terms_all_zero") }
        let spelled = listed.map { term in
            let k = term.index
            if let reset = term.reset {
                return "\(matrix)[\(unit),\(k)]·r[\(k)]·\(vector)[\(k)] = \(number(term.weight)) × \(number(reset)) × \(parenthesised(term.value)) = \(number(term.product))"
            }
            return "\(matrix)[\(unit),\(k)]·\(vector)[\(k)] = \(number(term.weight)) × \(parenthesised(term.value)) = \(number(term.product))"
        }
        var text = language.text("why.largest", ["terms": spelled.joined(separator: language.text("why.term_separator"))])
        if rest.count > 0 {
            text += language.text(rest.count == 1 ? "why.other_one" : "why.other_many", [
                "count": String(rest.count), "sum": number(rest.sum),
            ])
        }
        return text
    }

    private static func number(_ value: Float) -> String {
        NumberText.value(value, decimals: decimals)
    }

    /// A negative number in parentheses, so `+ (−0.2)` reads as a sum.
    private static func parenthesised(_ value: Float) -> String {
        value < 0 ? "(" + number(value) + ")" : number(value)
    }
}
