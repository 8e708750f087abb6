import Localization
import GRUCore
import Testing
@testable import Teaching

@Suite struct ColumnHelpTests {
    @Test func everyFieldHasHelpInBothLanguagesWithItsFormula() {
        for field in TraceField.allCases {
            for resetAfter in [false, true] {
                for language in Language.allCases {
                    let text = ColumnHelp.text(for: field, resetAfter: resetAfter, language: language)
                    #expect(!text.hasPrefix("column."), "\(field) \(language) has no help")
                    #expect(text.count > 10)
                }
            }
        }
        #expect(ColumnHelp.text(for: .z, resetAfter: false, language: .en).contains("z = σ(W_z·x + b_iz + U_z·h + b_hz)"))
        #expect(ColumnHelp.text(for: .kept, resetAfter: false, language: .en).contains("z·h"))
        #expect(ColumnHelp.text(for: .added, resetAfter: false, language: .en).contains("(1 − z)·h̃"))
        #expect(ColumnHelp.text(for: .h, resetAfter: false, language: .zh).contains("h′ = z·h + (1 − z)·h̃"))
    }

    @Test func theCandidatesFormulaFollowsTheRule() {
        let before = Explainer.column(.candidate, resetAfter: false, language: .en)
        let after = Explainer.column(.candidate, resetAfter: true, language: .en)
        #expect(before.contains("U_c·(r⊙h)") && !before.contains("r⊙(U_c·h"))
        #expect(after.contains("r⊙(U_c·h + b_hc)"))
        #expect(Explainer.column(.candidate, resetAfter: true, language: .zh).contains("r⊙(U_c·h + b_hc)"))
    }
}
