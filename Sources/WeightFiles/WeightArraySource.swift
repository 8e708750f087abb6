/// A file's named arrays, decoded only when the chosen GRU needs them (so that an unrelated
/// array, say an int64 counter beside the GRU, never stops a file from loading).
protocol WeightArraySource {
    /// The array names in file order, as messages should show them.
    var arrayNames: [String] { get }
    /// The array called `name` (one of ``arrayNames``), decoded and checked to be finite.
    func array(named name: String) throws(FileProblem) -> WeightArray
}
