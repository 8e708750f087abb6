/// Reading TOML documents (catalogues, lessons, session files, example models) with errors that
/// name the file and the line.
public enum TOMLText {
    /// The top table of a document, or an error naming the file and the line TOML stopped at.
    public static func parse(_ text: String, file: String) throws(UserError) -> TOMLTable {
        // Said apart from other control characters: a NUL means the file is not text at all.
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw UserError(key: "error.toml_nul", ["file": file, "line": String(line)])
        }
        do {
            return try TOMLParser.parse(text)
        } catch {
            throw UserError(key: "error.toml", ["file": file, "line": String(error.line), "message": error.message])
        }
    }
}
