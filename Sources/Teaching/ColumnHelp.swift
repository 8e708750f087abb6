import GRUCore
import Localization

/// What a column of the table means, with its formula, for the screen's `?` on a column.
public enum ColumnHelp {
    /// The help for the column showing `field` (the table shows r, z, kept, candidate, added
    /// and h; the other fields have help too). The candidate's formula follows the reset rule.
    public static func text(for field: TraceField, resetAfter: Bool, language: Language) -> String {
        switch field {
        case .candidate, .candidatePre:
            return language.text("column.\(field.rawValue).\(resetAfter ? "after" : "before")")
        default:
            return language.text("column.\(field.rawValue)")
        }
    }
}
