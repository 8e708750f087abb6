/// The small part of Python's literal syntax that a .npy header uses: a dict of strings, booleans,
/// integers and tuples, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (24, 8), }`.
indirect enum PythonLiteral: Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case none
    /// A tuple or a list (a structured dtype's `descr` is a list of tuples).
    case sequence([PythonLiteral], isList: Bool)
    case dictionary([(key: PythonLiteral, value: PythonLiteral)])

    static func == (lhs: PythonLiteral, rhs: PythonLiteral) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case (.none, .none): return true
        case let (.sequence(a, la), .sequence(b, lb)): return a == b && la == lb
        case let (.dictionary(a), .dictionary(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The literal as Python would print it, for messages.
    var text: String {
        switch self {
        case let .string(s): return "'\(s)'"
        case let .integer(n): return String(n)
        case let .boolean(b): return b ? "True" : "False"
        case .none: return "None"
        case let .sequence(items, isList):
            let inner = items.map(\.text).joined(separator: ", ")
            if isList { return "[\(inner)]" }
            return items.count == 1 ? "(\(inner),)" : "(\(inner))"
        case let .dictionary(pairs):
            return "{" + pairs.map { "\($0.key.text): \($0.value.text)" }.joined(separator: ", ") + "}"
        }
    }

    /// The deepest nesting of dicts, lists and tuples read (README "Limits"). Headers are flat;
    /// the limit only keeps a hostile file from exhausting the stack.
    static let maximumDepth = 16

    /// Parses one literal filling the whole text (surrounding spaces allowed); nil when the text is
    /// not such a literal.
    static func parse(_ text: String) -> PythonLiteral? {
        var parser = PythonLiteralParser(scalars: Array(text.unicodeScalars))
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.atEnd ? value : nil
    }
}

/// A recursive-descent reader over the header's characters; every failure is a nil result.
private struct PythonLiteralParser {
    let scalars: [Unicode.Scalar]
    var position = 0

    var atEnd: Bool { position >= scalars.count }

    mutating func skipSpace() {
        while position < scalars.count {
            switch scalars[position] {
            case " ", "\t", "\n", "\r": position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> PythonLiteral? {
        guard depth < PythonLiteral.maximumDepth else { return nil }
        skipSpace()
        guard position < scalars.count else { return nil }
        switch scalars[position] {
        case "'", "\"": return string()
        case "{": return dictionary(depth: depth)
        case "(": return sequence(closing: ")", depth: depth)
        case "[": return sequence(closing: "]", depth: depth)
        case "-", "0"..."9": return integer()
        default: return word()
        }
    }

    private mutating func string() -> PythonLiteral? {
        let quote = scalars[position]
        position += 1
        var result = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if scalar == quote { return .string(String(result)) }
            if scalar == "\\" {
                guard position < scalars.count else { return nil }
                result.append(scalars[position])
                position += 1
            } else {
                result.append(scalar)
            }
        }
        return nil
    }

    private mutating func integer() -> PythonLiteral? {
        var negative = false
        if scalars[position] == "-" {
            negative = true
            position += 1
        }
        var result = 0
        var digits = 0
        while position < scalars.count, ("0"..."9").contains(scalars[position]) {
            let digit = Int(scalars[position].value) - 48
            let (shifted, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            result = sum
            digits += 1
            position += 1
        }
        guard digits > 0 else { return nil }
        // Python 2 wrote long integers with an L suffix, e.g. (3L, 4L).
        if position < scalars.count, scalars[position] == "L" || scalars[position] == "l" { position += 1 }
        return .integer(negative ? -result : result)
    }

    private mutating func word() -> PythonLiteral? {
        var name = ""
        while position < scalars.count, scalars[position].properties.isAlphabetic {
            name.unicodeScalars.append(scalars[position])
            position += 1
        }
        switch name {
        case "True": return .boolean(true)
        case "False": return .boolean(false)
        case "None": return PythonLiteral.none
        default: return nil
        }
    }

    private mutating func sequence(closing: Unicode.Scalar, depth: Int) -> PythonLiteral? {
        position += 1
        var items: [PythonLiteral] = []
        while true {
            skipSpace()
            guard position < scalars.count else { return nil }
            if scalars[position] == closing {
                position += 1
                return .sequence(items, isList: closing == "]")
            }
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipSpace()
            guard position < scalars.count else { return nil }
            if scalars[position] == "," {
                position += 1
            } else if scalars[position] != closing {
                return nil
            }
        }
    }

    private mutating func dictionary(depth: Int) -> PythonLiteral? {
        position += 1
        var pairs: [(key: PythonLiteral, value: PythonLiteral)] = []
        while true {
            skipSpace()
            guard position < scalars.count else { return nil }
            if scalars[position] == "}" {
                position += 1
                return .dictionary(pairs)
            }
            guard let key = value(depth: depth + 1) else { return nil }
            skipSpace()
            guard position < scalars.count, scalars[position] == ":" else { return nil }
            position += 1
            guard let item = value(depth: depth + 1) else { return nil }
            pairs.append((key, item))
            skipSpace()
            guard position < scalars.count else { return nil }
            if scalars[position] == "," {
                position += 1
            } else if scalars[position] != "}" {
                return nil
            }
        }
    }
}
