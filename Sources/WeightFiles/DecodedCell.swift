import GRUCore

/// One cell's numbers, decoded from a file and no longer tied to its bytes, ready to be packed.
///
/// A reader returns one of two forms: arrays under a framework's names, which
/// ``GRUWeightAssembler`` converts (npz, JSON, safetensors, PyTorch, HDF5), or arrays already
/// in the canonical layout (a reader that converts its own layout, such as ONNX's [z, r, h]).
enum DecodedCell {
    /// Arrays of a framework's GRU, one per role the plan uses, shapes already checked.
    case framework(GRUCellPlan, arrays: [GRUArrayRole: WeightArray])
    /// Canonical arrays: W 3H×I and U 3H×H row-major with row blocks [r, z, candidate], b_i and
    /// b_h 3H (zeros where the file has none), and the state the file starts from (ONNX's
    /// initial_h) when it has one.
    case canonical(
        variant: GRUVariant, resetAfter: Bool, inputSize: Int, hiddenSize: Int,
        inputWeights: [Float], recurrentWeights: [Float], inputBias: [Float], recurrentBias: [Float],
        initialState: [Float]? = nil)

    /// The starting state the file gives, if any.
    var initialState: [Float]? {
        if case let .canonical(_, _, _, _, _, _, _, _, state) = self { return state }
        return nil
    }

    /// The packed weights.
    func weights() throws(FileProblem) -> GRUWeights {
        switch self {
        case let .framework(plan, arrays):
            return try GRUWeightAssembler.assemble(plan, arrays: arrays)
        case let .canonical(variant, resetAfter, i, h, w, u, bi, bh, _):
            do {
                return try GRUWeights(
                    inputSize: i, hiddenSize: h, variant: variant, resetAfter: resetAfter,
                    inputWeights: w, recurrentWeights: u, inputBias: bi, recurrentBias: bh)
            } catch {
                throw FileProblem("the weights do not fit together: \(error.description)")
            }
        }
    }
}

/// One cell of a catalogue: what it is, and how to decode its numbers from the file.
struct CatalogueCell {
    let info: GRUCellInfo
    /// The names of the arrays the cell is read from, as the file spells them.
    let arrayNames: [String]
    /// Why the cell cannot be loaded (its info's ``GRUCellInfo/problem``, with the line).
    var problem: FileProblem? = nil
    /// What the reader had to assume about this cell, one line each, for the user.
    var notes: [String] = []
    /// Reads the numbers (called once, for the chosen cell only).
    let decode: () throws(FileProblem) -> DecodedCell
}
