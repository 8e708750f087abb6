/// A value read from TOML (https://toml.io/en/v1.0.0) by ``TOMLParser``: everything a
/// gruscope file (catalogue, theme, lesson, session, example model) can hold.
public enum TOMLValue: Sendable, Equatable, CustomDebugStringConvertible {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, a time or both, as written (checked against TOML's grammar; no gruscope file
    /// uses one, so it is kept only to be named in an error).
    case dateTime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? { if case let .string(value) = self { value } else { nil } }
    public var int: Int? { if case let .integer(value) = self { value } else { nil } }
    /// A float; an integer is not one (callers that take both ask for ``int`` too).
    public var double: Double? { if case let .float(value) = self { value } else { nil } }
    public var bool: Bool? { if case let .boolean(value) = self { value } else { nil } }
    public var array: [TOMLValue]? { if case let .array(value) = self { value } else { nil } }
    public var table: TOMLTable? { if case let .table(value) = self { value } else { nil } }

    /// What kind of value it is, for messages.
    public var type: TOMLType {
        switch self {
        case .string: .string
        case .integer: .int
        case .float: .double
        case .boolean: .bool
        case .dateTime: .dateTime
        case .array: .array
        case .table: .table
        }
    }

    /// The value written as TOML, on one line (for messages).
    public var debugDescription: String {
        switch self {
        case let .string(text): return QuotedText.basic(text)
        case let .integer(number): return String(number)
        case let .float(number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number < 0 ? "-inf" : "inf" }
            return "\(number)"
        case let .boolean(flag): return flag ? "true" : "false"
        case let .dateTime(text): return text
        case let .array(values): return "[" + values.map(\.debugDescription).joined(separator: ", ") + "]"
        case let .table(table):
            let entries = table.map { key, value in TOMLTable.keyText(key) + " = " + value.debugDescription }
            return entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
        }
    }
}

/// The kinds of ``TOMLValue``.
public enum TOMLType: Sendable, Equatable {
    case string, int, double, bool, dateTime, array, table
}

/// A TOML table: keys and their values. Iterating, and ``keys``, go in the byte order of the
/// keys' UTF-8, so every report of "the first unknown key" is the same whatever the file's order.
public struct TOMLTable: Sendable, Equatable, Sequence {
    private var entries: [String: TOMLValue] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public func contains(key: String) -> Bool { entries[key] != nil }

    /// The keys, in the byte order of their UTF-8.
    public var keys: [String] { entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    public func makeIterator() -> AnyIterator<(String, TOMLValue)> {
        var remaining = keys.makeIterator()
        let entries = entries
        return AnyIterator {
            guard let key = remaining.next() else { return nil }
            return (key, entries[key]!)
        }
    }

    /// A key as TOML writes it: bare when it can be, quoted otherwise.
    static func keyText(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy(TOMLParser.isBareKeyScalar)
        return bare ? key : QuotedText.basic(key)
    }
}
