import GRUCore
import Localization
import Script

/// What a column of the table means, with its formula, for the screen's `?` on a column.
public enum ColumnHelp {
    /// The help for the column showing `field` (the table shows r, z, kept, candidate, added
    /// and h; the other fields have help too). The candidate's formula follows the reset rule,
    /// named by the framework the weights come from.
    public static func text(for field: TraceField, variant: GRUVariant, resetAfter: Bool, language: Language) -> String {
        switch field {
        case .candidate, .candidatePre:
            return language.text("column.\(field.rawValue).\(resetAfter ? "after" : "before")", [
                "rule_name": ResetRuleName.text(variant: variant, resetAfter: resetAfter, language: language),
            ])
        default:
            return language.text("column.\(field.rawValue)")
        }
    }
}
