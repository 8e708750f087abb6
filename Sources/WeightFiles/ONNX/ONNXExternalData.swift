import Foundation

/// Where an ONNX tensor keeps its bytes outside the model (external data): a file beside the
/// model, an offset and a length. torch.onnx.export writes every weight to `MODEL.onnx.data`.
///
/// The location must be a plain file name in the model's own folder (no folders, no `..`,
/// no link followed), and the bytes read are exactly the ones the tensor's shape needs, checked
/// against the file's size before they are read.
struct ONNXExternalData {
    let location: String
    let offset: Int
    let length: Int?
    private let what: String

    init(_ tensor: Onnx_TensorProto, role: String, node: String) throws(FileProblem) {
        what = "the \(role) of GRU node \(OneLine.quoted(node))"
        var location: String?
        var offset = 0
        var length: Int?
        for entry in tensor.externalData {
            switch entry.key {
            case "location": location = entry.value
            case "offset", "length":
                guard let number = Int(entry.value), number >= 0 else {
                    throw FileProblem("\(what) gives its external data \(entry.key) as \(OneLine.quoted(entry.value)), "
                        + "expected a whole number")
                }
                if entry.key == "offset" { offset = number } else { length = number }
            default: continue
            }
        }
        guard let location, !location.isEmpty else {
            throw FileProblem("\(what) is stored outside the model but does not say where (external data without a location)")
        }
        guard !location.contains("/"), !location.contains("\\"), location != ".", location != "..",
            !location.contains("\u{0}")
        else {
            throw FileProblem("\(what) is stored in \(OneLine.quoted(location)), which is not a file beside the model; "
                + "gruscope reads external data only from the model's own folder. Save the model whole with "
                + "onnx.save(onnx.load(\"m.onnx\"), \"whole.onnx\")")
        }
        self.location = location
        self.offset = offset
        self.length = length
    }

    /// The tensor's `expected` bytes from the file in `directory`.
    func read(in directory: String, expected: Int) throws(FileProblem) -> Data {
        if let length, length != expected {
            throw FileProblem("\(what) says its external data has \(length) bytes, but its shape needs \(expected)")
        }
        guard expected <= WeightFile.maximumFileSize else {
            throw FileProblem("\(what) needs \(ByteCount.text(expected)) of external data, more than the "
                + "\(ByteCount.text(WeightFile.maximumFileSize)) gruscope reads")
        }
        let path = directory + "/" + location
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
            throw FileProblem("\(what) is stored beside the model in \(OneLine.quoted(location)), which cannot be read "
                + "(\(reason)); keep that file next to the model, or save the model whole with "
                + "onnx.save(onnx.load(\"m.onnx\"), \"whole.onnx\")")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw FileProblem("\(what) is stored in \(OneLine.quoted(location)), which is not a regular file")
        }
        let (end, overflow) = offset.addingReportingOverflow(expected)
        guard !overflow, end <= Int(info.st_size) else {
            throw FileProblem("\(what) needs bytes \(offset) to \(offset &+ expected) of \(OneLine.quoted(location)), "
                + "which has \(info.st_size); the file is cut off or not this model's")
        }
        let (bytes, failure) = readBytes(descriptor, offset: offset, count: expected)
        guard failure == 0, bytes.count == expected else {
            throw FileProblem("\(what) could not be read from \(OneLine.quoted(location))"
                + (failure != 0 ? ": \(String(cString: strerror(failure)))" : ": the file ended early"))
        }
        return Data(bytes)
    }
}
