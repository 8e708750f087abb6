/// A strict JSON reader that knows where it is: every error carries its line, and a value that
/// is not a finite number (Python's `NaN`, `Infinity`, `-Infinity`, or a number too large for
/// float32 inside an array) is refused with the array's name and index.
///
/// Foundation's JSONSerialization is not used because its messages give byte offsets at best
/// and it cannot say which array holds a NaN.
struct JSONReader {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// The keys and indices leading to the value being read, for messages.
    private var path: [JSONPathComponent] = []
    /// Weight files are two or three levels deep; the limit only protects the stack.
    static let maximumDepth = 64

    /// Whether arrays of numbers are packed into float32 blocks (weights) or kept as nodes
    /// holding exact doubles (a safetensors header's offsets).
    private var packsNumbers = true

    /// Reads one JSON document filling all of `bytes`.
    static func parse(_ bytes: [UInt8], packingNumbers: Bool = true) throws(FileProblem) -> JSONNode {
        var reader = JSONReader(bytes: bytes)
        reader.packsNumbers = packingNumbers
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
        reader.skipSpace()
        guard !reader.atEnd else { throw FileProblem("the file is empty; expected a JSON object of weight arrays") }
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.atEnd else {
            throw FileProblem(line: reader.line, "unexpected \(reader.found) after the end of the JSON document")
        }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var atEnd: Bool { position >= bytes.count }

    /// The byte at the current position as a user would read it.
    private var found: String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            position += 1
        }
    }

    private mutating func value(depth: Int) throws(FileProblem) -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw FileProblem(line: line, "values are nested more than \(Self.maximumDepth) levels deep")
        }
        guard position < bytes.count else {
            throw FileProblem(line: line, "the file ends where a value for \(place) should be")
        }
        let startLine = line
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return JSONNode(line: startLine, value: .string(try string()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "I") {
                return try word(startLine: startLine)
            }
            return JSONNode(line: startLine, value: .number(try number()))
        default: return try word(startLine: startLine)
        }
    }

    /// `true`, `false`, `null`, or a helpful refusal of Python's non-finite tokens and other words.
    private mutating func word(startLine: Int) throws(FileProblem) -> JSONNode {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        switch text {
        case "true": return JSONNode(line: startLine, value: .bool(true))
        case "false": return JSONNode(line: startLine, value: .bool(false))
        case "null": return JSONNode(line: startLine, value: .null)
        case "NaN", "Infinity", "-Infinity":
            throw FileProblem(
                line: startLine,
                "\(place) holds \(text), which is not a finite number; the weights must be finite "
                    + "(Python's json module writes \(text) for a non-finite float)")
        case "":
            position = start
            throw FileProblem(line: startLine, "expected a value for \(place) but found \(found)")
        default:
            let hint = ["True": " (JSON spells it true)", "False": " (JSON spells it false)",
                        "None": " (JSON spells it null)", "nan": "", "inf": "", "-inf": ""][text] ?? ""
            throw FileProblem(
                line: startLine, "unexpected '\(OneLine.clean(String(text.prefix(40))))' where a value for \(place) should be\(hint)")
        }
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private mutating func number() throws(FileProblem) -> Double {
        let start = position, startLine = line
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - from
        }
        func malformed() -> FileProblem {
            while position < bytes.count, isWordByte(bytes[position]) || bytes[position] == UInt8(ascii: ".")
                || bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            return FileProblem(line: startLine, "'\(OneLine.clean(String(text.prefix(40))))' in \(place) is not a JSON number")
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw malformed() }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw malformed() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw malformed() }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw malformed() }
        }
        if position < bytes.count, isWordByte(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
            throw malformed()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        // Swift's Double(String) reads with the C locale whatever locale the program set.
        guard let value = Double(text) else { throw malformed() }
        if case .index = path.last, !(abs(value) <= Double(Float.greatestFiniteMagnitude)) {
            throw FileProblem(
                line: startLine,
                "\(place) holds \(OneLine.clean(String(text.prefix(40)))), too large for float32; "
                    + "the weights must be finite float32 numbers")
        }
        return value
    }

    private mutating func string() throws(FileProblem) -> String {
        let startLine = line
        position += 1
        var utf8: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw FileProblem(
                        line: startLine,
                        "a string holds bytes that are not UTF-8 (\(OneLine.quoted(String(decoding: utf8, as: UTF8.self)))); "
                            + "save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    utf8.append(contentsOf: try unicodeEscape(startLine: startLine))
                default:
                    position -= 1
                    throw FileProblem(line: line, "a string holds the escape '\\' followed by \(found), which JSON does not know")
                }
            case 0x0A:
                throw FileProblem(line: startLine, "a string starting on line \(startLine) runs past the end of its line; close it with \"")
            case 0x00..<0x20:
                throw FileProblem(line: line, "a string holds the control byte 0x\(String(byte, radix: 16)); escape it")
            default:
                utf8.append(byte)
            }
        }
        throw FileProblem(line: startLine, "the file ends inside a string that starts on line \(startLine)")
    }

    /// The UTF-8 bytes of a `\uXXXX` escape (after the `u`), joining surrogate pairs.
    private mutating func unicodeEscape(startLine: Int) throws(FileProblem) -> [UInt8] {
        func hex4() throws(FileProblem) -> UInt32 {
            guard position + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16)
            else { throw FileProblem(line: line, "a string holds '\\u' without four hexadecimal digits after it") }
            position += 4
            return value
        }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), position + 6 <= bytes.count,
           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            let saved = position
            position += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = saved
            }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func object(depth: Int) throws(FileProblem) -> JSONNode {
        let startLine = line
        position += 1
        var members: [JSONMember] = []
        var seen: [String: Int] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return JSONNode(line: startLine, value: .object([]))
        }
        while true {
            skipSpace()
            guard position < bytes.count else {
                throw FileProblem(line: line, "the file ends inside an object, opened on line \(startLine)")
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                let hint = bytes[position] == UInt8(ascii: "'") ? " (JSON keys need double quotes)" : ""
                let trailing = bytes[position] == UInt8(ascii: "}") && !members.isEmpty
                    ? " (JSON allows no comma before '}')" : hint
                throw FileProblem(line: line, "expected a key in double quotes but found \(found)\(trailing)")
            }
            let keyLine = line
            let key = try string()
            if let earlier = seen[key] {
                throw FileProblem(
                    line: keyLine, "the key \(OneLine.quoted(key)) appears twice (first on line \(earlier)); keep one")
            }
            seen[key] = keyLine
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw FileProblem(line: line, "expected ':' after the key \(OneLine.quoted(key)) but found \(found)")
            }
            position += 1
            skipSpace()
            path.append(.key(key))
            let item = try value(depth: depth + 1)
            path.removeLast()
            members.append(JSONMember(key: key, line: keyLine, value: item))
            skipSpace()
            guard position < bytes.count else {
                throw FileProblem(line: line, "the file ends inside an object, opened on line \(startLine)")
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return JSONNode(line: startLine, value: .object(members))
            } else {
                throw FileProblem(
                    line: line,
                    "expected ',' or '}' after the value of \(OneLine.quoted(key)) but found \(found)")
            }
        }
    }

    /// Reads an array, packing it into a block of numbers while every element allows.
    private mutating func array(depth: Int) throws(FileProblem) -> JSONNode {
        let startLine = line
        position += 1
        var packing = ArrayPacking(keepsNodes: !packsNumbers)
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return JSONNode(line: startLine, value: packsNumbers ? .numbers(shape: [0], values: []) : .array([]))
        }
        while true {
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                throw FileProblem(line: line, "a comma before ']' in \(arrayPlace); JSON allows no trailing comma")
            }
            path.append(.index(packing.count))
            let element = try value(depth: depth + 1)
            path.removeLast()
            packing.append(element)
            skipSpace()
            guard position < bytes.count else {
                throw FileProblem(line: line, "the file ends inside \(arrayPlace), opened on line \(startLine)")
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return JSONNode(line: startLine, value: packing.value)
            } else {
                throw FileProblem(
                    line: line,
                    "expected ',' or ']' after element [\(packing.count - 1)] of \(arrayPlace) but found \(found)")
            }
        }
    }

    /// The value being read, described for a message: `array 'gates/kernel' at [3][4]`.
    private var place: String {
        JSONPathComponent.describe(path)
    }

    /// The array being read, described for a message: `array 'weight_ih'`.
    private var arrayPlace: String {
        JSONPathComponent.describe(path, isArray: true)
    }
}

