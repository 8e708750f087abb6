/// The framework whose conventions a set of weights follows.
///
/// The variant names where the weights came from and how they are laid out in files; the maths
/// differs only through ``GRUWeights/resetAfter``.
public enum GRUVariant: String, CaseIterable, Sendable, Codable {
    /// TensorFlow 1.x `GRUCell`, the cell the seed article reads: the reset gate scales the old
    /// state before the recurrent product.
    case tfGRUCell = "tf-grucell"
    /// Keras `GRU`/`GRUCell`, either way of applying the reset gate (`reset_after`).
    case keras
    /// PyTorch `nn.GRU`/`nn.GRUCell` (and cuDNN, ONNX with `linear_before_reset=1`): the reset
    /// gate scales the recurrent product.
    case pytorch

    /// Whether this framework applies the reset gate after the recurrent product by default.
    public var defaultResetAfter: Bool {
        switch self {
        case .tfGRUCell: return false
        case .keras, .pytorch: return true
        }
    }

    /// The accepted spellings, for help texts and error messages.
    public static var spellings: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
