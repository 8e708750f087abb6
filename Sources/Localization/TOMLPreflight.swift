/// A check of TOML text made before it is handed to the TOML library (TOMLKit, on toml++).
///
/// toml++ 3 aborts the whole program on an internal assertion, rather than reporting an error,
/// when a table header starts with a character outside ASCII (`[中]`, `[[é]]`; found by the
/// `theme` fuzz target). TOML 1.0 allows characters outside ASCII only inside strings and
/// comments, so such text is never valid: this check finds the first one elsewhere, and the
/// theme and lesson readers report it with its line instead of calling the library.
public enum TOMLPreflight {
    /// The 1-based line and the character of the first scalar outside ASCII that stands outside
    /// a string or comment, or nil when there is none.
    public static func firstCharacterOutsideStrings(in text: String) -> (line: Int, character: Unicode.Scalar)? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        /// Skips a string opened at `index` by `quote`; multi-line when tripled.
        func skipString(_ quote: Unicode.Scalar) {
            let tripled = at(1) == quote && at(2) == quote
            index += tripled ? 3 : 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    line += 1
                    if !tripled { return }  // unterminated: the library reports it
                }
                if quote == "\"" && scalar == "\\" {
                    if at(1) == "\n" { line += 1 }
                    index += 2
                    continue
                }
                if scalar == quote && (!tripled || (at(1) == quote && at(2) == quote)) {
                    index += tripled ? 3 : 1
                    // A tripled string may end with up to two more quotes of its own.
                    while tripled && at(0) == quote { index += 1 }
                    return
                }
                index += 1
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                line += 1
                index += 1
            case "#":
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
            case "\"", "'":
                skipString(scalar)
            default:
                if !scalar.isASCII { return (line, scalar) }
                index += 1
            }
        }
        return nil
    }
}
