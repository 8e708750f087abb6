import Foundation
import GRUCore
import WeightFiles

/// Reads an input sequence (`--inputs FILE`), one input vector x per step, from:
///
/// - text: one vector per line, numbers separated by commas and/or spaces, `#` starting a
///   comment, blank lines skipped; this includes `.csv` files, with or without a header line
///   (a first line in which no field is a number), and quoted fields;
/// - NumPy `.npy` holding a T×I array (float32 or float64), or `.npz` holding exactly one such
///   array (a batch of one, 1×T×I or T×1×I, is accepted too).
///
/// The format is told by the content (the `.npy` and zip magic bytes), not by the name. `-` reads
/// standard input; `/dev/stdin`, pipes and `<(…)` work like files. Every problem is one message
/// naming the file (and the line, in text) and what was expected; nothing is returned then.
/// Limits (see README "Limits"): ``largestFileSize`` bytes read, ``largestArchiveSize`` unpacked
/// from an .npz, at most ``maximumSteps`` steps; values must be finite and within ±1e30.
public enum InputsFile {
    /// The largest inputs file read (text or NumPy).
    public static let largestFileSize = 64 << 20
    /// The most an .npz of inputs may unpack to.
    public static let largestArchiveSize = 256 << 20
    /// The most steps read: as many as a sequence holds.
    public static var maximumSteps: Int { GRUSequence.maximumSteps }

    /// The steps of a file: `steps` rows of `width` (= I) values, row-major.
    public struct Table: Sendable, Equatable {
        public let steps: Int
        public let width: Int
        public let values: [Float]

        /// One array per step.
        public var vectors: [[Float]] {
            (0..<steps).map { Array(values[$0 * width..<($0 + 1) * width]) }
        }
    }

    /// The vectors of a file, each checked against I; errors name the file and line.
    public static func read(path: String, inputSize: Int) throws(ScriptError) -> [[Float]] {
        try table(path: path, inputSize: inputSize).vectors
    }

    /// The steps of a file (`-` for standard input), each checked against I.
    public static func table(path: String, inputSize: Int) throws(ScriptError) -> Table {
        let name = path == "-" ? "standard input" : path
        return try parse(bytes: readBytes(path: path, name: name), name: name, inputSize: inputSize)
    }

    /// The vectors in a text, for tests and for text already read.
    public static func parse(_ text: String, name: String, inputSize: Int) throws(ScriptError) -> [[Float]] {
        try parse(bytes: Array(text.utf8), name: name, inputSize: inputSize).vectors
    }

    /// The steps in a file's bytes, whatever its format (what the fuzz target calls).
    public static func parse(bytes: [UInt8], name: String, inputSize: Int) throws(ScriptError) -> Table {
        precondition(inputSize > 0, "I is at least 1")
        if ArrayFile.kind(of: bytes) != nil {
            return try parseArray(bytes, name: name, inputSize: inputSize)
        }
        return try TextInputs(bytes: bytes, name: name, inputSize: inputSize).parse()
    }

    // MARK: NumPy

    private static func parseArray(_ bytes: [UInt8], name: String, inputSize: Int) throws(ScriptError) -> Table {
        let array: ArrayFile.Decoded
        do {
            array = try ArrayFile.single(in: bytes, unpackedLimit: largestArchiveSize, what: "inputs")
        } catch {
            throw ScriptError("\(name): \(error.message)")
        }
        let shapeText = array.shape.map(String.init).joined(separator: "×")
        var shape = array.shape
        // A batch of one, as frameworks feed sequences: (1, T, I) or (T, 1, I).
        if shape.count == 3, shape[0] == 1 || shape[1] == 1 { shape.remove(at: shape[0] == 1 ? 0 : 1) }
        if shape.count == 1 && inputSize == 1 { shape.append(1) }
        guard shape.count == 2 else {
            throw ScriptError(
                "\(name) holds an array of shape \(shapeText.isEmpty ? "()" : shapeText); expected T×I (I=\(inputSize)), "
                    + "one row per step: save it with x.reshape(-1, \(inputSize))")
        }
        guard shape[1] == inputSize else {
            throw ScriptError(
                "\(name) holds a \(shapeText) array: \(shape[1]) values per step, expected I=\(inputSize) (one row per step)")
        }
        guard shape[0] > 0 else {
            throw ScriptError("\(name) holds no input vectors (its array has 0 rows)")
        }
        guard shape[0] <= maximumSteps else {
            throw ScriptError("\(name) holds \(shape[0]) steps, more than the \(maximumSteps) a sequence holds")
        }
        if let index = array.values.firstIndex(where: { abs($0) > NumberList.largestMagnitude }) {
            throw ScriptError(
                "\(name): x[\(index % inputSize)] of step \(index / inputSize) is \(array.values[index]), "
                    + "out of range; use values between -1e30 and 1e30")
        }
        return Table(steps: shape[0], width: inputSize, values: array.values)
    }

