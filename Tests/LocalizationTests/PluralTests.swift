import Localization
import Testing

/// `{count|step|steps}`: a word that agrees with its count, in any catalogue sentence.
@Suite struct PluralTests {
    @Test func theWordAgreesWithTheCount() {
        let template = "sequence: {count} {count|step|steps} from {source}"
        #expect(Catalogue.fill(template, ["count": "1", "source": "hello"]) == "sequence: 1 step from hello")
        #expect(Catalogue.fill(template, ["count": "0", "source": "a"]) == "sequence: 0 steps from a")
        #expect(Catalogue.fill(template, ["count": "11", "source": "a"]) == "sequence: 11 steps from a")
        // A choice has exactly two forms; anything else stays as written.
        #expect(Catalogue.fill("{n} unit{n||s}… {n|x|y|z} {n|x}", ["n": "2"]) == "2 units… {n|x|y|z} {n|x}")
        #expect(Catalogue.fill("{count} {count|unit|units} leave{count|s|}", ["count": "1"]) == "1 unit leaves")
        // Without the argument the braces stay, like any unfilled placeholder.
        #expect(Catalogue.fill("{count|step|steps}", [:]) == "{count|step|steps}")
        #expect(Catalogue.placeholders(in: "{count} {count|step|steps} {t}") == ["count", "count", "t"])
    }

    @Test func noEnglishSentenceSaysOneWithAPlural() {
        // Every sentence with a count, filled with 1: no "1 steps", "1 frames", "1 values".
        let plurals = ["steps", "frames", "values", "units", "numbers", "seconds", "files", "lines"]
        for (key, template) in Catalogues.english.texts {
            let names = Catalogue.placeholders(in: template)
            let filled = Catalogue.fill(template, Dictionary(names.map { ($0, "1") }, uniquingKeysWith: { a, _ in a }))
            for word in plurals {
                #expect(!filled.contains(" 1 \(word)"), "\(key): \(filled)")
            }
        }
    }

    @Test func theSequenceLineInBothLanguages() {
        #expect(Language.en.text("time.sequence", ["count": "1", "source": "x.csv", "t": "0"]) == "sequence: 1 step from x.csv; t = 0")
        #expect(Language.zh.text("time.sequence", ["count": "1", "source": "x.csv", "t": "0"]) == "序列：1 步，来自 x.csv；t = 0")
    }
}
