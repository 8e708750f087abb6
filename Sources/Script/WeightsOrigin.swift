import GRUCore
import WeightFiles

/// Where a session's weights came from, for headers, `show` and error messages.
public enum WeightsOrigin: Sendable, Equatable {
    /// Drawn by ``WeightInitializer`` in a framework's convention.
    case random(variant: GRUVariant, seed: UInt64)
    /// Read from a weight file, with the prefix that picked one GRU and the layers of it that
    /// were left out (a multi-layer PyTorch GRU shows layer 0 only).
    case file(path: String, prefix: String?, otherLayers: [String] = [])

    /// A short description, e.g. `random tf-grucell weights, seed 2017`, `gru.npz (encoder)` or
    /// `gru.npz (rnn), layer 0; not shown: layer 1`.
    public var summary: String {
        switch self {
        case let .random(variant, seed):
            return "random \(variant.rawValue) weights, seed \(seed)"
        case let .file(path, prefix, otherLayers):
            let file = prefix.map { "\(path) (\($0))" } ?? path
            return otherLayers.isEmpty ? file : "\(file), layer 0; not shown: \(otherLayers.joined(separator: ", "))"
        }
    }

    /// For a file with more layers than the one shown, a line saying which were left out.
    public var leftOutNote: String? {
        guard case let .file(path, _, otherLayers) = self, !otherLayers.isEmpty else { return nil }
        return "\(path) also holds \(otherLayers.joined(separator: ", ")) of this GRU; gruscope shows layer 0 in the forward direction"
    }

    /// The origin of weights loaded from a file.
    public init(_ loaded: LoadedWeights) {
        self = .file(path: loaded.path, prefix: loaded.prefix, otherLayers: loaded.otherLayers)
    }
}
