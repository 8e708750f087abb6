import GRUCore

/// The part one array plays in a framework's GRU, with the names that framework gives it.
enum GRUArrayRole: CaseIterable, Hashable, Comparable {
    case gatesKernel, gatesBias, candidateKernel, candidateBias
    case kernel, recurrentKernel, bias
    case weightIH, weightHH, biasIH, biasHH

    /// The framework whose files use this role.
    var variant: GRUVariant {
        switch self {
        case .gatesKernel, .gatesBias, .candidateKernel, .candidateBias: return .tfGRUCell
        case .kernel, .recurrentKernel, .bias: return .keras
        case .weightIH, .weightHH, .biasIH, .biasHH: return .pytorch
        }
    }

    /// The names the framework writes, the current one first (TensorFlow 1.x before 1.0 said
    /// `weights` and `biases`).
    var leafNames: [String] {
        switch self {
        case .gatesKernel: return ["gates/kernel", "gates/weights"]
        case .gatesBias: return ["gates/bias", "gates/biases"]
        case .candidateKernel: return ["candidate/kernel", "candidate/weights"]
        case .candidateBias: return ["candidate/bias", "candidate/biases"]
        case .kernel: return ["kernel"]
        case .recurrentKernel: return ["recurrent_kernel"]
        case .bias: return ["bias"]
        case .weightIH: return ["weight_ih"]
        case .weightHH: return ["weight_hh"]
        case .biasIH: return ["bias_ih"]
        case .biasHH: return ["bias_hh"]
        }
    }

    /// The current name.
    var canonicalName: String { leafNames[0] }

    /// Whether a GRU can do without this array: PyTorch's `bias=False` and Keras's
    /// `use_bias=False` save no biases, which then count as zero. TensorFlow's GRUCell always
    /// has its biases.
    var isOptional: Bool {
        switch self {
        case .bias, .biasIH, .biasHH: return true
        default: return false
        }
    }

    /// The roles one framework's GRU needs, in the order they are reported.
    static func roles(of variant: GRUVariant) -> [GRUArrayRole] {
        allCases.filter { $0.variant == variant }
    }

    /// The framework's name for messages.
    static func frameworkName(_ variant: GRUVariant) -> String {
        switch variant {
        case .tfGRUCell: return "TensorFlow GRUCell"
        case .keras: return "Keras GRU"
        case .pytorch: return "PyTorch GRU"
        }
    }

    /// The arrays a framework's GRU needs, for messages: `weight_ih, weight_hh, bias_ih and bias_hh`.
    static func requiredList(_ variant: GRUVariant) -> String {
        let names = roles(of: variant).map(\.canonicalName)
        guard let last = names.last else { return "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
