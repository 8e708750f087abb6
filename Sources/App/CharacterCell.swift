import Localization

/// A character of a model's vocabulary as one cell, the same in the x row and the timeline.
enum CharacterCell {
    /// A space as ␣ (`_` in ASCII), anything unprintable or wide as `?`, anything not ASCII as
    /// `?` under `--ascii` and `LANG=C`.
    static func shown(_ character: Character, glyphs: Glyphs) -> String {
        if character == " " { return glyphs == .unicode ? "␣" : "_" }
        let text = EchoText.printable(String(character))
        guard DisplayWidth.of(text) == 1, glyphs == .unicode || character.isASCII else { return "?" }
        return text
    }
}
