/// What kind of file a weight file is, told from its content (magic bytes, zip member names),
/// never from its extension: a `.pt` that is really an .npz is read as an .npz.
///
/// Every format gruscope cannot read has one message naming it and the one line that exports
/// what gruscope can read (``refusal(file:)``).
public enum WeightFormat: String, Sendable, Hashable, CaseIterable {
    case npz, npy, json, jsonUTF16, safetensors
    case pytorchZip, pytorchLegacy, torchScript, pickle
    case onnx, hdf5, kerasZip
    case tensorFlowCheckpointIndex, tensorFlowCheckpointData
    case otherZip, empty, unknown

    /// The format's name as `gruscope weights` shows it.
    public var displayName: String {
        switch self {
        case .npz: return "NumPy .npz archive"
        case .npy: return "NumPy .npy array"
        case .json: return "JSON"
        case .jsonUTF16: return "JSON in UTF-16"
        case .safetensors: return "safetensors"
        case .pytorchZip: return "PyTorch torch.save archive"
        case .pytorchLegacy: return "PyTorch torch.save file (legacy, not a zip)"
        case .torchScript: return "TorchScript archive"
        case .pickle: return "Python pickle"
        case .onnx: return "ONNX model"
        case .hdf5: return "HDF5 file"
        case .kerasZip: return "Keras .keras archive"
        case .tensorFlowCheckpointIndex, .tensorFlowCheckpointData: return "TensorFlow checkpoint"
        case .otherZip: return "zip archive"
        case .empty: return "empty file"
        case .unknown: return "unknown"
        }
    }

    /// The formats gruscope reads, in the order `gruscope weights --help` lists them.
    public static let read: [WeightFormat] = [.pytorchZip, .pytorchLegacy, .safetensors, .onnx, .kerasZip, .hdf5, .npz, .json]

    /// The formats gruscope recognises and refuses, each with what to do instead.
    public static let refused: [WeightFormat] = [.tensorFlowCheckpointIndex, .torchScript, .pickle, .npy, .jsonUTF16]

    /// How a user gets this format (or, for one gruscope refuses, what to do instead), for
    /// `--help`, beside ``shortName``.
    public var saving: String {
        switch self {
        case .pytorchZip: return "torch.save(model.state_dict(), \"m.pth\")"
        case .pytorchLegacy: return "torch.save(..., _use_new_zipfile_serialization=False)"
        case .safetensors: return "safetensors.torch.save_file(model.state_dict(), ...)"
        case .onnx: return "torch.onnx.export(model, x, \"m.onnx\"): every GRU node"
        case .kerasZip: return "model.save(\"m.keras\") (Keras 3)"
        case .hdf5: return "model.save_weights(\"m.weights.h5\"); tf_keras .h5 too"
        case .npz: return "np.savez(\"m.npz\", **arrays), by framework names"
        case .json: return "{\"variant\": \"pytorch\", \"weight_ih\": [[...]], ...}"
        case .tensorFlowCheckpointIndex, .tensorFlowCheckpointData:
            return ".index and .data-* files; convert them in Python: " + Self.checkpointConversion(prefix: "model.ckpt")
        case .torchScript: return Self.torchScriptConversion
        case .pickle: return "never run; save the arrays: " + Self.numpyExport
        case .npy: return "read by --inputs, not as weights; save them with np.savez"
        case .jsonUTF16: return "save it as UTF-8"
        case .otherZip, .empty, .unknown: return displayName
        }
    }

    /// The list for `--help`: what is read, then what is refused, a format a line.
    public static var helpList: String {
        let width = (read + refused).map(\.shortName.count).max() ?? 0
        func line(_ format: WeightFormat) -> String {
            "  " + format.shortName + String(repeating: " ", count: width + 2 - format.shortName.count) + format.saving
        }
        return "Reads:\n" + read.map(line).joined(separator: "\n")
            + "\n\nRefuses, saying what to do:\n" + refused.map(line).joined(separator: "\n")
    }

    /// The format's short name in lists of what gruscope reads.
    var shortName: String {
        switch self {
        case .pytorchZip: return "PyTorch .pt/.pth/.bin"
        case .pytorchLegacy: return "legacy PyTorch pickles"
        case .onnx: return "ONNX"
        case .kerasZip: return "Keras .keras"
        case .hdf5: return "HDF5 .h5/.weights.h5"
        case .npz: return "NumPy .npz"
        case .tensorFlowCheckpointIndex, .tensorFlowCheckpointData: return "TensorFlow checkpoints"
        case .torchScript: return "TorchScript archives"
        case .pickle: return "other Python pickles"
        case .npy: return "a single .npy array"
        default: return displayName
        }
    }

