/// The arrays of the chosen GRU, already decoded, without the file they came from.
struct DecodedArrays: WeightArraySource {
    let arrayNames: [String]
    let arrays: [String: WeightArray]

    func array(named name: String) throws(FileProblem) -> WeightArray {
        guard let array = arrays[name] else { throw FileProblem("array \(OneLine.quoted(name)) is missing") }
        return array
    }
}
