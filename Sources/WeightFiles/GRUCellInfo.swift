import GRUCore

/// The direction of one cell of a bidirectional GRU.
public enum CellDirection: String, Sendable, Hashable, CaseIterable {
    case forward, reverse

    /// The spellings `--direction` takes, for messages.
    public static let spellings = "forward or reverse"
}

/// One GRU cell a weight file holds, as `gruscope weights FILE` lists it: which GRU, layer and
/// direction, its sizes and convention, whether it has biases, and how its numbers are stored.
public struct GRUCellInfo: Sendable, Hashable {
    /// The GRU's prefix as `--prefix` takes it (`encoder.gru`, `rnn/gru_cell`) or an ONNX node's
    /// name; nil when the names have no prefix.
    public let name: String?
    /// The layer of a stacked GRU, from 0.
    public let layer: Int
    public let direction: CellDirection
    /// I and H (0 when the shapes do not say; ``problem`` then tells why).
    public let inputSize: Int
    public let hiddenSize: Int
    /// The framework's layout, which fixes how the arrays convert.
    public let variant: GRUVariant
    /// Whether the reset gate is applied after the recurrent product.
    public let resetAfter: Bool
    /// False for `bias=False` / `use_bias=False`: the biases count as zero.
    public let hasBiases: Bool
    /// How the numbers are stored: `float32`, `float64`, `float16`, `bfloat16`, `JSON numbers`.
    public let dtype: String
    /// Why the cell cannot be loaded (a wrong shape, a size past the limits), or nil.
    public let problem: String?

    public init(
        name: String?, layer: Int, direction: CellDirection, inputSize: Int, hiddenSize: Int,
        variant: GRUVariant, resetAfter: Bool, hasBiases: Bool, dtype: String, problem: String? = nil
    ) {
        self.name = name
        self.layer = layer
        self.direction = direction
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.variant = variant
        self.resetAfter = resetAfter
        self.hasBiases = hasBiases
        self.dtype = dtype
        self.problem = problem
    }

    /// The convention in one word or three: `tf-grucell`, `keras reset-before`, `keras reset-after`,
    /// `pytorch`.
    public var convention: String {
        switch variant {
        case .tfGRUCell, .pytorch: return variant.rawValue
        case .keras: return "keras " + (resetAfter ? "reset-after" : "reset-before")
        }
    }

    /// The cell within its GRU: `layer 1`, `layer 0 (reverse)`.
    public var layerText: String {
        "layer \(layer)" + (direction == .reverse ? " (reverse)" : "")
    }

    /// Which cell of which GRU, for headers: `encoder.gru, layer 1 (reverse), no biases`.
    public var label: String {
        var parts: [String] = []
        if let name { parts.append(name) }
        parts.append(layerText)
        if !hasBiases { parts.append("no biases") }
        return parts.joined(separator: ", ")
    }

    /// Two cells belong to the same GRU when they share a name and a framework.
    func sameGRU(as other: GRUCellInfo) -> Bool {
        name == other.name && variant == other.variant
    }
}

/// Which cell of a file to load: `--prefix`, `--layer` and `--direction`, any of them left out.
///
/// Left out, the prefix must not be needed (one GRU in the file), and the layer and direction
/// default to layer 0, forward, when the GRU has several cells.
public struct CellSelection: Sendable, Hashable {
    public var prefix: String?
    public var layer: Int?
    public var direction: CellDirection?

    public init(prefix: String? = nil, layer: Int? = nil, direction: CellDirection? = nil) {
        self.prefix = prefix
        self.layer = layer
        self.direction = direction
    }
}
