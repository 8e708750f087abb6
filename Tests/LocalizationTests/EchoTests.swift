import Localization
import Testing

/// What a user typed comes back without control characters and cut short.
@Suite struct EchoTests {
    @Test func controlCharactersAreWrittenOut() {
        #expect(EchoText.escaped("lesson \u{1B}]0;PWNED\u{07}") == "lesson \\e]0;PWNED\\x07")
        #expect(EchoText.escaped("a\tb\nc\rd\u{0B}e\u{0C}") == "a\\tb\\nc\\rd\\x0Be\\x0C")
        #expect(EchoText.escaped("\u{85}\u{2028}\u{2029}\u{202E}\u{2066}\u{7F}\u{9B}") == "\\u{0085}\\u{2028}\\u{2029}\\u{202E}\\u{2066}\\x7F\\u{009B}")
        // Printable text, Chinese and combining marks stay as they are.
        #expect(EchoText.escaped("单元 4 keeps é and h̃ — 0.5") == "单元 4 keeps é and h̃ — 0.5")
    }

    @Test func escapingTwiceChangesNothingMore() {
        let once = EchoText.escaped("\u{1B}[2J\u{07}")
        #expect(EchoText.escaped(once) == once)
    }

    @Test func longEchoesAreCut() {
        let long = String(repeating: "x", count: 10_000_000)
        #expect(EchoText.printable(long) == String(repeating: "x", count: EchoText.defaultLimit) + "…")
        #expect(EchoText.printable("short") == "short")
    }

    @Test func messagesEscapeTheirValuesButNotTheirSentences() {
        let error = UserError(key: "error.script.unknown_command", ["name": "\u{1B}]0;PWNED\u{07}"])
        #expect(error.message == "unknown command '\\e]0;PWNED\\x07'; type help for the list")
        #expect(!error.message(in: .zh).unicodeScalars.contains { EchoText.needsEscape($0) })
        #expect(UserError("bad \u{1B}[31m file").message == "bad \\e[31m file")
    }

    @Test func nestedMessagesAreSaidInOneLanguage() {
        let inner = Message(key: "error.unit_range", ["unit": "9", "last": "5"])
        let error = UserError(key: "error.lesson.step", values: ["file": "x.toml", "step": "2", "message": .message(inner)])
        #expect(error.message == "x.toml step 2: unit 9 does not exist; units are numbered 0 to 5")
        #expect(error.message(in: .zh).contains("没有单元 9"))
    }
}
