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

    private func entry(named name: String) throws(FileProblem) -> ZipEntry {
        guard let entry = entries[name] else {
            throw FileProblem("array \(OneLine.quoted(name)) is missing")
        }
        guard !repeatedNames.contains(name) else {
            throw FileProblem("the archive holds more than one array named \(OneLine.quoted(name)); keep only one")
        }
        return entry
    }

    /// The .npy header alone, inflating only its bytes; the declared data must fit the entry.
    func header(named name: String) throws(FileProblem) -> ArrayHeader {
        let entry = try entry(named: name)
        let fixed = try directory.leadingBytes(of: entry, count: 12)
        var length = 12
        if fixed.count >= 10, fixed.starts(with: NPYDecoder.magic) {
            length = fixed[6] == 1
                ? 10 + (Int(fixed[8]) | Int(fixed[9]) << 8)
                : 12 + (fixed.count >= 12 ? Int(fixed[8]) | Int(fixed[9]) << 8 | Int(fixed[10]) << 16 | Int(fixed[11]) << 24 : 0)
        }
        let leading = try directory.leadingBytes(of: entry, count: min(length, NPYDecoder.maximumHeaderLength + 12))
        let header = try withRawBytes(leading) { bytes throws(FileProblem) in try NPYDecoder.readHeader(bytes, name: name) }
        if let problem = NPYDecoder.sizeProblem(header, name: name, available: entry.uncompressedSize - header.dataOffset) {
            throw problem
        }
        return ArrayHeader(name: name, shape: header.shape, dtype: header.dtypeName, line: nil)
    }

    func array(named name: String) throws(FileProblem) -> WeightArray {
        let bytes = try directory.contents(of: try entry(named: name))
        return try NPYDecoder.decode(bytes, name: name)
    }
}
