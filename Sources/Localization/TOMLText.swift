import TOMLKit

/// Reading TOML documents (catalogues, lessons) with errors that name the file and the line.
public enum TOMLText {
    /// The top table of a document, or an error naming the file and the line TOML stopped at.
    /// What the TOML library cannot be trusted with is refused first: a NUL (which would end
    /// the text early) and a character outside ASCII outside quotes (on which toml++ aborts the
    /// program, see ``TOMLPreflight``).
    public static func parse(_ text: String, file: String) throws(UserError) -> TOMLTable {
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let line = text.unicodeScalars[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw UserError(key: "error.toml_nul", ["file": file, "line": String(line)])
        }
        if let (line, character) = TOMLPreflight.firstCharacterOutsideStrings(in: text) {
            throw UserError(key: "error.toml_outside_quotes", [
                "file": file, "line": String(line), "character": EchoText.printable(String(character)),
            ])
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw UserError(key: "error.toml", [
                "file": file, "line": String(error.source.begin.line), "message": error.description,
            ])
        } catch {
            throw UserError(key: "error.toml_unknown", ["file": file, "message": "\(error)"])
        }
    }
}