/// One step of the path to a value: an object key or an array index.
enum JSONPathComponent {
    case key(String)
    case index(Int)

    /// `array 'gates/kernel' at [3][4]`, `key 'variant'`, or `the top-level value`.
    static func describe(_ path: [JSONPathComponent], isArray: Bool = false) -> String {
        var keys: [String] = []
        var rest = ""
        for component in path {
            switch component {
            case let .key(key):
                if rest.isEmpty { keys.append(key) } else { rest += "/" + key }
            case let .index(index):
                rest += "[\(index)]"
            }
        }
        let name = OneLine.quoted(keys.joined(separator: "/"))
        switch (keys.isEmpty, rest.isEmpty) {
        case (true, true): return isArray ? "the top-level array" : "the top-level value"
        case (true, false): return "the top-level array at \(rest)"
        case (false, true): return isArray ? "array \(name)" : "key \(name)"
        case (false, false): return "array \(name) at \(rest)"
        }
    }
}

/// Builds an array's value element by element: numbers, then equal-shaped blocks of numbers,
/// stay packed as float32; anything else falls back to a list of nodes.
///
/// The storage lives in plain properties rather than enum payloads so that appending never
/// copies the array built so far.
private struct ArrayPacking {
    private enum Kind {
        case empty, numbers, blocks, mixed
    }

