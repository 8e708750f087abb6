/// A TOML 1.0 reader (https://toml.io/en/v1.0.0) for every TOML file gruscope reads:
/// catalogues, themes, lessons, session files and example models.
///
/// It is gruscope's own, written for files from strangers: it never traps, never recurses deeper
/// than ``deepestNesting``, allocates in proportion to the text (whose size each caller limits
/// first), keeps nothing between calls, and reports the first problem with its line. Its answers
/// are checked against Python's `tomllib` (Tests/Fixtures/toml, made by scripts/make-toml-fixtures.py).
public struct TOMLParser {
    /// The most tables and lists one value may sit inside (headers, dotted keys, inline tables
    /// and lists together). No gruscope file needs more than 5.
    public static let deepestNesting = 64

    /// The document's top table, or the first problem.
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = TOMLParser(bytes: Array(text.utf8))
        return try parser.document()
    }

    /// A bare key's characters: ASCII letters, digits, `_` and `-`.
    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isBareKeyByte(UInt8(scalar.value))
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || byte == 0x5F || byte == 0x2D
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: The tree while it is built

    /// A table being filled: its entries and how it came to be, which decides what may still
    /// add to it (TOML's rules against defining a table twice).
    private final class Box {
        enum Entry {
            case value(TOMLValue)
            case table(Box)
            /// `[[name]]`: the tables so far; a header or key below `name` goes to the last.
            case tables([Box])
        }

        var entries: [String: Entry] = [:]
        let depth: Int
        /// Defined by a `[header]` or as one `[[header]]` entry.
        var byHeader = false
        /// Made by dotted keys (`a.b = 1`) in this section (header number); nil otherwise.
        var dottedSection: Int?

        init(depth: Int) { self.depth = depth }

        func value() -> TOMLTable {
            var table = TOMLTable()
            for (key, entry) in entries {
                switch entry {
                case let .value(value): table[key] = value
                case let .table(box): table[key] = .table(box.value())
                case let .tables(boxes): table[key] = .array(boxes.map { .table($0.value()) })
                }
            }
            return table
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// The number of headers read so far: the section key/value lines belong to.
    private var section = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func byte(at offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    // MARK: The document

    private mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
        let root = Box(depth: 0)
        var table = root
        // A byte-order mark, as some Windows editors write, is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipSpaces()
            guard let byte = current else { break }
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "["):
                table = try header(root)
            default:
                try keyValue(into: table)
            }
            try endOfLine()
        }
        return root.value()
    }

    /// After an expression: spaces, perhaps a comment, then a line break or the end.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        skipSpaces()
        if current == UInt8(ascii: "#") { try comment() }
        guard let byte = current else { return }
        if byte == UInt8(ascii: "\n") {
            index += 1
        } else if byte == UInt8(ascii: "\r") && self.byte(at: 1) == UInt8(ascii: "\n") {
            index += 2
        } else {
            throw problem("expected the end of the line, found \(found())")
        }
    }

    private mutating func comment() throws(TOMLSyntaxError) {
        index += 1
        while let byte = current, byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r") && self.byte(at: 1) == UInt8(ascii: "\n") { return }
            if Self.isControl(byte) { throw problem("\(found()) in a comment; a comment is plain text") }
            index += 1
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table that key/value lines now fill.
    private mutating func header(_ root: Box) throws(TOMLSyntaxError) -> Box {
        let start = index
        let isList = byte(at: 1) == UInt8(ascii: "[")
        index += isList ? 2 : 1
        skipSpaces()
        guard let first = current, Self.isBareKeyByte(first) || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else {
            throw problem(Self.isNonASCII(current)
                ? "\(found()) outside quotes; names outside ASCII must be quoted"
                : "a table name must follow '[' (letters, digits, _ and -, or a quoted name)")
        }
        let path = try key()
        let close = isList ? "]]" : "]"
        guard current == UInt8(ascii: "]"), !isList || byte(at: 1) == UInt8(ascii: "]") else {
            throw problem("expected '\(close)' to end the table name, found \(found())")
        }
        index += isList ? 2 : 1
        section += 1
        let shown = "[" + (isList ? "[" : "") + path.map(TOMLTable.keyText).joined(separator: ".") + close
        var table = root
        for name in path.dropLast() {
            switch table.entries[name] {
            case nil:
                let made = try box(below: table, at: start)
                table.entries[name] = .table(made)
                table = made
            case let .table(box)?:
                table = box
            case let .tables(boxes)?:
                table = boxes[boxes.count - 1]
            case .value?:
                throw problem("\(shown): '\(name)' is already a value, not a table", at: start)
            }
        }
        let name = path[path.count - 1]
        if isList {
            // Two levels, as when written inline: `name = [{ … }]`.
            let made = try box(below: table, at: start, levels: 2)
            made.byHeader = true
            switch table.entries[name] {
            case nil: table.entries[name] = .tables([made])
            case let .tables(boxes)?: table.entries[name] = .tables(boxes + [made])
            default: throw problem("\(shown): '\(name)' is already defined, not as a list of tables", at: start)
            }
            return made
        }
        switch table.entries[name] {
        case nil:
            let made = try box(below: table, at: start)
            made.byHeader = true
            table.entries[name] = .table(made)
            return made
        case let .table(box)? where !box.byHeader && box.dottedSection == nil:
            // Made on the way to a deeper header (`[a.b]` before `[a]`): defined now.
            box.byHeader = true
            return box
        default:
            throw problem("\(shown) is defined twice", at: start)
        }
    }

    /// A new table inside `table`; `levels` is 2 for an entry of a list of tables.
    private func box(below table: Box, at start: Int, levels: Int = 1) throws(TOMLSyntaxError) -> Box {
        guard table.depth + levels <= Self.deepestNesting else {
            throw problem("lists and tables nested more than \(Self.deepestNesting) deep", at: start)
        }
        return Box(depth: table.depth + levels)
    }

    /// `key = value` into `table`; a dotted key makes (or goes into) tables of its own.
    private mutating func keyValue(into table: Box) throws(TOMLSyntaxError) {
        let start = index
        guard let first = current, Self.isBareKeyByte(first) || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else {
            throw problem(Self.isNonASCII(current)
                ? "\(found()) outside quotes; names outside ASCII must be quoted"
                : "expected a name (letters, digits, _ and -, or a quoted name), found \(found())")
        }
        let path = try key()
        skipSpaces()
        guard current == UInt8(ascii: "=") else {
            throw problem("expected '=' after the name '\(Self.shown(path))', found \(found())")
        }
        index += 1
        skipSpaces()
        var target = table
        for name in path.dropLast() {
            switch target.entries[name] {
            case nil:
                let made = try box(below: target, at: start)
                made.dottedSection = section
                target.entries[name] = .table(made)
                target = made
            case let .table(box)? where box.dottedSection == section && !box.byHeader:
                target = box
            case let .table(box)? where box.dottedSection == nil && !box.byHeader:
                // Made on the way to a deeper header (`[a.b.c]` then `[a]`, `b.d = 1`): from
                // now on it is defined by dotted keys, and no header may define it.
                box.dottedSection = section
                target = box
            case .table?, .tables?:
                throw problem("'\(Self.shown(path))': the table '\(name)' is defined elsewhere; add to it there", at: start)
            case .value?:
                throw problem("'\(Self.shown(path))': '\(name)' is already a value, not a table", at: start)
            }
        }
        let name = path[path.count - 1]
        guard target.entries[name] == nil else {
            throw problem("'\(Self.shown(path))' is defined twice", at: start)
        }
        target.entries[name] = .value(try value(depth: target.depth + 1))
    }

    // MARK: Keys

    /// A key: names joined by dots, each bare or quoted, with spaces around the dots.
    private mutating func key() throws(TOMLSyntaxError) -> [String] {
        var path: [String] = []
        while true {
            guard path.count < Self.deepestNesting else {
                throw problem("a name of more than \(Self.deepestNesting) parts")
            }
            path.append(try simpleKey())
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return path }
            index += 1
            skipSpaces()
        }
    }

    private mutating func simpleKey() throws(TOMLSyntaxError) -> String {
        switch current {
        case UInt8(ascii: "\"")?:
            if isTriple(UInt8(ascii: "\"")) { throw problem("a name cannot be a \"\"\" string") }
            return try basicString()
        case UInt8(ascii: "'")?:
            if isTriple(UInt8(ascii: "'")) { throw problem("a name cannot be a ''' string") }
            return try literalString()
        default:
            let start = index
            while let byte = current, Self.isBareKeyByte(byte) { index += 1 }
            guard index > start else {
                throw problem(Self.isNonASCII(current)
                    ? "\(found()) outside quotes; names outside ASCII must be quoted"
                    : "expected a name after '.', found \(found())")
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard let byte = current else { throw problem("a value must follow '='") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if isTriple(byte) { return .string(try multilineString()) }
            return .string(byte == UInt8(ascii: "'") ? try literalString() : try basicString())
        case UInt8(ascii: "["):
            return try array(depth: depth)
        case UInt8(ascii: "{"):
            return try inlineTable(depth: depth)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            for (word, flag) in [("true", true), ("false", false)] where hasWord(word) {
                index += word.utf8.count
                return .boolean(flag)
            }
            throw problem("expected a value, found \(tokenShown())")
        default:
            return try numberOrDate()
        }
    }

    /// Whether the text at the cursor is `word`, not followed by more of a name.
    private func hasWord(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) else { return false }
        return !(byte(at: utf8.count).map(Self.isBareKeyByte) ?? false)
    }

    private mutating func array(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth <= Self.deepestNesting else { throw problem("lists and tables nested more than \(Self.deepestNesting) deep") }
        index += 1
        var values: [TOMLValue] = []
        while true {
            try skipBlankLinesAndComments()
            if current == UInt8(ascii: "]") { break }
            guard current != nil else { throw problem("a list is not closed with ']'") }
            if current == UInt8(ascii: ",") || current == UInt8(ascii: "}") {
                throw problem("a value must come before '\(Character(Unicode.Scalar(current!)))' in a list")
            }
            values.append(try value(depth: depth + 1))
            try skipBlankLinesAndComments()
            if current == UInt8(ascii: ",") {
                index += 1
            } else if current == UInt8(ascii: "]") {
                break
            } else {
                throw problem(current == nil ? "a list is not closed with ']'" : "expected ',' or ']' in a list, found \(found())")
            }
        }
        index += 1
        return .array(values)
    }

    private mutating func inlineTable(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth <= Self.deepestNesting else { throw problem("lists and tables nested more than \(Self.deepestNesting) deep") }
        index += 1
        let table = Box(depth: depth)
        // Dotted keys inside belong to this table alone.
        let outer = section
        section = -1
        defer { section = outer }
        skipSpaces()
        if current == UInt8(ascii: "}") {
            index += 1
            return .table(table.value())
        }
        while true {
            skipSpaces()
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") || current == nil {
                throw problem("an inline table { … } must end on its line, with '}'")
            }
            try keyValue(into: table)
            skipSpaces()
            if current == UInt8(ascii: ",") {
                index += 1
            } else if current == UInt8(ascii: "}") {
                index += 1
                return .table(table.value())
            } else {
                throw problem(current == nil || current == UInt8(ascii: "\n")
                    ? "an inline table { … } must end on its line, with '}'"
                    : "expected ',' or '}' in an inline table, found \(found())")
            }
        }
    }

    /// Spaces, line breaks and comments, as a list allows between its values.
    private mutating func skipBlankLinesAndComments() throws(TOMLSyntaxError) {
        while let byte = current {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                index += 1
            } else if byte == UInt8(ascii: "\r") && self.byte(at: 1) == UInt8(ascii: "\n") {
                index += 2
            } else if byte == UInt8(ascii: "#") {
                try comment()
            } else {
                return
            }
        }
    }

    private mutating func skipSpaces() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    // MARK: Strings

    private mutating func basicString() throws(TOMLSyntaxError) -> String {
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else { throw problem("a string is not closed with '\"' on its line") }
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &text)
            } else {
                if Self.isControl(byte) { throw problem("\(found()) in a string; write it as an escape such as \\t or \\u0001") }
                text.append(byte)
                index += 1
            }
        }
    }

    /// Three quotes at the cursor.
    private func isTriple(_ quote: UInt8) -> Bool {
        current == quote && byte(at: 1) == quote && byte(at: 2) == quote
    }

    /// A `"""` string (with escapes) or a `'''` string (without), opened at the cursor.
    private mutating func multilineString() throws(TOMLSyntaxError) -> String {
        let quote = bytes[index]
        index += 3
        skipFirstLineBreak()
        var text: [UInt8] = []
        while true {
            guard let byte = current else {
                throw problem("a \(quote == UInt8(ascii: "'") ? "'''" : "\"\"\"") string is not closed")
            }
            if isTriple(quote) {
                try closeMultiline(quote: quote, into: &text)
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                try backslash(into: &text)
            } else {
                try multilineCharacter(byte, into: &text)
            }
        }
    }

    /// In a `"""` string: a backslash at the end of a line joins the next non-blank text to
    /// this; anywhere else it starts an escape.
    private mutating func backslash(into text: inout [UInt8]) throws(TOMLSyntaxError) {
        var after = index + 1
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") { after += 1 }
        guard after < bytes.count, bytes[after] == UInt8(ascii: "\n") || (bytes[after] == UInt8(ascii: "\r") && after + 1 < bytes.count && bytes[after + 1] == UInt8(ascii: "\n")) else {
            try escape(into: &text)
            return
        }
        index = after
        while let next = current, next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
            || (next == UInt8(ascii: "\r") && byte(at: 1) == UInt8(ascii: "\n")) {
            index += 1
        }
    }

    private mutating func literalString() throws(TOMLSyntaxError) -> String {
        index += 1
        let start = index
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else { throw problem("a string is not closed with \"'\" on its line") }
            if byte == UInt8(ascii: "'") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if Self.isControl(byte) { throw problem("\(found()) in a string; a '…' string cannot hold it") }
            index += 1
        }
    }

    private mutating func skipFirstLineBreak() {
        if current == UInt8(ascii: "\n") {
            index += 1
        } else if current == UInt8(ascii: "\r") && byte(at: 1) == UInt8(ascii: "\n") {
            index += 2
        }
    }

    /// At three quotes: up to two more are the string's own last characters.
    private mutating func closeMultiline(quote: UInt8, into text: inout [UInt8]) throws(TOMLSyntaxError) {
        var run = 0
        while current == quote { run += 1; index += 1 }
        guard run <= 5 else { throw problem("more than five quotes end a string") }
        text.append(contentsOf: repeatElement(quote, count: run - 3))
    }

    private mutating func multilineCharacter(_ byte: UInt8, into text: inout [UInt8]) throws(TOMLSyntaxError) {
        // A line break is kept as \n whichever way the file ends its lines (as tomllib does).
        if byte == UInt8(ascii: "\r") && self.byte(at: 1) == UInt8(ascii: "\n") {
            text.append(UInt8(ascii: "\n"))
            index += 2
            return
        }
        if byte != UInt8(ascii: "\n") && Self.isControl(byte) {
            throw problem("\(found()) in a string; write it as an escape such as \\t or \\u0001")
        }
        text.append(byte)
        index += 1
    }

    private mutating func escape(into text: inout [UInt8]) throws(TOMLSyntaxError) {
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        guard let letter = byte(at: 1) else { throw problem("a string ends in '\\'") }
        if let replacement = simple[letter] {
            text.append(replacement)
            index += 2
            return
        }
        let digits = letter == UInt8(ascii: "u") ? 4 : letter == UInt8(ascii: "U") ? 8 : 0
        guard digits > 0 else {
            index += 1
            throw problem("'\\' then \(found()) is not an escape; use \\\\ for a backslash")
        }
        guard index + 2 + digits <= bytes.count,
              let code = UInt32(String(decoding: bytes[(index + 2)..<(index + 2 + digits)], as: UTF8.self), radix: 16),
              bytes[(index + 2)..<(index + 2 + digits)].allSatisfy({ Self.isHexDigit($0) }),
              let scalar = Unicode.Scalar(code)
        else {
            throw problem("\\\(Character(Unicode.Scalar(letter))) must be followed by \(digits) hex digits of a Unicode scalar value")
        }
        text.append(contentsOf: Array(String(scalar).utf8))
        index += 2 + digits
    }

    // MARK: Numbers, booleans and dates

    private mutating func numberOrDate() throws(TOMLSyntaxError) -> TOMLValue {
        let start = index
        var end = index
        while end < bytes.count, Self.isTokenByte(bytes[end]) { end += 1 }
        // A date and a time may be joined by a space instead of a T.
        if end - start == 10, end + 3 < bytes.count, bytes[end] == UInt8(ascii: " "),
           Self.isDigit(bytes[end + 1]), Self.isDigit(bytes[end + 2]), bytes[end + 3] == UInt8(ascii: ":"),
           Self.isDate(Array(bytes[start..<end])) {
            end += 1
            while end < bytes.count, Self.isTokenByte(bytes[end]) { end += 1 }
        }
        let token = Array(bytes[start..<end])
        guard !token.isEmpty else { throw problem("expected a value, found \(found())") }
        let text = String(decoding: token, as: UTF8.self)
        if let value = Self.number(token, text) {
            index = end
            return value
        }
        if Self.isDateTime(token) {
            index = end
            return .dateTime(text)
        }
        throw problem("'\(EchoText.printable(text, limit: 40))' is not a value (a number, true, false, a \"text\", a list or a date)")
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// Digits of `isDigit`, with single `_` only between two of them.
    private static func isDigits(_ part: ArraySlice<UInt8>, _ isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = part.first, let last = part.last, isDigit(first), isDigit(last) else { return false }
        var previousUnderscore = false
        for byte in part {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if isDigit(byte) {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    private static func number(_ token: [UInt8], _ text: String) -> TOMLValue? {
        var body = token[...]
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        let word = String(decoding: body, as: UTF8.self)
        if word == "inf" { return .float(negative ? -.infinity : .infinity) }
        if word == "nan" { return .float(.nan) }
        let hasSign = body.count < token.count
        // 0x, 0o, 0b: integers without a sign.
        if !hasSign, body.count > 2, body.first == UInt8(ascii: "0") {
            let radix: Int? = switch body[body.startIndex + 1] {
            case UInt8(ascii: "x"): 16
            case UInt8(ascii: "o"): 8
            case UInt8(ascii: "b"): 2
            default: nil
            }
            if let radix {
                let digits = body.dropFirst(2)
                let highest = UInt8(ascii: "0") + UInt8(min(radix, 10) - 1)
                let valid: (UInt8) -> Bool = { byte in
                    radix == 16 ? isHexDigit(byte) : byte >= UInt8(ascii: "0") && byte <= highest
                }
                guard isDigits(digits, valid) else { return nil }
                return Int(String(decoding: digits.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self), radix: radix).map(TOMLValue.integer)
            }
        }
        // Decimal: an integer part without leading zeros, then a fraction and an exponent.
        var rest = body
        let integerEnd = rest.firstIndex { !isDigit($0) && $0 != UInt8(ascii: "_") } ?? rest.endIndex
        let integer = rest[rest.startIndex..<integerEnd]
        guard isDigits(integer, isDigit), integer.count == 1 || integer.first != UInt8(ascii: "0") else { return nil }
        rest = rest[integerEnd...]
        if rest.isEmpty {
            let digits = String(decoding: integer.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
            return Int((negative ? "-" : "") + digits).map(TOMLValue.integer)
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fractionEnd = rest.firstIndex { !isDigit($0) && $0 != UInt8(ascii: "_") } ?? rest.endIndex
            guard isDigits(rest[rest.startIndex..<fractionEnd], isDigit) else { return nil }
            rest = rest[fractionEnd...]
        }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard isDigits(rest, isDigit) else { return nil }
            rest = rest[rest.endIndex...]
        }
        guard rest.isEmpty else { return nil }
        return Double(String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)).map(TOMLValue.float)
    }

    private static func twoDigits(_ token: [UInt8], _ at: Int) -> Int? {
        guard at + 1 < token.count, isDigit(token[at]), isDigit(token[at + 1]) else { return nil }
        return Int(token[at] - 0x30) * 10 + Int(token[at + 1] - 0x30)
    }

    /// `YYYY-MM-DD`, a real day.
    private static func isDate(_ token: [UInt8]) -> Bool {
        guard token.count == 10, token[4] == UInt8(ascii: "-"), token[7] == UInt8(ascii: "-"),
              let century = twoDigits(token, 0), let yearInCentury = twoDigits(token, 2),
              let month = twoDigits(token, 5), let day = twoDigits(token, 8), (1...12).contains(month)
        else { return false }
        let year = century * 100 + yearInCentury
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `HH:MM:SS` with an optional fraction.
    private static func isTime(_ token: ArraySlice<UInt8>) -> Bool {
        let token = Array(token)
        guard token.count >= 8, token[2] == UInt8(ascii: ":"), token[5] == UInt8(ascii: ":"),
              let hour = twoDigits(token, 0), let minute = twoDigits(token, 3), let second = twoDigits(token, 6),
              hour < 24, minute < 60, second < 60
        else { return false }
        if token.count == 8 { return true }
        return token[8] == UInt8(ascii: ".") && token.count > 9 && token[9...].allSatisfy(isDigit)
    }

    /// A local date, a local time, or a date and time with or without an offset.
    private static func isDateTime(_ token: [UInt8]) -> Bool {
        if isTime(token[...]) { return true }
        guard token.count >= 10, isDate(Array(token[0..<10])) else { return false }
        if token.count == 10 { return true }
        let separator = token[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return false }
        var time = token[11...]
        if let last = time.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            time = time.dropLast()
        } else if time.count >= 6, let sign = time.dropLast(5).last, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let offset = Array(time.suffix(5))
            guard offset[2] == UInt8(ascii: ":"), let hours = twoDigits(offset, 0), let minutes = twoDigits(offset, 3),
                  hours < 24, minutes < 60
            else { return false }
            time = time.dropLast(6)
        }
        return isTime(time)
    }

    // MARK: Problems

    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    private static func isNonASCII(_ byte: UInt8?) -> Bool { (byte ?? 0) >= 0x80 }

    private static func shown(_ path: [String]) -> String {
        EchoText.printable(path.map(TOMLTable.keyText).joined(separator: "."), limit: 60)
    }

    /// The character at the cursor, for a message.
    private func found() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && self.byte(at: 1) == UInt8(ascii: "\n")) { return "the end of the line" }
        if byte < 0x80 {
            if Self.isControl(byte) { return "the control character U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4) }
            return "'" + String(Character(Unicode.Scalar(byte))) + "'"
        }
        // The whole character the byte starts (the text is valid UTF-8).
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[index..<end], as: UTF8.self)
        let code = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
        return "\(EchoText.printable(character)) (U+\(code.leftPadded(to: 4)))"
    }

    /// The value-like text at the cursor, for a message.
    private func tokenShown() -> String {
        var end = index
        while end < bytes.count, Self.isTokenByte(bytes[end]) { end += 1 }
        return end > index ? "'" + EchoText.printable(String(decoding: bytes[index..<end], as: UTF8.self), limit: 40) + "'" : found()
    }

    private func problem(_ message: String, at position: Int? = nil) -> TOMLSyntaxError {
        let upTo = min(position ?? index, bytes.count)
        var line = 1
        for byte in bytes[0..<upTo] where byte == UInt8(ascii: "\n") { line += 1 }
        return TOMLSyntaxError(line: line, message: message)
    }
}

/// Why TOML text could not be read, and the line (1-based) where reading stopped.
public struct TOMLSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
