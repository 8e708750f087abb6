/// A file's named arrays, decoded only when the chosen GRU needs them (so that an unrelated
/// array, say an int64 counter beside the GRU, never stops a file from loading).
///
/// Formats that hold arrays under names (npz, JSON, safetensors, a PyTorch state_dict, Keras's
/// HDF5 weights) implement this and let ``NamedArrayCatalogue`` find the GRUs among the names.
protocol WeightArraySource {
    /// The array names in file order, as messages should show them.
    var arrayNames: [String] { get }
    /// The shape and dtype of the array called `name`, read without decoding its numbers.
    func header(named name: String) throws(FileProblem) -> ArrayHeader
    /// The array called `name` (one of ``arrayNames``), decoded to float32 and checked to be finite.
    func array(named name: String) throws(FileProblem) -> WeightArray
}