    private var kind: Kind
    private var values: [Float] = []
    private var blockShape: [Int] = []
    private var nodes: [JSONNode] = []
    private(set) var count = 0
    /// Packed elements do not keep their lines; should the array turn out mixed, those read
    /// before the mix was seen report the line of the first element.
    private var firstLine = 0

    /// With `keepsNodes` every element stays a node of its own.
    init(keepsNodes: Bool) {
        kind = keepsNodes ? .mixed : .empty
    }

    mutating func append(_ node: JSONNode) {
        if count == 0 { firstLine = node.line }
        count += 1
        switch (kind, node.value) {
        case let (.empty, .number(value)):
            kind = .numbers
            values.append(Float(value))
        case let (.empty, .numbers(shape, childValues)):
            kind = .blocks
            blockShape = shape
            values.append(contentsOf: childValues)
        case (.empty, _):
            kind = .mixed
            nodes.append(node)
        case let (.numbers, .number(value)):
            values.append(Float(value))
        case let (.blocks, .numbers(shape, childValues)) where shape == blockShape:
            values.append(contentsOf: childValues)
        case (.mixed, _):
            nodes.append(node)
        default:
            unpack()
            nodes.append(node)
        }
    }

    /// The finished array.
    var value: JSONValue {
        switch kind {
        case .empty: return .numbers(shape: [0], values: [])
        case .numbers: return .numbers(shape: [values.count], values: values)
        case .blocks: return .numbers(shape: [count] + blockShape, values: values)
        case .mixed: return .array(nodes)
        }
    }

    /// Turns the packed elements (all but the one being appended) back into separate nodes.
    private mutating func unpack() {
        switch kind {
        case .numbers:
            nodes = values.map { JSONNode(line: firstLine, value: .number(Double($0))) }
        case .blocks:
            let size = WeightArray.elementCount(blockShape) ?? 0
            nodes = (0..<(count - 1)).map { k in
                JSONNode(
                    line: firstLine,
                    value: .numbers(shape: blockShape, values: Array(values[(k * size)..<((k + 1) * size)])))
            }
        case .empty, .mixed:
            break
        }
        values = []
        kind = .mixed
    }
}
