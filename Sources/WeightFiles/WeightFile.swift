import Foundation
import GRUCore

/// Reads the weights of one GRU from a file written by TensorFlow, Keras or PyTorch tooling:
/// a JSON file of nested arrays, or a NumPy .npz archive from `numpy.savez` or
/// `numpy.savez_compressed`.
///
/// The framework is stated by a JSON file's `"variant"` or recognised from the array names
/// (with whatever prefix and suffix an export adds: `rnn/gru_cell/gates/kernel:0`,
/// `gru.weight_ih_l0`, `model.layers.0.cell.recurrent_kernel`); I and H come from the shapes,
/// and every shape is checked. Arrays that belong to no GRU are ignored.
public enum WeightFile {
    /// Larger files are refused before they are read.
    public static let maximumFileSize = 256 << 20
    /// An .npz archive whose arrays would unpack to more than this is refused, both by its
    /// declared sizes and while unpacking.
    public static let maximumUnpackedSize = 1 << 30

    /// Loads a .json or .npz weight file; `prefix` picks one GRU when the file holds several.
    ///
    /// - Parameters:
    ///   - path: the file, as the user gave it (messages start with it).
    ///   - prefix: the start of the chosen GRU's array names, e.g. `encoder.gru` for
    ///     `encoder.gru.weight_ih_l0`; a trailing `/` or `.` is optional.
    public static func load(path: String, prefix: String? = nil) throws(WeightFileError) -> LoadedWeights {
        do {
            let bytes = try readFile(path)
            switch format(of: path, bytes: bytes) {
            case .json:
                let document = try JSONWeightDocument(bytes: bytes)
                return try assemble(document, path: path, declared: document.variant,
                                    resetAfter: document.resetAfter, prefix: prefix)
            case .npz:
                let archive = try NPZArchive(bytes: bytes, unpackedLimit: maximumUnpackedSize)
                return try assemble(archive, path: path, declared: nil, resetAfter: nil, prefix: prefix)
            }
        } catch {
            throw WeightFileError(message: error.message(file: path))
        }
    }

    private enum Format {
        case json, npz
    }

    private static func assemble(
        _ source: some WeightArraySource, path: String, declared: GRUVariant?,
        resetAfter: (value: Bool, line: Int)?, prefix: String?
    ) throws(FileProblem) -> LoadedWeights {
        let selection = try GRULocator.locate(
            names: source.arrayNames, stripNPY: false, declared: declared, prefix: prefix)
        let weights = try GRUWeightAssembler.assemble(selection, from: source, resetAfter: resetAfter)
        let used = GRUArrayRole.roles(of: selection.variant).map { selection.name($0) }
        return LoadedWeights(
            weights: weights, path: path, prefix: selection.prefix, arrayNames: used, otherLayers: selection.otherLayers)
    }

    /// The file's bytes, refusing what is missing, not a file, or too large, before reading it.
    private static func readFile(_ path: String) throws(FileProblem) -> [UInt8] {
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else {
            let code = path.isEmpty ? ENOENT : errno
            switch code {
            case ENOENT: throw FileProblem("no such file")
            case EACCES: throw FileProblem("cannot read it: permission denied")
            default: throw FileProblem("cannot read it: \(String(cString: strerror(code)))")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileProblem("is a directory, not a weight file")
        default: throw FileProblem("is not a regular file; give a .json or .npz weight file")
        }
        let limit = maximumFileSize
        guard Int(info.st_size) <= limit else {
            throw FileProblem(
                "the file has \(info.st_size) bytes (\(ByteCount.text(Int(info.st_size)))), more than the "
                    + "\(ByteCount.text(limit)) gruscope reads; "
                    + "one GRU's weights are far smaller, so check that this is the right file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileProblem("cannot open it for reading")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte past the limit tells a file that grew since stat from one that fits.
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw FileProblem("cannot read it: \(error.localizedDescription)")
        }
        guard data.count <= limit else {
            throw FileProblem("the file is larger than the \(ByteCount.text(limit)) gruscope reads")
        }
        return [UInt8](data)
    }

    /// JSON or npz by the extension, or by the first bytes when the extension says neither.
    private static func format(of path: String, bytes: [UInt8]) -> Format {
        let name = path.lowercased()
        if name.hasSuffix(".npz") { return .npz }
        if name.hasSuffix(".json") { return .json }
        if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: NPYDecoder.magic) { return .npz }
        return .json
    }
}

extension Error {
    /// The user's message for a problem in `file`.
    fileprivate func message(file: String) -> String {
        if let problem = self as? FileProblem { return problem.message(file: file) }
        return "\(file): \(OneLine.clean(String(describing: self)))"
    }
}
