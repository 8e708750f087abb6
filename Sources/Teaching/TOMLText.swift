import Script
import TOMLKit

/// Reading TOML documents with errors that name the file and the line.
enum TOMLText {
    /// The top table of a document, or an error naming the file and the line TOML stopped at.
    static func parse(_ text: String, file: String, language: Language) throws(ScriptError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ScriptError(language.text("error.toml", [
                "file": file, "line": String(error.source.begin.line), "message": error.description,
            ]))
        } catch {
            throw ScriptError(language.text("error.toml_unknown", ["file": file, "message": "\(error)"]))
        }
    }
}
