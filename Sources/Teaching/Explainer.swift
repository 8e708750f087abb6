import GRUCore
import Localization

/// Every explanation of a step in one place, for hosts that draw them (the screen) rather than
/// type commands. Each is a pure function of the trace, the weights, a unit and a language.
public enum Explainer {
    /// The paragraph about one unit (see ``UnitStory``).
    public static func unit(_ unit: Int, trace: GRUTrace, weights: GRUWeights, language: Language) throws(UserError) -> String {
        try UnitStory.text(trace: trace, weights: weights, unit: unit, language: language)
    }

    /// The whole step at a glance (see ``StepSummary``).
    public static func summary(trace: GRUTrace, language: Language) -> String {
        StepSummary(trace: trace).text(trace: trace, language: language)
    }

    /// Where a gate or candidate value comes from (see ``WhereFrom``).
    public static func whereFrom(
        _ quantity: GateQuantity, unit: Int, trace: GRUTrace, weights: GRUWeights, language: Language
    ) throws(UserError) -> String {
        try WhereFrom.text(quantity, unit: unit, trace: trace, weights: weights, language: language)
    }

    /// What a table column means, with its formula (see ``ColumnHelp``).
    public static func column(_ field: TraceField, resetAfter: Bool, language: Language) -> String {
        ColumnHelp.text(for: field, resetAfter: resetAfter, language: language)
    }

    /// What the seed article's demo line would make of the step (see ``BugWhatIf``).
    public static func bug(trace: GRUTrace, unit: Int? = nil, language: Language) throws(UserError) -> String {
        try BugWhatIf(trace: trace).text(unit: unit, language: language)
    }
}
