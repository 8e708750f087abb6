import GRUCore

/// Where a session's weights came from, for headers, `show` and error messages.
public enum WeightsOrigin: Sendable, Equatable {
    /// Drawn by ``WeightInitializer`` in a framework's convention.
    case random(variant: GRUVariant, seed: UInt64)
    /// Read from a weight file, with the prefix that picked one GRU.
    case file(path: String, prefix: String?)

    /// A short description, e.g. `random tf-grucell weights, seed 2017` or `gru.npz (encoder)`.
    public var summary: String {
        switch self {
        case let .random(variant, seed):
            return "random \(variant.rawValue) weights, seed \(seed)"
        case let .file(path, prefix):
            return prefix.map { "\(path) (\($0))" } ?? path
        }
    }
}
