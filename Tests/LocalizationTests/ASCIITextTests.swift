import Localization
import Testing

@Suite struct ASCIITextTests {
    @Test(arguments: [
        ("kept z·h", "kept z*h"),
        ("cand h̃", "cand h~"),
        ("add (1−z)h̃", "add (1-z)h~"),
        ("new h′", "new h'"),
        ("‖h′ − h‖ = 0.3", "||h' - h|| = 0.3"),
        ("z ≤ 0.1 and z ≥ 0.9", "z <= 0.1 and z >= 0.9"),
        ("0.98¹⁰ ≈ 0.82", "0.98^10 ~= 0.82"),
        ("h ← h′, t + 1", "h <- h', t + 1"),
        ("r = σ(W_r·x)", "r = sigma(W_r*x)"),
        ("focus x → h → units …", "focus x -> h -> units ..."),
        ("r⊙h", "r*h"),
        ("plain ascii", "plain ascii"),
        ("x₀ and x₁₂", "x_0 and x_12"),
    ]) func symbols(unicode: String, ascii: String) {
        #expect(ASCIIText.of(unicode) == ascii)
        #expect(Glyphs.ascii.text(unicode) == ascii)
        #expect(Glyphs.unicode.text(unicode) == unicode)
    }

    @Test func wordsWithoutAnASCIIFormStay() {
        #expect(ASCIIText.of("单元 4 保留 z·h") == "单元 4 保留 z*h")
    }

    @Test func catalogueSymbolsAllHaveASCIIForms() {
        // Every non-letter symbol the English catalogue uses becomes ASCII.
        for key in ["screen.column.kept", "screen.column.candidate", "screen.column.added", "screen.column.new_state",
                    "screen.key.step", "screen.key.focus", "column.h", "summary.change", "summary.remember.many"] {
            let text = Language.en.text(key, [:])
            #expect(ASCIIText.of(text).unicodeScalars.allSatisfy { $0.isASCII }, "\(key): \(ASCIIText.of(text))")
        }
    }
}
