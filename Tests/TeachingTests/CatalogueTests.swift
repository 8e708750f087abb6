import Foundation
@testable import Localization
import Script
import Testing
@testable import Teaching

@Suite struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in folder: String) throws -> [String: String] {
        let url = root.appendingPathComponent(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".toml") {
            files[name] = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test(arguments: ["catalogues", "lessons"])
    func embeddedTextEqualsTheFiles(folder: String) throws {
        let embedded = folder == "catalogues" ? EmbeddedCatalogues.files : EmbeddedLessons.files
        let onDisk = try Self.files(in: folder)
        let advice = "run scripts/embed-assets to embed the current \(folder)/"
        #expect(Set(onDisk.keys) == Set(embedded.keys), "\(folder)/ and the embedded copy hold different files; \(advice)")
        for (name, text) in onDisk {
            // Compared as bytes: String equality would let a Unicode-normalised copy pass.
            #expect(embedded[name].map { Array($0.utf8) } == Array(text.utf8), "\(folder)/\(name) differs from its embedded copy; \(advice)")
        }
    }

    @Test func bothCataloguesParseAndHaveTheSameKeys() throws {
        let files = try Self.files(in: "catalogues")
        let english = try Catalogue(toml: try #require(files["en.toml"]), file: "en.toml")
        let chinese = try Catalogue(toml: try #require(files["zh.toml"]), file: "zh.toml")
        let onlyEnglish = Set(english.texts.keys).subtracting(chinese.texts.keys).sorted()
        let onlyChinese = Set(chinese.texts.keys).subtracting(english.texts.keys).sorted()
        #expect(onlyEnglish.isEmpty, "keys missing from catalogues/zh.toml: \(onlyEnglish)")
        #expect(onlyChinese.isEmpty, "keys missing from catalogues/en.toml: \(onlyChinese)")
        #expect(english.texts.count > 100)
        #expect(Catalogues.english.texts == english.texts && Catalogues.chinese.texts == chinese.texts)
    }

    @Test func placeholdersAgreeBetweenLanguages() {
        for (key, english) in Catalogues.english.texts {
            guard let chinese = Catalogues.chinese.texts[key] else { continue }
            let a = Set(Catalogue.placeholders(in: english)), b = Set(Catalogue.placeholders(in: chinese))
            #expect(a == b, "\(key): English names \(a.sorted()), Chinese names \(b.sorted())")
        }
    }

    @Test func chineseTextsAreChinese() {
        // Texts made only of formulas or punctuation may match; a sentence must not stay English.
        let latinOnly = Catalogues.chinese.texts.filter { _, text in
            var words = Catalogue.fill(text, Dictionary(Catalogue.placeholders(in: text).map { ($0, "") }, uniquingKeysWith: { first, _ in first }))
            words.removeAll { !$0.isASCII || !$0.isLetter }
            return words.count > 12 && !text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }
        #expect(latinOnly.isEmpty, "untranslated: \(latinOnly.sorted { $0.key < $1.key })")
    }

    /// Every literal key the code asks for exists, so no user ever sees a bare key.
    @Test func everyKeyTheCodeUsesExists() throws {
        // Texts (`language.text("…")`) and messages (`Message(key: "…")`, `UserError(key: "…")`).
        let regex = try NSRegularExpression(pattern: #"(?:\.text\(|key: )"([a-z_.]+)""#)
        var used = Set<String>()
        for folder in ["Sources/Teaching", "Sources/Script", "Sources/Localization"] {
            let sources = Self.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { used.insert(String(text[range])) }
                }
            }
        }
        #expect(used.count > 40)
        // Keys built from parts (unit.keep.…, reset.…, why.title.…, column.…) are checked
        // by the explanation tests, which look for leftover keys in every output.
        for key in used.sorted() where !key.hasSuffix(".") {
            #expect(Catalogues.english.texts[key] != nil, "catalogues/en.toml lacks \(key)")
            #expect(Catalogues.chinese.texts[key] != nil, "catalogues/zh.toml lacks \(key)")
        }
    }

    @Test func fillingFindsBracesAmongOtherScripts() {
        #expect(Catalogue.fill("单元 {unit} 的 z={z}。", ["unit": "3", "z": "0.50"]) == "单元 3 的 z=0.50。")
        #expect(Catalogue.fill("{a}{b}", ["a": "你", "b": "好"]) == "你好")
        #expect(Catalogue.fill("} {x} {", ["x": "é"]) == "} é {")
        #expect(Catalogue.fill("{未知} {x}", ["x": "1"]) == "{未知} 1")
        #expect(Catalogue.fill("{x", ["x": "1"]) == "{x")
        #expect(Catalogue.fill("", [:]) == "")
    }

    @Test func fillingReplacesOnlyKnownPlaceholders() {
        #expect(Catalogue.fill("a {x} b {y} {x}", ["x": "1"]) == "a 1 b {y} 1")
        #expect(Catalogue.fill("no braces", ["x": "1"]) == "no braces")
        #expect(Catalogue.fill("open { only", [:]) == "open { only")
        #expect(Catalogue.placeholders(in: "{a} and {b[1]} and {c%[2]:3}") == ["a", "b[1]", "c%[2]:3"])
    }

    @Test func aMissingKeyFallsBackToEnglishThenToTheKey() {
        #expect(Language.zh.text("no.such.key") == "no.such.key")
        #expect(Language.en.text("lang.now", ["name": "English"]) == "Language: English.")
        #expect(Language.zh.text("lang.now", ["name": "简体中文"]) == "语言：简体中文。")
    }

    @Test func brokenCatalogueTextNamesFileAndLine() {
        #expect(throws: ScriptError.self) { try Catalogue(toml: "a = \"x\"\nb = \n", file: "bad.toml") }
        do {
            _ = try Catalogue(toml: "a = \"x\"\nb = \n", file: "bad.toml")
        } catch {
            #expect(error.message.hasPrefix("bad.toml line 2:"), "\(error.message)")
        }
        do {
            _ = try Catalogue(toml: "a = 3\n", file: "bad.toml")
        } catch {
            #expect(error.message.contains("bad.toml") && error.message.contains("a"), "\(error.message)")
        }
    }
}
