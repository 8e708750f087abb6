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
        try load(path: path, choice: ModelCellChoice(prefix: prefix))
    }

    /// Loads the cell `choice` picks; a model file (ONNX, Keras) may hold several cells, one per
    /// layer and direction.
    static func load(path: String, choice: ModelCellChoice) throws(WeightFileError) -> LoadedWeights {
        do {
            let bytes = try readFile(path)
            let format = try format(of: path, bytes: bytes)
            switch format {
            case .onnx, .hdf5, .keras:
                return try loadModel(bytes, format: format, path: path, choice: choice)
            case .json, .npz:
                // The file's bytes are gone once the chosen arrays are decoded, before the weights
                // are packed: at H=1024 that keeps a 19 MB file out of the peak.
                let chosen = try chosenArrays(bytes: consume bytes, format: format, prefix: choice.prefix)
                let weights = try GRUWeightAssembler.assemble(chosen.selection, from: chosen.arrays, resetAfter: chosen.resetAfter)
                let selection = chosen.selection
                let used = GRUArrayRole.roles(of: selection.variant).map { selection.name($0) }
                return LoadedWeights(
                    weights: weights, path: path, prefix: selection.prefix, arrayNames: used, otherLayers: selection.otherLayers)
            }
        } catch {
            throw WeightFileError(message: error.message(file: path))
        }
    }

    /// One cell of an ONNX model or a Keras HDF5 / .keras file.
    private static func loadModel(
        _ bytes: [UInt8], format: Format, path: String, choice: ModelCellChoice
    ) throws(FileProblem) -> LoadedWeights {
        let load: ModelLoad
        switch format {
        case .onnx: load = try ONNXModel.load(bytes, choice: choice)
        case .keras: load = try KerasWeights.loadArchive(bytes, choice: choice)
        default: load = try KerasWeights.loadHDF5(bytes, choice: choice)
        }
        let cell = load.cells[load.chosen]
        let others = load.cells.indices.filter { $0 != load.chosen }.map { load.cells[$0].label }
        return LoadedWeights(
            weights: load.weights, path: path, prefix: cell.name.isEmpty ? nil : cell.name, arrayNames: load.arrayNames,
            otherLayers: others, initialState: load.initialState, notes: load.notes)
    }

    private enum Format {
        case json, npz, onnx, hdf5, keras
    }

    /// The GRU a file holds, its arrays decoded.
    private struct ChosenArrays {
        let selection: GRUArraySelection
        let arrays: DecodedArrays
        /// Keras's `reset_after` as a JSON file states it, with its line.
        let resetAfter: (value: Bool, line: Int)?
    }

    private static func chosenArrays(bytes: consuming [UInt8], format: Format, prefix: String?) throws(FileProblem) -> ChosenArrays {
        switch format {
        case .onnx, .hdf5, .keras:
            preconditionFailure("model files are read by loadModel")
        case .json:
            let document = try JSONWeightDocument(bytes: bytes)
            return try choose(in: document, declared: document.variant, resetAfter: document.resetAfter, prefix: prefix)
        case .npz:
            let archive = try NPZArchive(bytes: bytes, unpackedLimit: maximumUnpackedSize)
            return try choose(in: archive, declared: nil, resetAfter: nil, prefix: prefix)
        }
    }

    private static func choose(
        in source: some WeightArraySource, declared: GRUVariant?, resetAfter: (value: Bool, line: Int)?, prefix: String?
    ) throws(FileProblem) -> ChosenArrays {
        let selection = try GRULocator.locate(
            names: source.arrayNames, stripNPY: false, declared: declared, prefix: prefix)
        var decoded: [String: WeightArray] = [:]
        for role in GRUArrayRole.roles(of: selection.variant) {
            let name = selection.name(role)
            decoded[name] = try source.array(named: name)
        }
        return ChosenArrays(
            selection: selection, arrays: DecodedArrays(arrayNames: source.arrayNames, arrays: decoded), resetAfter: resetAfter)
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
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileProblem("cannot open it for reading") }
        defer { close(descriptor) }
        // Read straight into the array (through Data it was two copies of a 19 MB file); one
        // byte past the size stat gave tells a file that grew since from one that did not.
        let expected = Int(info.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { throw FileProblem("cannot read it: \(String(cString: strerror(failure)))") }
        guard bytes.count <= expected else {
            throw FileProblem("the file changed while gruscope read it; try again once it is written")
        }
        return bytes
    }

    /// The format by content: the HDF5 signature, a zip holding a Keras model or else .npz
    /// arrays, a protobuf that starts like an ONNX model, or JSON; the extension decides only
    /// between formats the content leaves open.
    private static func format(of path: String, bytes: [UInt8]) throws(FileProblem) -> Format {
        let name = path.lowercased()
        if HDF5File.isHDF5(bytes) { return .hdf5 }
        if bytes.starts(with: [0x50, 0x4B]) {
            let directory = try ZipDirectory(bytes: bytes)
            return directory.entries.contains { $0.name == KerasWeights.weightsEntry } ? .keras : .npz
        }
        if bytes.starts(with: NPYDecoder.magic) || name.hasSuffix(".npz") { return .npz }
        if name.hasSuffix(".onnx") || ONNXModel.looksLikeONNX(bytes) { return .onnx }
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
