import Foundation
import Localization
import Testing

/// One quoting rule serves session files (TOML) and recordings (JSON): what it writes reads back
/// as the same text in both.
@Suite struct QuotedTextTests {
    static let texts = [
        "", "plain", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "bell\u{07} esc\u{1B}[1m nul\u{0} del\u{7F}",
        "中文 h̃ h′ ▁▂█", "emoji 👩‍👩‍👧 and \u{301} alone", "C:\\path\\\"quoted\".toml",
    ]

    @Test(arguments: texts)
    func readsBackAsJSON(text: String) throws {
        let quoted = QuotedText.basic(text)
        let value = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed])
        #expect(value as? String == text)
    }

    @Test(arguments: texts)
    func readsBackAsTOML(text: String) throws {
        let table = try TOMLText.parse("value = " + QuotedText.basic(text) + "\n", file: "test.toml")
        #expect(table["value"]?.string == text)
    }

    @Test func controlCharactersNeverStandRaw() {
        let quoted = QuotedText.basic("a\u{1B}b\u{7F}c\u{0}")
        #expect(quoted == #""a\u001bb\u007fc\u0000""#)
        #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
}
