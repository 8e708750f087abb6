/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the raw little-endian data. PyTorch's names are kept, so a
/// GRU's `weight_ih_l0` is found as in a state_dict.
struct SafetensorsFile: WeightArraySource {
    /// safetensors itself refuses longer headers.
    static let maximumHeaderLength = 100_000_000

    private struct Tensor {
        let dtype: String
        let type: StoredFloat?
        let shape: [Int]
        let begin: Int
        let end: Int
        let line: Int
    }

    private let bytes: [UInt8]
    private let dataStart: Int
    let arrayNames: [String]
    private let tensors: [String: Tensor]

    /// Whether `bytes` start like a safetensors file: a length that fits, then `{`.
    /// A length past the end still counts (a truncated file is named as what it is).
    static func looksLikeSafetensors(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 10, let length = bytes.uint64(at: 0), length >= 2, length <= UInt64(UInt32.max) else {
            return false
        }
        return bytes[8] == UInt8(ascii: "{")
    }

    init(bytes: [UInt8]) throws(FileProblem) {
        guard let declared = bytes.uint64(at: 0), declared <= UInt64(min(bytes.count - 8, Self.maximumHeaderLength)) else {
            throw FileProblem(
                "its header length (the first 8 bytes) is past the end of the file or over "
                    + "\(ByteCount.text(Self.maximumHeaderLength)); the file is truncated or not safetensors")
        }
        let length = Int(declared)
        self.bytes = bytes
        dataStart = 8 + length
        let root = try Self.parseHeader(Array(bytes[8..<dataStart]))
        guard case let .object(members) = root.value else {
            throw FileProblem("its header holds \(root.value.kind), not a JSON object")
        }
        let dataLength = bytes.count - dataStart
        var names: [String] = []
        var tensors: [String: Tensor] = [:]
        for member in members where member.key != "__metadata__" {
            let tensor = try Self.tensor(member, dataLength: dataLength)
            names.append(member.key)
            tensors[member.key] = tensor
        }
        arrayNames = names
        self.tensors = tensors
    }

    /// The header's JSON; a problem inside it is reported as in the header.
    private static func parseHeader(_ header: [UInt8]) throws(FileProblem) -> JSONNode {
        do {
            return try JSONReader.parse(header, packingNumbers: false)
        } catch {
            throw FileProblem("its JSON header is damaged: \(error.line.map { "line \($0): " } ?? "")\(error.text)")
        }
    }

    private static func tensor(_ member: JSONMember, dataLength: Int) throws(FileProblem) -> Tensor {
        let quoted = OneLine.quoted(member.key)
        func damaged(_ what: String) -> FileProblem {
            FileProblem("tensor \(quoted) in its header has \(what); the file is damaged or not safetensors")
        }
        guard case let .object(fields) = member.value.value else { throw damaged("no dtype, shape and data_offsets") }
        var dtype: String?
        var shape: [Int]?
        var offsets: [Int]?
        func integers(_ node: JSONNode) -> [Int]? {
            guard case let .array(items) = node.value else { return nil }
            var result: [Int] = []
            for item in items {
                guard case let .number(value) = item.value, value >= 0, value <= 9_007_199_254_740_992,
                      value == value.rounded(), let integer = Int(exactly: value) else { return nil }
                result.append(integer)
            }
            return result
        }
        for field in fields {
            switch field.key {
            case "dtype":
                guard case let .string(text) = field.value.value else { throw damaged("a dtype that is not a string") }
                dtype = text
            case "shape":
                guard let values = integers(field.value) else { throw damaged("a shape that is not a list of sizes") }
                shape = values
            case "data_offsets":
                guard let values = integers(field.value), values.count == 2 else {
                    throw damaged("data_offsets that are not two byte offsets")
                }
                offsets = values
            default:
                continue
            }
        }
        guard let dtype, let shape, let offsets else { throw damaged("no dtype, shape and data_offsets") }
        let type: StoredFloat? = ["F32": .float32, "F64": .float64, "F16": .float16, "BF16": .bfloat16][dtype]
        let begin = offsets[0], end = offsets[1]
        guard begin <= end, end <= dataLength else {
            throw damaged("data from byte \(begin) to \(end) of \(dataLength)")
        }
        let itemSize = type?.size ?? ["I64": 8, "U64": 8, "I32": 4, "U32": 4, "I16": 2, "U16": 2, "I8": 1, "U8": 1, "BOOL": 1][dtype]
        if let itemSize {
            guard let count = WeightArray.elementCount(shape), case let (bytes, false) = count.multipliedReportingOverflow(by: itemSize),
                  bytes == end - begin
            else {
                throw damaged("shape \(WeightArray.shapeText(shape)) of \(OneLine.clean(dtype)) in \(end - begin) bytes")
            }
        }
        return Tensor(dtype: dtype, type: type, shape: shape, begin: begin, end: end, line: member.line)
    }

    private func tensor(named name: String) throws(FileProblem) -> Tensor {
        guard let tensor = tensors[name] else { throw FileProblem("array \(OneLine.quoted(name)) is missing") }
        return tensor
    }

    func header(named name: String) throws(FileProblem) -> ArrayHeader {
        let tensor = try tensor(named: name)
        return ArrayHeader(name: name, shape: tensor.shape, dtype: tensor.type?.name ?? OneLine.clean(tensor.dtype), line: nil)
    }

    func array(named name: String) throws(FileProblem) -> WeightArray {
        let tensor = try tensor(named: name)
        guard let type = tensor.type else {
            throw FileProblem(
                "array \(OneLine.quoted(name)) has dtype \(OneLine.clean(tensor.dtype)); gruscope reads F32, F64, F16 "
                    + "and BF16 tensors: convert it with tensor.float() before saving")
        }
        let start = dataStart + tensor.begin
        let values = try withRawBytes(bytes[start..<(dataStart + tensor.end)]) { raw throws(FileProblem) in
            try TensorLayout.contiguous(tensor.shape).gather(raw, as: type, name: name)
        }
        return WeightArray(name: name, shape: tensor.shape, values: values, line: nil)
    }
}
