import GRUCore
import WeightFiles

/// Where a session's weights came from, for headers, `show` and error messages.
public enum WeightsOrigin: Sendable, Equatable {
    /// Drawn by ``WeightInitializer`` in a framework's convention.
    case random(variant: GRUVariant, seed: UInt64)
    /// Read from a weight file: which cell of which GRU (``GRUCellInfo/label``), and the other
    /// cells of that GRU, which are not shown.
    case file(path: String, cell: GRUCellInfo, otherCells: [GRUCellInfo] = [])
    /// A trained example model embedded in the binary (examples/NAME).
    case example(name: String)

    /// A short description, e.g. `random tf-grucell weights, seed 2017`, `gru.npz (encoder, layer 0)` or
    /// `gru.pth (rnn, layer 1 (reverse), no biases); not shown: layer 0, layer 0 (reverse)`.
    public var summary: String {
        switch self {
        case let .random(variant, seed):
            return "random \(variant.rawValue) weights, seed \(seed)"
        case let .file(path, cell, otherCells):
            let shown = cell.name == nil && otherCells.isEmpty && cell.hasBiases ? path : "\(path) (\(cell.label))"
            return otherCells.isEmpty ? shown : "\(shown); not shown: \(otherCells.map(\.layerText).joined(separator: ", "))"
        case let .example(name):
            return "trained example \(name)"
        }
    }

    /// For a file with more cells than the one shown, a line saying which were left out.
    public var leftOutNote: String? {
        guard case let .file(path, cell, otherCells) = self, !otherCells.isEmpty else { return nil }
        return "\(path) also holds \(otherCells.map(\.layerText).joined(separator: ", ")) of this GRU; gruscope shows "
            + "\(cell.layerText): choose another with --layer N and --direction forward|reverse"
    }

    /// The origin of weights loaded from a file.
    public init(_ loaded: LoadedWeights) {
        self = .file(path: loaded.path, cell: loaded.cell, otherCells: loaded.otherCells)
    }
}
