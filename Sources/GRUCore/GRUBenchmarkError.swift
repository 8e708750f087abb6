/// Why a benchmark's weight or input file was refused.
public enum GRUBenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file's length is not a whole number of float32 values.
    case notFloat32(path: String, bytes: Int)
    /// The file holds the wrong number of values.
    case wrongCount(path: String, expected: Int, what: String, actual: Int)
    /// The file holds NaN or an infinity.
    case nonFinite(path: String, index: Int, value: Float)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the file (\(reason))"
        case let .notFloat32(path, bytes):
            return "\(path): \(bytes) bytes is not a whole number of little-endian float32 values (4 bytes each)"
        case let .wrongCount(path, _, what, actual):
            return "\(path): holds \(actual) float32 values, expected \(what)"
        case let .nonFinite(path, index, value):
            return "\(path): value \(index) is \(value), expected a finite number"
        }
    }
}
