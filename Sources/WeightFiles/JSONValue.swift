/// A JSON value as the weight reader needs it: rectangular nested arrays of numbers are packed
/// into one float32 block as they are read, so a large weight file never becomes a tree of
/// millions of small values.
enum JSONValue {
    case object([JSONMember])
    /// An array that is not a rectangular block of numbers (ragged, or holding other values).
    case array([JSONNode])
    /// A rectangular block of numbers, e.g. `[[1, 2], [3, 4]]` has shape [2, 2].
    case numbers(shape: [Int], values: [Float])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// What kind of value this is, for messages ("a string", "an object").
    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .numbers: return "an array of numbers"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// A JSON value and the line it starts on.
struct JSONNode {
    let line: Int
    let value: JSONValue
}

/// One key of a JSON object with its value.
struct JSONMember {
    let key: String
    let line: Int
    let value: JSONNode
}
