import TOMLKit

/// Reading TOML documents (catalogues, lessons) with errors that name the file and the line.
public enum TOMLText {
    /// The top table of a document, or an error naming the file and the line TOML stopped at.
    public static func parse(_ text: String, file: String) throws(UserError) -> TOMLTable {
        // TOMLKit hands the text to C as a NUL-terminated string: a NUL would silently end it.
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let line = text.unicodeScalars[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw UserError(key: "error.toml_nul", ["file": file, "line": String(line)])
        }
        // Checked before TOMLKit, whose toml++ aborts the program on some such text.
        if let (line, message) = TOMLPreflight.firstProblem(in: text) {
            throw UserError(key: "error.toml", ["file": file, "line": String(line), "message": message])
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
