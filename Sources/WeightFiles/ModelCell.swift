import GRUCore

/// One GRU cell of a model file: one direction of an ONNX GRU node, or of a Keras GRU layer.
///
/// A stacked GRU is several layers and a bidirectional one two directions; each is a cell of
/// its own, with its own weights.
struct ModelCell: Equatable {
    /// Which way a cell reads its sequence: a reverse cell starts from the last input.
    enum Direction: String, CaseIterable, Equatable, Sendable {
        case forward, reverse
    }

    /// The node or layer name as the file spells it (what `--prefix` picks).
    let name: String
    /// The GRU's position among the file's GRUs (a bidirectional GRU is one layer), from 0.
    let layer: Int
    let direction: Direction
    let inputSize: Int
    let hiddenSize: Int
    let resetAfter: Bool
    /// Whether the file holds biases (without them they are zero).
    let hasBiases: Bool
    /// The stored type of the weights: `float32`, `float16`, `float64`, `bfloat16`.
    let dtype: String

    /// `layer 1 "top"`, `layer 0 (reverse) "bi"`: the cell as listings and notes name it.
    var label: String {
        "layer \(layer)" + (direction == .reverse ? " (reverse)" : "") + (name.isEmpty ? "" : " \(OneLine.quoted(name))")
    }
}

/// Which cell of a model file the user asked for (`--prefix`, `--layer`, `--direction`).
struct ModelCellChoice: Equatable, Sendable {
    var prefix: String?
    var layer: Int?
    var direction: ModelCell.Direction?

    init(prefix: String? = nil, layer: Int? = nil, direction: ModelCell.Direction? = nil) {
        self.prefix = prefix
        self.layer = layer
        self.direction = direction
    }

    /// The index of the chosen cell among `cells`: those that fit every given part; of several,
    /// the first (layer 0, forward, when nothing is given), the others being reported as left out.
    func pick(from cells: [ModelCell], format: String) throws(FileProblem) -> Int {
        guard !cells.isEmpty else {
            throw FileProblem("it is \(format) without a GRU; gruscope shows GRUs")
        }
        var candidates = Array(cells.indices)
        if let prefix {
            let wanted = prefix.hasSuffix("/") || prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
            let exact = candidates.filter { cells[$0].name == wanted }
            candidates = exact.isEmpty ? candidates.filter { !wanted.isEmpty && cells[$0].name.hasPrefix(wanted) } : exact
            guard !candidates.isEmpty else {
                throw FileProblem("no GRU is called \(OneLine.quoted(prefix)); its GRUs: \(Self.list(cells))")
            }
        }
        if let layer {
            candidates = candidates.filter { cells[$0].layer == layer }
            guard !candidates.isEmpty else {
                throw FileProblem("it has no GRU layer \(layer)\(prefix.map { " called \(OneLine.quoted($0))" } ?? ""); "
                    + "its GRUs: \(Self.list(cells))")
            }
        }
        if let direction {
            candidates = candidates.filter { cells[$0].direction == direction }
            guard !candidates.isEmpty else {
                throw FileProblem("the GRU asked for has no \(direction.rawValue) direction; its GRUs: \(Self.list(cells))")
            }
        }
        return candidates[0]
    }

    /// The cells for a message, at most 12 named.
    static func list(_ cells: [ModelCell]) -> String {
        let shown = cells.prefix(12).map(\.label).joined(separator: ", ")
        return cells.count > 12 ? "\(shown) and \(cells.count - 12) more" : shown
    }
}
