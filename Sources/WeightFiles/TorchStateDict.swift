/// A PyTorch state_dict saved by `torch.save`: the zip archive PyTorch writes since 1.6
/// (`data.pkl` plus one `data/<key>` entry per storage), or the legacy file written with
/// `_use_new_zipfile_serialization=False` (five pickles in a row, then the raw storages).
///
/// The pickles are read by ``RestrictedUnpickler``: nothing is ever run or imported. Tensor
/// names are the state_dict's keys; a checkpoint that nests the state_dict in a dict
/// (`{"model": model.state_dict(), "epoch": 3}`) has its keys joined with dots
/// (`model.gru.weight_ih_l0`), so `--prefix model.gru` picks the GRU.
struct TorchStateDict: WeightArraySource {
    /// Where the storages' bytes are.
    private enum Storages {
        /// One zip entry per storage key.
        case zip(ZipDirectory, [String: ZipEntry])
        /// Element offsets (in bytes) and counts in the legacy file.
        case legacy([UInt8], [String: (offset: Int, count: Int)])
    }

    private let storages: Storages
    let arrayNames: [String]
    private let tensors: [String: RestrictedUnpickler.Tensor]
    /// Nested dicts are read this deep at most.
    static let maximumNesting = 8

    /// The zip archive `torch.save` writes.
    init(zip bytes: [UInt8]) throws(FileProblem) {
        let directory = try ZipDirectory(bytes: bytes, writer: "torch.save")
        let total = directory.declaredUncompressedTotal
        guard total <= WeightFile.maximumUnpackedSize else {
            throw FileProblem(
                "its entries would unpack to \(ByteCount.text(total)), more than the "
                    + "\(ByteCount.text(WeightFile.maximumUnpackedSize)) gruscope allows; the archive is damaged or hostile")
        }
        let pickles = directory.entries.filter { $0.name == "data.pkl" || $0.name.hasSuffix("/data.pkl") }
        guard pickles.count == 1, let pickleEntry = pickles.first else {
            throw FileProblem(
                "it holds \(pickles.count) data.pkl entries where torch.save writes one; save the state_dict again "
                    + "with torch.save")
        }
        let root = String(pickleEntry.name.dropLast("data.pkl".count))
        if let order = directory.entries.first(where: { $0.name == root + "byteorder" }) {
            let text = try directory.contents(of: order)
            guard text.elementsEqual("little".utf8) else {
                throw FileProblem(
                    "it was saved on a big-endian machine (byteorder \(OneLine.quoted(String(decoding: text, as: UTF8.self)))); "
                        + "gruscope reads little-endian archives: load and save it again on a little-endian machine")
            }
        }
        var entries: [String: ZipEntry] = [:]
        let dataPrefix = root + "data/"
        for entry in directory.entries where entry.name.hasPrefix(dataPrefix) {
            entries[String(entry.name.dropFirst(dataPrefix.count))] = entry
        }
        var unpickler = RestrictedUnpickler(bytes: Array(try directory.contents(of: pickleEntry)))
        let value = try unpickler.load()
        let found = try Self.flatten(value, in: unpickler)
        storages = .zip(directory, entries)
        arrayNames = found.names
        tensors = found.tensors
    }

