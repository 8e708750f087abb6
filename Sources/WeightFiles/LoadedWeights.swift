import GRUCore

/// The weights of one GRU cell read from a file, with where they came from.
public struct LoadedWeights: Sendable {
    /// The canonical weights (their `variant` names the framework the file follows).
    public let weights: GRUWeights
    /// The file's path as the user gave it.
    public let path: String
    /// Which cell of which GRU this is, as `gruscope weights` lists it (``GRUCellInfo/label``
    /// is a header's text: `encoder.gru, layer 1 (reverse), no biases`).
    public let cell: GRUCellInfo
    /// The format the file was read as.
    public let format: WeightFormat
    /// The names of the arrays the weights were read from, as the file spells them.
    public let arrayNames: [String]
    /// The other cells of the same GRU (other layers and directions), which are not loaded.
    public let otherCells: [GRUCellInfo]
    /// The state the file starts the cell from (an ONNX GRU's initial_h), when it has one.
    public internal(set) var initialState: [Float]? = nil
    /// What the reader had to assume, one line each (a Keras reset_after without a
    /// configuration, an ONNX initial_h the graph computes), for the user to see.
    public internal(set) var notes: [String] = []

    /// The prefix of the chosen GRU's array names without its trailing separator
    /// (`encoder.gru`, `rnn/gru_cell`), or nil when the names have none.
    public var prefix: String? { cell.name }

    /// Whether the file has the cell's biases; without them they count as zero.
    public var hasBiases: Bool { cell.hasBiases }

    /// The other cells as a user reads them: `layer 1`, `layer 0 (reverse)`.
    public var otherLayers: [String] { otherCells.map(\.layerText) }
}