    // MARK: Reading

    /// Every byte of a file, a pipe or standard input, refusing directories, unreadable files and
    /// anything past ``largestFileSize`` (a regular file before it is read).
    static func readBytes(path: String, name: String) throws(ScriptError) -> [UInt8] {
        let limit = largestFileSize
        func failure(_ reason: String) -> ScriptError { ScriptError("cannot read inputs file \(name): \(reason)") }
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            guard !path.isEmpty else { throw failure("no file name given") }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let code = errno
                switch code {
                case ENOENT: throw failure("no such file")
                case EACCES: throw failure("permission denied; check that you may read it (ls -l \(path))")
                default: throw failure(String(cString: strerror(code)))
                }
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw ScriptError("\(name) is a directory; give a file with one input vector per line, or an .npy/.npz/.csv file")
            case S_IFREG where Int(info.st_size) > limit:
                throw ScriptError(
                    "\(name) has \(info.st_size) bytes, more than the \(limit >> 20) MiB an inputs file may have")
            default: break
            }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got > 0 {
                guard bytes.count + got <= limit else {
                    throw ScriptError("\(name) holds more than the \(limit >> 20) MiB an inputs file may have")
                }
                bytes.append(contentsOf: chunk[0..<got])
            } else if got == 0 {
                break
            } else if errno != EINTR {
                let code = errno
                if code == EISDIR {
                    throw ScriptError("\(name) is a directory; give a file with one input vector per line, or an .npy/.npz/.csv file")
                }
                throw failure(String(cString: strerror(code)))
            }
        }
        return bytes
    }
}

/// Text inputs, line by line, straight from the bytes: the numbers of a well-formed line are
/// read with the C library's correctly rounded `strtof`; a line that is not well formed is handed
/// to ``NumberList`` for its message, so the wording is the same as everywhere else.
private struct TextInputs {
    let bytes: [UInt8]
    let name: String
    let inputSize: Int

