import GRUCore

/// The weights of one GRU read from a file, with where they came from.
public struct LoadedWeights: Sendable {
    /// The canonical weights (their `variant` names the framework the file follows).
    public let weights: GRUWeights
    /// The file's path as the user gave it.
    public let path: String
    /// The prefix of the chosen GRU's array names without its trailing separator
    /// (`encoder.gru`, `rnn/gru_cell`), or nil when the names have none.
    public let prefix: String?
    /// The names of the arrays the weights were read from, as the file spells them.
    public let arrayNames: [String]
    /// The other layers of a multi-layer PyTorch GRU in the file (`layer 1`, `layer 0 (reverse)`),
    /// which are not loaded: gruscope shows layer 0 in the forward direction.
    public let otherLayers: [String]
    /// The state the file starts the cell from (an ONNX GRU's initial_h), when it has one.
    public internal(set) var initialState: [Float]? = nil
    /// What the reader had to assume, one line each (e.g. a Keras reset_after without a
    /// configuration), for the user to see.
    public internal(set) var notes: [String] = []
}