    /// The format of a file with these bytes; `name` (the path) only tells a TensorFlow
    /// checkpoint's data shard, which is raw numbers with no signature of its own.
    public static func detect(_ bytes: [UInt8], name: String = "") -> WeightFormat {
        guard !bytes.isEmpty else { return .empty }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return zipFormat(bytes)
        }
        if bytes.starts(with: NPYDecoder.magic) { return .npy }
        if hdf5SignatureOffset(bytes) != nil { return .hdf5 }
        if isUTF16JSON(bytes) { return .jsonUTF16 }
        // JSON: `{` or `[` after white space or a UTF-8 byte-order mark (white space alone is an
        // empty JSON file, which the JSON reader names as such).
        let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || first == nil || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return .json
        }
        if SafetensorsFile.looksLikeSafetensors(bytes) { return .safetensors }
        if bytes.count >= 2, bytes[0] == 0x80, (2...5).contains(bytes[1]) {
            return bytes.dropFirst(2).starts(with: TorchStateDict.legacyMagicOpcodes) ? .pytorchLegacy : .pickle
        }
        if isTensorFlowIndex(bytes) { return .tensorFlowCheckpointIndex }
        if ONNXSniffer.looksLikeModel(bytes) { return .onnx }
        if isTensorFlowDataShard(name) { return .tensorFlowCheckpointData }
        return .unknown
    }

    /// A zip's kind from its member names: the central directory's, or the first local
    /// header's when the directory is damaged (the reader then says how).
    private static func zipFormat(_ bytes: [UInt8]) -> WeightFormat {
        let names: [String]
        if let directory = try? ZipDirectory(bytes: bytes) {
            names = directory.entries.map(\.name)
        } else {
            names = ZipDirectory.firstLocalName(bytes).map { [$0] } ?? []
        }
        var npy = false, pickle = false, torchScript = false, config = false, kerasWeights = false
        for name in names {
            if name.hasSuffix(".npy") { npy = true }
            if name == "data.pkl" || name.hasSuffix("/data.pkl") { pickle = true }
            if name.hasSuffix("/constants.pkl") || name.contains("/code/") { torchScript = true }
            if name == "config.json" { config = true }
            if name == "model.weights.h5" { kerasWeights = true }
        }
        if torchScript { return .torchScript }
        if pickle { return .pytorchZip }
        if config || kerasWeights { return .kerasZip }
        if npy || names.isEmpty { return .npz }
        return .otherZip
    }

    /// HDF5's signature, at 0 or at 512, 1024, 2048, … (a user block may come first), counted
    /// from the start of `window` (all of `bytes` by default: a file in a zip has its own).
    static func hdf5SignatureOffset(_ bytes: [UInt8], in window: Range<Int>? = nil) -> Int? {
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
        let window = window ?? bytes.indices
        var offset = 0
        while offset + signature.count <= window.count {
            let at = window.lowerBound + offset
            if bytes[at..<(at + signature.count)].elementsEqual(signature) { return offset }
            offset = offset == 0 ? 512 : offset * 2
        }
        return nil
    }

    /// A UTF-16 byte-order mark, or `{` with a zero byte beside it.
    private static func isUTF16JSON(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        guard bytes.count >= 2 else { return false }
        return (bytes[0] == UInt8(ascii: "{") && bytes[1] == 0) || (bytes[0] == 0 && bytes[1] == UInt8(ascii: "{"))
    }

    /// A TensorFlow checkpoint's `.index` is a LevelDB table, which ends with its magic number.
    private static func isTensorFlowIndex(_ bytes: [UInt8]) -> Bool {
        let magic: [UInt8] = [0x57, 0xFB, 0x80, 0x8B, 0x24, 0x75, 0x47, 0xDB]
        return bytes.count >= 48 && bytes.suffix(8).elementsEqual(magic)
    }

    /// `model.ckpt.data-00000-of-00001`.
    private static func isTensorFlowDataShard(_ name: String) -> Bool {
        guard let range = name.range(of: ".data-", options: .backwards) else { return false }
        let tail = name[range.upperBound...]
        let parts = tail.split(separator: "-")
        return parts.count == 3 && parts[1] == "of" && parts[0].allSatisfy(\.isNumber) && parts[2].allSatisfy(\.isNumber)
    }

    /// The cells of a file in this format, from its bytes; `name` is the path, for messages.
    func cells(in bytes: [UInt8], name: String) throws(FileProblem) -> [CatalogueCell] {
        switch self {
        case .npz:
            return try NamedArrayCatalogue.cells(in: NPZArchive(bytes: bytes, unpackedLimit: WeightFile.maximumUnpackedSize))
        case .json:
            let document = try JSONWeightDocument(bytes: bytes)
            return try NamedArrayCatalogue.cells(
                in: document, declared: document.variant, resetAfter: document.resetAfter.map { ($0.value, $0.line) })
        case .safetensors:
            return try NamedArrayCatalogue.cells(in: SafetensorsFile(bytes: bytes))
        case .pytorchZip:
            return try NamedArrayCatalogue.cells(in: TorchStateDict(zip: bytes))
        case .pytorchLegacy:
            return try NamedArrayCatalogue.cells(in: TorchStateDict(legacy: bytes))
        case .onnx:
            let slash = name.lastIndex(of: "/")
            let directory = slash.map { name[..<$0].isEmpty ? "/" : String(name[..<$0]) } ?? "."
            return try ONNXModel(bytes: bytes, directory: directory).catalogueCells()
        case .hdf5:
            return try KerasWeights.cells(hdf5: bytes)
        case .kerasZip:
            return try KerasWeights.cells(archive: bytes)
        default:
            throw refusal(file: name, bytes: bytes)
        }
    }

    /// The one message for a file gruscope does not read: what it is, and the line that helps.
    func refusal(file: String, bytes: [UInt8]) -> FileProblem {
        switch self {
        case .empty:
            return FileProblem("the file is empty")
        case .npy:
            return FileProblem("this is a single .npy array, not an .npz archive; save all the weights with numpy.savez")
        case .jsonUTF16:
            return FileProblem(
                "this JSON file is in UTF-16 (it starts with bytes \(Self.hexPrefix(bytes, count: 2))); "
                    + "gruscope reads UTF-8: save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 in.json > out.json")
        case .torchScript:
            return FileProblem(
                "this is a TorchScript archive (torch.jit.save), which holds code as well as weights; "
                    + "save the weights alone: " + Self.torchScriptConversion)
        case .pickle:
            return FileProblem(
                "this is a Python pickle but not one torch.save wrote, and gruscope never runs a pickle; "
                    + "save the arrays with numpy: " + Self.numpyExport)
        case .tensorFlowCheckpointIndex, .tensorFlowCheckpointData:
            return FileProblem(
                "this is a TensorFlow checkpoint, which gruscope does not read; convert it in Python: "
                    + Self.checkpointConversion(prefix: OneLine.clean(Self.checkpointPrefix(file))))
        case .otherZip:
            return FileProblem(
                "this zip archive holds neither .npy arrays nor a PyTorch data.pkl; gruscope reads numpy.savez "
                    + "archives and torch.save files")
        case .unknown:
            return FileProblem(
                "gruscope cannot tell what this file is (it starts with bytes \(Self.hexPrefix(bytes, count: 8))); "
                    + "it reads \(Self.readable)")
        case .npz, .json, .safetensors, .pytorchZip, .pytorchLegacy, .onnx, .hdf5, .kerasZip:
            return FileProblem("this \(displayName) cannot be read")
        }
    }

    /// The formats gruscope reads, for messages and option help: ``read`` in a line.
    public static let readable = read.dropLast().map(\.shortName).joined(separator: ", ") + " and " + (read.last?.shortName ?? "")

    /// The line that converts a TensorFlow checkpoint `prefix` (model.ckpt) into an .npz.
    static func checkpointConversion(prefix: String) -> String {
        "import tensorflow as tf, numpy as np; r = tf.train.load_checkpoint(\"\(prefix)\"); "
            + "np.savez(\"gru.npz\", **{k: r.get_tensor(k) for k in r.get_variable_to_shape_map()})"
    }

    /// The line that saves a TorchScript archive's weights as a state_dict.
    static let torchScriptConversion = "torch.save(torch.jit.load(\"m.pt\").state_dict(), \"gru.pth\")"

    /// The line that saves named arrays with numpy.
    static let numpyExport = "np.savez(\"gru.npz\", **weights)"

    /// `model.ckpt` for `model.ckpt.index` or `model.ckpt.data-00000-of-00001`.
    private static func checkpointPrefix(_ file: String) -> String {
        if file.hasSuffix(".index") { return String(file.dropLast(".index".count)) }
        if let range = file.range(of: ".data-", options: .backwards) { return String(file[..<range.lowerBound]) }
        return file
    }

    private static func hexPrefix(_ bytes: [UInt8], count: Int) -> String {
        bytes.prefix(count).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
