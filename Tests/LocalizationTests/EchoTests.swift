import Localization
import Testing

/// What a user typed comes back without control characters and cut short.
@Suite struct EchoTests {
    @Test func controlCharactersAreWrittenOut() {
        #expect(Echo.escaped("lesson \u{1B}]0;PWNED\u{07}") == "lesson \\e]0;PWNED\\u{7}")
        #expect(Echo.escaped("a\tb\nc\rd\u{0B}e\u{0C}") == "a\\tb\\nc\\rd\\u{B}e\\u{C}")
        #expect(Echo.escaped("\u{85}\u{2028}\u{2029}\u{202E}\u{2066}\u{7F}\u{9B}") == "\\u{85}\\u{2028}\\u{2029}\\u{202E}\\u{2066}\\u{7F}\\u{9B}")
        // Printable text, Chinese and combining marks stay as they are.
        #expect(Echo.escaped("单元 4 keeps é and h̃ — 0.5") == "单元 4 keeps é and h̃ — 0.5")
    }

    @Test func escapingTwiceChangesNothingMore() {
        let once = Echo.escaped("\u{1B}[2J\u{07}")
        #expect(Echo.escaped(once) == once)
    }

    @Test func longEchoesAreCut() {
        let long = String(repeating: "x", count: 10_000_000)
        let clipped = Echo.clipped(long)
        #expect(clipped == String(repeating: "x", count: Echo.longest) + "…")
        #expect(Echo.clipped("short") == "short")
        #expect(Echo.clipped(String(repeating: "y", count: Echo.longest)) == String(repeating: "y", count: Echo.longest))
        // An escape is never cut in half: the cut counts the characters typed.
        let bells = String(repeating: "\u{07}", count: Echo.longest + 1)
        #expect(Echo.clipped(bells) == String(repeating: "\\u{7}", count: Echo.longest) + "…")
    }

    @Test func messagesEscapeTheirValuesButNotTheirSentences() {
        let error = UserError(key: "error.script.unknown_command", ["name": "\u{1B}]0;PWNED\u{07}"])
        #expect(error.message == "unknown command '\\e]0;PWNED\\u{7}'; type help for the list")
        #expect(!error.message(in: .zh).unicodeScalars.contains { Echo.needsEscape($0) })
        #expect(UserError("bad \u{1B}[31m file").message == "bad \\e[31m file")
    }

    @Test func nestedMessagesAreSaidInOneLanguage() {
        let inner = Message(key: "error.unit_range", ["unit": "9", "last": "5"])
        let error = UserError(key: "error.lesson.step", values: ["file": "x.toml", "step": "2", "message": .message(inner)])
        #expect(error.message == "x.toml step 2: unit 9 does not exist; units are numbered 0 to 5")
        #expect(error.message(in: .zh).contains("没有单元 9"))
    }
}
