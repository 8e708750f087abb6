import GRUCore

/// One cell's numbers, decoded from a file and no longer tied to its bytes, ready to be packed.
///
/// A reader returns one of two forms: arrays under a framework's names, which
/// ``GRUWeightAssembler`` converts (npz, JSON, safetensors, PyTorch, HDF5), or weights it packed
/// from its own layout (ONNX's [z, r, h] blocks, read in place).
enum DecodedCell {
    /// Arrays of a framework's GRU, one per role the plan uses, shapes already checked.
    case framework(GRUCellPlan, arrays: [GRUArrayRole: WeightArray])
    /// Weights already packed, and the state the file starts from (ONNX's initial_h) when it
    /// has one.
    case packed(GRUWeights, initialState: [Float]? = nil)

    /// The starting state the file gives, if any.
    var initialState: [Float]? {
        if case let .packed(_, state) = self { return state }
        return nil
    }

    /// The packed weights.
    func weights() throws(FileProblem) -> GRUWeights {
        switch self {
        case let .framework(plan, arrays):
            return try GRUWeightAssembler.assemble(plan, arrays: arrays)
        case let .packed(weights, _):
            return weights
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
