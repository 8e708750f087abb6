import Foundation

/// Reads `--inputs FILE`: one input vector per line, numbers separated by commas or spaces,
/// `#` starting a comment, blank lines skipped.
public enum InputsFile {
    /// The largest inputs file read; a sequence this long is far past any teaching use.
    public static let largestFileSize = 64 << 20

    /// The vectors of a file, each checked against I; errors name the file and line.
    public static func read(path: String, inputSize: Int) throws(ScriptError) -> [[Float]] {
        let text: String
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > largestFileSize {
                throw ScriptError("\(path) is \(size >> 20) MiB; inputs files are limited to \(largestFileSize >> 20) MiB")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ScriptError("\(path) is not UTF-8 text; write one input vector per line, e.g. 1, 2, 3, 4")
            }
            text = decoded
        } catch let error as ScriptError {
            throw error
        } catch {
            throw ScriptError("cannot read inputs file \(path): \(error.localizedDescription)")
        }
        return try parse(text, name: path, inputSize: inputSize)
    }

    /// The vectors in a text, for tests and for files already read.
    public static func parse(_ text: String, name: String, inputSize: Int) throws(ScriptError) -> [[Float]] {
        var vectors: [[Float]] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let what = "\(name) line \(offset + 1)"
            let values: [Float]
            do {
                values = try NumberList.parse(line, what: "x")
            } catch {
                throw ScriptError("\(what): \(error.message)")
            }
            guard values.count == inputSize else {
                throw ScriptError("\(what) has \(values.count) number\(values.count == 1 ? "" : "s"), expected \(inputSize) (one input vector per line)")
            }
            vectors.append(values)
        }
        guard !vectors.isEmpty else {
            throw ScriptError("\(name) holds no input vectors; write one per line, e.g. 1, 2, 3, 4")
        }
        return vectors
    }
}
