/// A NumPy .npz file (`numpy.savez`, `numpy.savez_compressed`): a zip of .npy arrays, with the
/// archive's declared and actual unpacked sizes held to ``WeightFile/maximumUnpackedSize``.
struct NPZArchive: WeightArraySource {
    private let directory: ZipDirectory
    /// The array names (entry names without `.npy`) in archive order.
    let arrayNames: [String]
    private let entries: [String: ZipEntry]
    /// Names that more than one entry has; reading one is refused rather than guessed.
    private let repeatedNames: Set<String>

    /// Reads the archive's directory from the file's bytes.
    init(bytes: [UInt8], unpackedLimit: Int) throws(FileProblem) {
        let directory = try ZipDirectory(bytes: bytes)
        let total = directory.declaredUncompressedTotal
        guard total <= unpackedLimit else {
            throw FileProblem(
                "its entries would unpack to \(ByteCount.text(total)), more than the \(ByteCount.text(unpackedLimit)) "
                    + "gruscope allows; one GRU's weights are far smaller, so the archive is damaged or not weights")
        }
        var names: [String] = []
        var entries: [String: ZipEntry] = [:]
        var repeated: Set<String> = []
        for entry in directory.entries where !entry.isDirectory && entry.name.hasSuffix(".npy") {
            let name = String(entry.name.dropLast(4))
            if entries[name] != nil {
                repeated.insert(name)
                continue
            }
            names.append(name)
            entries[name] = entry
        }
        self.directory = directory
        self.arrayNames = names
        self.entries = entries
        self.repeatedNames = repeated
    }

    func array(named name: String) throws(FileProblem) -> WeightArray {
        guard let entry = entries[name] else {
            throw FileProblem("array \(OneLine.quoted(name)) is missing")
        }
        guard !repeatedNames.contains(name) else {
            throw FileProblem("the archive holds more than one array named \(OneLine.quoted(name)); keep only one")
        }
        let bytes = try directory.contents(of: entry)
        return try NPYDecoder.decode(bytes, name: name)
    }
}