    /// The magic number that opens a legacy file, as the pickle opcodes that hold it:
    /// LONG1 of 10 bytes, 0x1950a86a20f9469cfc6c.
    static let legacyMagicOpcodes: [UInt8] = [0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

    /// A legacy file: magic number, protocol version, system info, the state_dict, the storage
    /// keys; then each storage as an 8-byte element count and its raw bytes.
    init(legacy bytes: [UInt8]) throws(FileProblem) {
        var offset = 0
        func next(persistentIDs: Bool = false) throws(FileProblem) -> (RestrictedUnpickler, RestrictedUnpickler.Value) {
            var unpickler = RestrictedUnpickler(bytes: bytes, start: offset, persistentIDLength: 6...6)
            let value = try unpickler.load()
            offset = unpickler.end
            return (unpickler, value)
        }
        let (_, magic) = try next()
        guard case .bigInt = magic else { throw FileProblem("it does not start with torch.save's magic number") }
        let (_, version) = try next()
        guard version == .int(1001) else {
            throw FileProblem("it is a legacy torch.save file of protocol version \(version); gruscope reads version 1001")
        }
        let (infoPickle, info) = try next()
        guard case let .object(infoIndex) = info, case let .dict(infoDict) = infoPickle.objects[infoIndex] else {
            throw FileProblem("its system information is not a dict; the file is damaged")
        }
        if let index = infoDict.stringIndex["little_endian"], infoDict.values[index] == .bool(false) {
            throw FileProblem(
                "it was saved on a big-endian machine; load and save it again on a little-endian machine")
        }
        let (mainPickle, main) = try next()
        let found = try Self.flatten(main, in: mainPickle)
        let (keysPickle, keys) = try next()
        guard case let .object(keysIndex) = keys, case let .list(keyValues) = keysPickle.objects[keysIndex] else {
            throw FileProblem("its list of storages is not a list; the file is damaged")
        }
        // Bytes per element of each storage, from the tensors that use it.
        var itemSizes: [String: Int] = [:]
        for tensor in found.tensors.values { itemSizes[tensor.storage.key] = tensor.storage.itemSize }
        var located: [String: (offset: Int, count: Int)] = [:]
        for keyValue in keyValues {
            guard case let .string(key) = keyValue else { throw FileProblem("its list of storages holds a non-string key") }
            guard let count = bytes.uint64(at: offset) else {
                throw FileProblem("it is cut off before the storage \(OneLine.quoted(key)); the file is truncated")
            }
            offset += 8
            let itemSize = itemSizes[key] ?? 1
            let remaining = bytes.count - offset
            guard count <= UInt64(remaining / itemSize) else {
                throw FileProblem(
                    "its storage \(OneLine.quoted(key)) claims \(count) elements of \(itemSize) bytes but only \(remaining) "
                        + "bytes remain; the file is truncated")
            }
            located[key] = (offset, Int(count))
            offset += Int(count) * itemSize
        }
        storages = .legacy(bytes, located)
        arrayNames = found.names
        tensors = found.tensors
    }

    /// The tensors under string keys, nested dicts joined with dots, in file order.
    static func flatten(
        _ value: RestrictedUnpickler.Value, in unpickler: RestrictedUnpickler
    ) throws(FileProblem) -> (names: [String], tensors: [String: RestrictedUnpickler.Tensor]) {
        guard case let .object(root) = value, case .dict = unpickler.objects[root] else {
            throw FileProblem(
                "it holds \(unpickler.describe(value)), not a state_dict (a dict of tensors); \(RestrictedUnpickler.fix)")
        }
        var names: [String] = []
        var tensors: [String: RestrictedUnpickler.Tensor] = [:]
        var visited: Set<Int> = []
        func walk(_ index: Int, prefix: String, depth: Int) {
            guard depth <= maximumNesting, visited.insert(index).inserted,
                  case let .dict(dictionary) = unpickler.objects[index] else { return }
            for (key, item) in zip(dictionary.keys, dictionary.values) {
                guard case let .string(name) = key, case let .object(child) = item else { continue }
                switch unpickler.objects[child] {
                case let .tensor(tensor):
                    let full = prefix + name
                    if tensors[full] == nil { names.append(full) }
                    tensors[full] = tensor
                case .dict:
                    walk(child, prefix: prefix + name + ".", depth: depth + 1)
                default:
                    continue
                }
            }
        }
        walk(root, prefix: "", depth: 0)
        return (names, tensors)
    }

    private func tensor(named name: String) throws(FileProblem) -> RestrictedUnpickler.Tensor {
        guard let tensor = tensors[name] else { throw FileProblem("array \(OneLine.quoted(name)) is missing") }
        return tensor
    }

    /// The stored elements of a storage, checked against what its persistent id declares.
    private func storedCount(_ storage: RestrictedUnpickler.Storage, name: String) throws(FileProblem) -> Int {
        let available: Int
        switch storages {
        case let .zip(_, entries):
            guard let entry = entries[storage.key] else {
                throw FileProblem(
                    "array \(OneLine.quoted(name)) lives in storage \(OneLine.quoted(storage.key)), which the archive "
                        + "lacks; the file is damaged")
            }
            available = entry.uncompressedSize / storage.itemSize
        case let .legacy(_, located):
            guard let place = located[storage.key] else {
                throw FileProblem(
                    "array \(OneLine.quoted(name)) lives in storage \(OneLine.quoted(storage.key)), which the file "
                        + "lacks; the file is damaged")
            }
            available = place.count
        }
        return min(available, storage.count)
    }

    func header(named name: String) throws(FileProblem) -> ArrayHeader {
        let tensor = try tensor(named: name)
        let available = try storedCount(tensor.storage, name: name)
        if let problem = tensor.layout.problem(available: available) {
            throw FileProblem(
                "array \(OneLine.quoted(name)) has shape \(WeightArray.shapeText(tensor.layout.shape)) with \(problem); "
                    + "the file is damaged")
        }
        return ArrayHeader(name: name, shape: tensor.layout.shape, dtype: Self.dtypeName(tensor.storage), line: nil)
    }

    func array(named name: String) throws(FileProblem) -> WeightArray {
        let header = try header(named: name)
        let tensor = try tensor(named: name)
        guard let type = tensor.storage.type else {
            throw FileProblem(
                "array \(OneLine.quoted(name)) has dtype \(header.dtype); gruscope reads float32, float64, float16 and "
                    + "bfloat16 tensors: convert it with tensor.float() before saving")
        }
        let values: [Float]
        switch storages {
        case let .zip(directory, entries):
            guard let entry = entries[tensor.storage.key] else { throw FileProblem("array \(OneLine.quoted(name)) is missing") }
            let stored = try directory.contents(of: entry)
            values = try withRawBytes(stored) { raw throws(FileProblem) in try tensor.layout.gather(raw, as: type, name: name) }
        case let .legacy(bytes, located):
            guard let place = located[tensor.storage.key] else { throw FileProblem("array \(OneLine.quoted(name)) is missing") }
            let stored = bytes[place.offset..<(place.offset + place.count * type.size)]
            values = try withRawBytes(stored) { raw throws(FileProblem) in try tensor.layout.gather(raw, as: type, name: name) }
        }
        return WeightArray(name: name, shape: tensor.layout.shape, values: values, line: nil)
    }

    /// `float32` for `FloatStorage`, `int64` for `LongStorage`, ….
    private static func dtypeName(_ storage: RestrictedUnpickler.Storage) -> String {
        if let type = storage.type { return type.name }
        let names = [
            "LongStorage": "int64", "IntStorage": "int32", "ShortStorage": "int16", "CharStorage": "int8",
            "ByteStorage": "uint8", "BoolStorage": "bool", "ComplexFloatStorage": "complex64", "ComplexDoubleStorage": "complex128",
        ]
        return names[storage.typeName] ?? storage.typeName
    }
}