    func parse() throws(ScriptError) -> InputsFile.Table {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ScriptError("\(name) is UTF-16 text; save it as UTF-8 (or ASCII), one input vector per line")
        }
        var values: [Float] = []
        var steps = 0, lineNumber = 0, contentLines = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var numbers: [Float] = []
        numbers.reserveCapacity(inputSize)
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = start..<end
            start = end + 1
            if let control = line.first(where: { Self.isBinary(bytes[$0]) }) {
                throw ScriptError(
                    "\(name) line \(lineNumber): byte 0x\(String(bytes[control], radix: 16, uppercase: true)) is not text; "
                        + "the file looks binary. Give one input vector per line, or an .npy/.npz file")
            }
            guard let content = Self.content(of: line, in: bytes) else { continue }
            contentLines += 1
            numbers.removeAll(keepingCapacity: true)
            if !Self.readNumbers(content, in: bytes, into: &numbers) {
                if contentLines == 1 && Self.isHeader(content, in: bytes) { continue }
                numbers = try slowNumbers(content, line: lineNumber)
            }
            guard numbers.count == inputSize else {
                throw ScriptError(
                    "\(name) line \(lineNumber) has \(numbers.count) number\(numbers.count == 1 ? "" : "s"), expected \(inputSize) (one input vector per line)")
            }
            guard steps < InputsFile.maximumSteps else {
                throw ScriptError("\(name) has more than \(InputsFile.maximumSteps) input vectors (at line \(lineNumber)), the most a sequence holds")
            }
            values.append(contentsOf: numbers)
            steps += 1
        }
        guard steps > 0 else {
            throw ScriptError("\(name) holds no input vectors; write one per line, e.g. 1, 2, 3, 4")
        }
        return InputsFile.Table(steps: steps, width: inputSize, values: values)
    }

    /// The line's message from ``NumberList``, which names the entry at fault.
    private func slowNumbers(_ content: Range<Int>, line: Int) throws(ScriptError) -> [Float] {
        let text = OneLine.clip(String(decoding: bytes[content], as: UTF8.self))
        do {
            return try NumberList.parse(text, what: "x")
        } catch {
            throw ScriptError("\(name) line \(line): \(error.message)")
        }
    }

    /// Control bytes other than tab, CR, vertical tab and form feed: a text file has none.
    private static func isBinary(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0B && byte != 0x0C) || byte == 0x7F
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The line without its comment and surrounding space (and brackets, as NumberList allows),
    /// or nil when nothing is left.
    private static func content(of line: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        var low = line.lowerBound, high = line.upperBound
        if let hash = line.first(where: { bytes[$0] == UInt8(ascii: "#") }) { high = hash }
        while low < high && isSpace(bytes[low]) { low += 1 }
        while high > low && isSpace(bytes[high - 1]) { high -= 1 }
        return low < high ? low..<high : nil
    }

    /// The numbers of a well-formed line, separated by commas and/or white space; false for
    /// anything NumberList would refuse or word differently.
    private static func readNumbers(_ content: Range<Int>, in bytes: [UInt8], into numbers: inout [Float]) -> Bool {
        var low = content.lowerBound, high = content.upperBound
        if bytes[low] == UInt8(ascii: "[") {
            low += 1
            if high > low && bytes[high - 1] == UInt8(ascii: "]") { high -= 1 }
        }
        var at = low
        var afterComma = false
        var sawComma = false
        while at < high {
            let byte = bytes[at]
            if isSpace(byte) { at += 1; continue }
            if byte == UInt8(ascii: ",") {
                // "1,,2", a leading or a trailing comma: NumberList says which.
                if afterComma || numbers.isEmpty { return false }
                afterComma = true
                sawComma = true
                at += 1
                continue
            }
            var end = at
            while end < high && !isSpace(bytes[end]) && bytes[end] != UInt8(ascii: ",") { end += 1 }
            var first = at, last = end
            if end - at >= 2 && bytes[at] == UInt8(ascii: "\"") && bytes[end - 1] == UInt8(ascii: "\"") {
                first += 1
                last -= 1
            }
            guard let value = number(bytes, first..<last) else { return false }
            numbers.append(value)
            afterComma = false
            at = end
        }
        return !(sawComma && afterComma) && !numbers.isEmpty
    }

    /// A plain decimal number (digits, sign, point, exponent), finite and within ±1e30.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Float? {
        let count = range.count
        guard count > 0 && count < 64 else { return nil }
        for index in range {
            let byte = bytes[index]
            let allowed = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            if !allowed { return nil }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Float? in
            for (offset, index) in range.enumerated() { buffer[offset] = CChar(bitPattern: bytes[index]) }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtof(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == count, value.isFinite,
                  abs(value) <= NumberList.largestMagnitude else { return nil }
            return value
        }
    }

    /// A first line in which no field is a number (nor NaN or infinity) and some letter
    /// appears: a CSV header.
    private static func isHeader(_ content: Range<Int>, in bytes: [UInt8]) -> Bool {
        var sawLetter = false
        var at = content.lowerBound
        while at < content.upperBound {
            var end = at
            while end < content.upperBound && bytes[end] != UInt8(ascii: ",") && !isSpace(bytes[end]) { end += 1 }
            if end > at {
                let field = String(decoding: bytes[at..<end], as: UTF8.self).lowercased()
                if number(bytes, at..<end) != nil || field.contains("nan") || field.contains("inf") { return false }
                if bytes[at..<end].contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { sawLetter = true }
            }
            at = end + 1
        }
        return sawLetter
    }
}

private enum OneLine {
    /// A line as an error quotes it: control characters escaped, at most 200 characters.
    static func clip(_ text: String) -> String {
        let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
        var result = ""
        for scalar in shown.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
