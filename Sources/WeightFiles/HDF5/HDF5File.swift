/// One dataset an HDF5 file holds, as its header describes it (nothing read yet).
struct HDF5Dataset: Equatable {
    /// The path from the root, without a leading `/`: `layers/gru/cell/vars/0`.
    let path: String
    /// The dimensions, outermost first; empty for a scalar.
    let shape: [Int]
    /// What kind of values it holds.
    let kind: Kind

    enum Kind: Equatable {
        /// Little-endian IEEE floating point, as float16, float32 or float64.
        case float(StoredFloat)
        /// Floating point in another layout (big-endian, or other sizes); refused on reading.
        case unusualFloat(bytes: Int)
        /// Anything else (integers, strings, compounds), by HDF5's class number.
        case other(typeClass: Int)
    }

    /// The last component of the path.
    var name: Substring { path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path) }

    /// The path of the group holding it.
    var parent: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `float32`, `float16`, `float64` or `not floating point`, for messages and listings.
    var typeName: String {
        switch kind {
        case let .float(stored): return stored.name
        case let .unusualFloat(bytes): return "float\(bytes * 8) (big-endian or not IEEE)"
        case .other: return "not floating point"
        }
    }
}

/// An HDF5 file read by gruscope itself, treating every byte as hostile: the subset that h5py
/// (so Keras and tf_keras) writes, and nothing else.
///
/// - Superblock versions 0 to 3; object headers version 1 and 2 with continuation blocks.
/// - Groups as symbol tables (a version-1 B-tree of symbol nodes and a local heap, h5py's
///   default) or as link messages in the header (`libver="latest"`). Only hard links are followed:
///   a soft or external link, which could point into another file, is never resolved. Groups
///   kept in a dense index (a fractal heap, past 8 links with `libver="latest"`) are refused.
/// - Datasets: a dataspace, an IEEE float type (float16/32/64, little-endian), and contiguous or
///   compact storage inside the file. Chunked or filtered (compressed) storage is refused, as
///   Keras writes neither.
/// - String attributes, fixed-length or variable-length (in a global heap), one or many.
///
/// Every field is bounds-checked as it is read (``HDF5Reader``); walks are bounded by
/// ``maximumObjects`` and ``maximumDepth``; and all the structure one file makes gruscope read
/// (headers, tree nodes, heaps, the paths it builds) is bounded by ``structureBudget(fileSize:)``,
/// so loops, shared nodes and overlapping blocks end in a message, never a hang. Checksums are
/// not verified: a damaged file's numbers are judged as numbers (shape, finiteness).
final class HDF5File {
    /// Groups and datasets a walk visits at most.
    static let maximumObjects = 10_000
    /// Nested groups a walk enters at most.
    static let maximumDepth = 32
    /// The longest link name read, in bytes.
    static let maximumNameBytes = 1024
    /// The longest string attribute read (a model's configuration), in bytes.
    static let maximumStringBytes = 16 << 20
    /// Bytes of structure read per byte of the file, on top of ``structureAllowance``.
    static let structureReadsPerByte = 8
    /// Bytes of structure any file may make gruscope read, however small.
    static let structureAllowance = 1 << 20

    /// The structure one file of `fileSize` bytes may make gruscope read, in bytes.
    static func structureBudget(fileSize: Int) -> Int {
        structureAllowance + structureReadsPerByte * fileSize
    }

    /// The message for a structure that cannot be read.
    static func damaged(_ detail: String) -> FileProblem {
        FileProblem("it is a damaged HDF5 file: \(detail); save it again")
    }

    private let bytes: [UInt8]
    /// Where the HDF5 image starts and ends in `bytes`: the whole of a .weights.h5 file, the
    /// stored entry of a .keras archive (read where it lies, not copied out).
    private let imageStart: Int
    private let imageEnd: Int
    /// Where the file's addresses count from (the superblock's base address).
    private let base: Int
    /// Bytes of an address and of a length in this file (2, 4 or 8 each).
    private let offsetSize: Int
    private let lengthSize: Int
    /// The root group's object header.
    private let root: Int
    /// Structure bytes still allowed to be read.
    private var budget: Int

    private var headers: [Int: Header] = [:]
    private var groupLinks: [Int: [Link]] = [:]
    private var globalHeaps: [Int: [UInt64: Range<Int>]] = [:]

    /// Reads the superblock of the HDF5 image `bytes[window]` (all of `bytes` by default) and
    /// runs `body` with the file.
    static func withFile<T>(bytes: [UInt8], window: Range<Int>? = nil, _ body: (HDF5File) throws(FileProblem) -> T) throws(FileProblem) -> T {
        try body(HDF5File(bytes: bytes, window: window ?? bytes.indices))
    }

    private init(bytes: [UInt8], window: Range<Int>) throws(FileProblem) {
        precondition(window.lowerBound >= 0 && window.upperBound <= bytes.count, "the HDF5 image lies outside its bytes")
        guard let signature = WeightFormat.hdf5SignatureOffset(bytes, in: window) else {
            throw FileProblem("it does not start with the HDF5 signature, so it is not an HDF5 file")
        }
        self.bytes = bytes
        imageStart = window.lowerBound
        imageEnd = window.upperBound
        let start = imageStart + signature
        budget = Self.structureBudget(fileSize: window.count)
        var reader = HDF5Reader(bytes, start..<imageEnd, what: "its superblock")
        try reader.skip(8)
        let version = try reader.byte()
        let offsets: Int, lengths: Int, baseAddress: UInt64, endAddress: UInt64, rootAddress: UInt64
        switch version {
        case 0, 1:
            try reader.skip(4)
            offsets = Int(try reader.byte())
            lengths = Int(try reader.byte())
            try reader.skip(1 + 2 + 2 + 4 + (version == 1 ? 4 : 0))
            guard [2, 4, 8].contains(offsets), [2, 4, 8].contains(lengths) else {
                throw Self.damaged("its superblock gives addresses of \(offsets) bytes and lengths of \(lengths)")
            }
            baseAddress = try reader.number(offsets)
            try reader.skip(offsets)
            endAddress = try reader.number(offsets)
            try reader.skip(offsets)
            // The root group's symbol table entry: its name's offset, then its object header.
            try reader.skip(offsets)
            rootAddress = try reader.number(offsets)
        case 2, 3:
            offsets = Int(try reader.byte())
            lengths = Int(try reader.byte())
            try reader.skip(1)
            guard [2, 4, 8].contains(offsets), [2, 4, 8].contains(lengths) else {
                throw Self.damaged("its superblock gives addresses of \(offsets) bytes and lengths of \(lengths)")
            }
            baseAddress = try reader.number(offsets)
            try reader.skip(offsets)
            endAddress = try reader.number(offsets)
            rootAddress = try reader.number(offsets)
        default:
            throw FileProblem("it is an HDF5 file of superblock version \(version), which gruscope does not read; "
                + "save it again with h5py (Keras does)")
        }
        offsetSize = offsets
        lengthSize = lengths
        guard baseAddress <= UInt64(window.count) else { throw Self.damaged("its base address is past its end") }
        base = imageStart + Int(baseAddress)
        let (fileEnd, overflow) = endAddress.addingReportingOverflow(baseAddress)
        guard !overflow, fileEnd <= UInt64(window.count) else {
            throw FileProblem("it is an HDF5 file cut off: its superblock says it ends at byte \(endAddress), "
                + "but it has \(imageEnd - base) bytes; copy or save it again")
        }
        root = try Self.absolute(rootAddress, base: base, offsetSize: offsets, count: imageEnd, what: "its root group")
    }

    // MARK: The tree

    /// Every dataset reachable through hard links, in name order, and every group's path.
    func walk() throws(FileProblem) -> (datasets: [HDF5Dataset], groups: [String]) {
        var walk = Walk()
        walk.groups.append("")
        try visit(group: root, path: "", depth: 0, walk: &walk)
        return (walk.datasets, walk.groups)
    }

    private struct Walk {
        var datasets: [HDF5Dataset] = []
        var groups: [String] = []
        var visited = 0
    }

    private func visit(group: Int, path: String, depth: Int, walk: inout Walk) throws(FileProblem) {
        guard depth < Self.maximumDepth else {
            throw FileProblem("its groups nest deeper than \(Self.maximumDepth) levels (at \(OneLine.quoted(path))); "
                + "a Keras weight file nests a few")
        }
        let children = try links(ofGroup: group, path: path)
        guard children.count <= Self.maximumObjects - walk.visited else { throw tooManyObjects() }
        for link in children {
            walk.visited += 1
            guard walk.visited <= Self.maximumObjects else { throw tooManyObjects() }
            // Soft and external links are not followed: an external one names another file.
            guard let address = link.address else { continue }
            let child = join(path, link.name)
            // The paths built are structure read too: a cycle of long names stays bounded.
            try spend(child.utf8.count)
            let header = try header(at: address, path: child)
            switch header.kind {
            case .group:
                walk.groups.append(child)
                try visit(group: address, path: child, depth: depth + 1, walk: &walk)
            case .dataset:
                if let dataset = try describe(header, path: child) { walk.datasets.append(dataset) }
            case .other:
                continue
            }
        }
    }

    /// One link of a group: its name and, for a hard link, the object header it leads to.
    private struct Link {
        let name: String
        let address: Int?
    }

    /// The links of the group whose object header is at `address`, in name order.
    private func links(ofGroup address: Int, path: String) throws(FileProblem) -> [Link] {
        if let known = groupLinks[address] { return known }
        let header = try header(at: address, path: path)
        var links: [Link] = []
        for message in header.messages {
            switch message.type {
            case MessageType.symbolTable:
                var reader = HDF5Reader(bytes, message.data, what: "the symbol table of \(shown(path))")
                let tree = try definedAddress(&reader, what: "the group \(shown(path))")
                let heap = try definedAddress(&reader, what: "the group \(shown(path))")
                links += try symbolTable(tree: tree, heap: heap, path: path)
            case MessageType.link:
                if let link = try linkMessage(message.data, path: path) { links.append(link) }
            case MessageType.linkInfo:
                var reader = HDF5Reader(bytes, message.data, what: "the link info of \(shown(path))")
                try reader.skip(1)
                let flags = try reader.byte()
                if flags & 1 != 0 { try reader.skip(8) }
                if try optionalAddress(&reader) != nil {
                    throw FileProblem("its group \(OneLine.quoted(shown(path))) keeps its links in a dense index, which "
                        + "gruscope does not read; save the file with h5py's defaults (as Keras does)")
                }
            default:
                continue
            }
        }
        links.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (a, b) in zip(links, links.dropFirst()) where a.name == b.name {
            throw Self.damaged("its group \(OneLine.quoted(shown(path))) has two links named \(OneLine.quoted(a.name))")
        }
        groupLinks[address] = links
        return links
    }

    /// The links of a symbol-table group: a version-1 B-tree whose leaves are symbol nodes
    /// naming their links by offsets into the group's local heap.
    private func symbolTable(tree: Int, heap: Int, path: String) throws(FileProblem) -> [Link] {
        let what = "the group \(shown(path))"
        var heapReader = try reader(at: heap, what: "the name heap of \(what)")
        try spend(32)
        try heapReader.expect("HEAP")
        try heapReader.skip(4)
        let segmentSize = try heapReader.count(lengthSize)
        try heapReader.skip(lengthSize)
        let segmentStart = try definedAddress(&heapReader, what: "the name heap of \(what)")
        guard segmentSize <= imageEnd - segmentStart else { throw Self.damaged("the name heap of \(what) is cut off") }
        let names = segmentStart..<(segmentStart + segmentSize)

        var links: [Link] = []
        var visited: Set<Int> = []
        var pending: [(address: Int, level: Int?)] = [(tree, nil)]
        while let (node, expectedLevel) = pending.popLast() {
            guard visited.insert(node).inserted else { throw Self.damaged("the index of \(what) loops") }
            var reader = try reader(at: node, what: "the index of \(what)")
            try reader.expect("TREE")
            guard try reader.byte() == 0 else { throw Self.damaged("the index of \(what) is not a group index") }
            let level = Int(try reader.byte())
            guard expectedLevel == nil || expectedLevel == level else { throw Self.damaged("the index of \(what) is malformed") }
            let entries = Int(try reader.number(2))
            try spend(8 + 2 * offsetSize + entries * (offsetSize + lengthSize) + lengthSize)
            try reader.skip(2 * offsetSize)
            for _ in 0..<entries {
                try reader.skip(lengthSize)
                let child = try definedAddress(&reader, what: "the index of \(what)")
                if level > 0 {
                    pending.append((child, level - 1))
                } else {
                    links += try symbolNode(child, names: names, path: path)
                }
            }
        }
        return links
    }

    private func symbolNode(_ address: Int, names: Range<Int>, path: String) throws(FileProblem) -> [Link] {
        let what = "the group \(shown(path))"
        var reader = try reader(at: address, what: "a symbol node of \(what)")
        try reader.expect("SNOD")
        try reader.skip(2)
        let count = Int(try reader.number(2))
        let entrySize = 2 * offsetSize + 24
        try spend(8 + count * entrySize)
        var links: [Link] = []
        for _ in 0..<count {
            let nameOffset = try reader.count(offsetSize)
            let objectAddress = try optionalAddress(&reader)
            let cacheType = try reader.number(4)
            try reader.skip(4 + 16)
            guard nameOffset < names.count else { throw Self.damaged("a link name of \(what) is outside its heap") }
            let start = names.lowerBound + nameOffset
            let limit = min(names.upperBound, start + Self.maximumNameBytes + 1)
            guard let terminator = bytes[start..<limit].firstIndex(of: 0) else {
                if limit - start > Self.maximumNameBytes { throw nameTooLong(shown(path), bytes: limit - start) }
                throw Self.damaged("a link name of \(what) runs past its heap")
            }
            try spend(terminator - start)
            let name = String(decoding: bytes[start..<terminator], as: UTF8.self)
            // Cache type 2 is a soft link, which is never followed.
            links.append(Link(name: name, address: cacheType == 2 ? nil : objectAddress))
        }
        return links
    }

    /// A link message (a group in the new style): hard links keep their address.
    private func linkMessage(_ data: Range<Int>, path: String) throws(FileProblem) -> Link? {
        var reader = HDF5Reader(bytes, data, what: "a link of \(shown(path))")
        guard try reader.byte() == 1 else { throw Self.damaged("a link of \(shown(path)) has an unknown version") }
        let flags = try reader.byte()
        let type = flags & 0x08 != 0 ? try reader.byte() : 0
        if flags & 0x04 != 0 { try reader.skip(8) }
        if flags & 0x10 != 0 { try reader.skip(1) }
        let length = try reader.count(1 << Int(flags & 3))
        guard length <= Self.maximumNameBytes else { throw nameTooLong(shown(path), bytes: length) }
        guard length > 0 else { throw Self.damaged("a link of \(shown(path)) has an empty name") }
        let name = String(decoding: bytes[try reader.take(length)], as: UTF8.self)
        guard type == 0 else { return Link(name: name, address: nil) }
        return Link(name: name, address: try definedAddress(&reader, what: "the link \(OneLine.quoted(join(path, name)))"))
    }

    /// The object header at `path` ("" for the root), following hard links from the root.
    private func object(at path: String) throws(FileProblem) -> (address: Int, header: Header) {
        var address = root
        var walked = ""
        for component in path.split(separator: "/") {
            let name = String(component)
            guard let link = try links(ofGroup: address, path: walked).first(where: { $0.name == name }),
                  let next = link.address
            else {
                throw Self.damaged("the object \(OneLine.quoted(join(walked, name))) is missing")
            }
            walked = join(walked, name)
            address = next
        }
        return (address, try header(at: address, path: path))
    }

    // MARK: Object headers

    private enum MessageType {
        static let dataspace = 0x01
        static let linkInfo = 0x02
        static let datatype = 0x03
        static let link = 0x06
        static let externalFiles = 0x07
        static let layout = 0x08
        static let groupInfo = 0x0A
        static let filters = 0x0B
        static let attribute = 0x0C
        static let continuation = 0x10
        static let symbolTable = 0x11
        static let attributeInfo = 0x15
    }

    private struct Message {
        let type: Int
        let flags: UInt8
        let data: Range<Int>
    }

    private struct Header {
        var messages: [Message]

        enum Kind { case group, dataset, other }

        var kind: Kind {
            let types = Set(messages.map(\.type))
            if types.contains(MessageType.layout) { return .dataset }
            let group = [MessageType.symbolTable, MessageType.linkInfo, MessageType.link, MessageType.groupInfo]
            return group.contains(where: types.contains) ? .group : .other
        }

        func first(_ type: Int) -> Message? { messages.first { $0.type == type } }
    }

    private func header(at address: Int, path: String) throws(FileProblem) -> Header {
        if let known = headers[address] { return known }
        let what = "the object header of \(OneLine.quoted(shown(path)))"
        var reader = try reader(at: address, what: what)
        var chunks: [Range<Int>] = []
        let version2 = reader.starts(with: "OHDR")
        var creationOrder = false
        if version2 {
            try reader.skip(4)
            guard try reader.byte() == 2 else { throw Self.damaged("\(what) has an unknown version") }
            let flags = try reader.byte()
            if flags & 0x20 != 0 { try reader.skip(16) }
            if flags & 0x10 != 0 { try reader.skip(4) }
            let size = try reader.count(1 << Int(flags & 3))
            creationOrder = flags & 0x04 != 0
            chunks.append(try reader.take(size))
        } else {
            guard try reader.byte() == 1 else { throw Self.damaged("\(what) has an unknown version") }
            try reader.skip(1 + 2 + 4)
            let size = try reader.count(4)
            try reader.skip(4)
            chunks.append(try reader.take(size))
        }
        var messages: [Message] = []
        var seenChunks: Set<Int> = []
        var next = 0
        while next < chunks.count {
            let chunk = chunks[next]
            next += 1
            guard seenChunks.insert(chunk.lowerBound).inserted else { throw Self.damaged("\(what) loops") }
            try spend(chunk.count)
            var reader = HDF5Reader(bytes, chunk, what: what)
            if version2, next > 1 { try reader.expect("OCHK") }
            let prefix = version2 ? (creationOrder ? 6 : 4) : 8
            while reader.remaining >= prefix {
                let type: Int, flags: UInt8, size: Int
                if version2 {
                    type = Int(try reader.byte())
                    size = Int(try reader.number(2))
                    flags = try reader.byte()
                    if creationOrder { try reader.skip(2) }
                } else {
                    type = Int(try reader.number(2))
                    size = Int(try reader.number(2))
                    flags = try reader.byte()
                    try reader.skip(3)
                }
                let data = try reader.take(size)
                if type == MessageType.continuation {
                    var continuation = HDF5Reader(bytes, data, what: what)
                    let start = try definedAddress(&continuation, what: what)
                    let length = try continuation.count(lengthSize)
                    // A version-2 block ends with a checksum, which is not part of its messages.
                    let end = length - (version2 ? 4 : 0)
                    guard end >= (version2 ? 4 : 0), end <= imageEnd - start else { throw Self.damaged("\(what) is cut off") }
                    chunks.append(start..<(start + end))
                } else if type != 0 {
                    messages.append(Message(type: type, flags: flags, data: data))
                }
            }
        }
        let header = Header(messages: messages)
        headers[address] = header
        return header
    }

    // MARK: Datasets

    /// The dataset's shape and type, or nil when it has no simple shape (a null dataspace).
    private func describe(_ header: Header, path: String) throws(FileProblem) -> HDF5Dataset? {
        let what = "dataset \(OneLine.quoted(path))"
        guard let space = header.first(MessageType.dataspace), let type = header.first(MessageType.datatype) else {
            throw Self.damaged("the \(what) has no shape or no type")
        }
        guard space.flags & 0x02 == 0, type.flags & 0x02 == 0 else {
            throw FileProblem("the \(what) uses a shared type or shape, which gruscope does not read; save the weights "
                + "with Keras's defaults")
        }
        guard let shape = try shape(space.data, what: what) else { return nil }
        var reader = HDF5Reader(bytes, type.data, what: "the type of \(what)")
        let kind: HDF5Dataset.Kind
        switch try datatype(&reader) {
        case let .float(stored): kind = .float(stored)
        case let .unusualFloat(size): kind = .unusualFloat(bytes: size)
        case let .other(typeClass): kind = .other(typeClass: typeClass)
        case .fixedString, .variableString: kind = .other(typeClass: 3)
        }
        return HDF5Dataset(path: path, shape: shape, kind: kind)
    }

    /// A dataspace's dimensions, checked for rank and overflow; nil for a null dataspace.
    private func shape(_ data: Range<Int>, what: String) throws(FileProblem) -> [Int]? {
        var reader = HDF5Reader(bytes, data, what: "the shape of the \(what)")
        let version = try reader.byte()
        let rank = Int(try reader.byte())
        try reader.skip(1)
        switch version {
        case 1:
            try reader.skip(5)
        case 2:
            switch try reader.byte() {
            case 0: return []
            case 1: break
            case 2: return nil
            default: throw Self.damaged("the \(what) has a shape that cannot be read")
            }
        default:
            throw Self.damaged("the \(what) has a shape of unknown version \(version)")
        }
        guard rank <= StoredArrayLimits.maximumRank else {
            throw FileProblem("the \(what) has \(rank) dimensions, more than the \(StoredArrayLimits.maximumRank) gruscope reads")
        }
        var shape: [Int] = []
        for _ in 0..<rank {
            let dimension = try reader.number(lengthSize)
            guard dimension <= UInt64(Int.max) else {
                throw FileProblem("the \(what) declares a dimension of \(dimension), which no file can hold")
            }
            shape.append(Int(dimension))
        }
        guard WeightArray.elementCount(shape) != nil else {
            throw FileProblem("the \(what) declares \(WeightArray.shapeText(shape)) values, which no file can hold")
        }
        return shape
    }

    private enum Datatype {
        case float(StoredFloat)
        case unusualFloat(Int)
        case fixedString(size: Int)
        case variableString
        case other(Int)
    }

    /// A datatype message: floats are told apart by their exact IEEE layout.
    private func datatype(_ reader: inout HDF5Reader) throws(FileProblem) -> Datatype {
        let classAndVersion = try reader.byte()
        let bits = try reader.byte()
        try reader.skip(2)
        let size = try reader.count(4)
        switch Int(classAndVersion & 0x0F) {
        case 1:
            let offset = try reader.number(2), precision = try reader.number(2)
            let exponentAt = try reader.byte(), exponentSize = try reader.byte()
            let mantissaAt = try reader.byte(), mantissaSize = try reader.byte()
            let bias = try reader.number(4)
            let layout = [UInt64(size), offset, precision, UInt64(exponentAt), UInt64(exponentSize), UInt64(mantissaAt),
                          UInt64(mantissaSize), bias]
            // Little-endian (bit 0 clear, not VAX order: bit 6 clear), as IEEE 754 lays them out.
            guard bits & 0x41 == 0 else { return .unusualFloat(size) }
            switch layout {
            case [2, 0, 16, 10, 5, 0, 10, 15]: return .float(.float16)
            case [4, 0, 32, 23, 8, 0, 23, 127]: return .float(.float32)
            case [8, 0, 64, 52, 11, 0, 52, 1023]: return .float(.float64)
            default: return .unusualFloat(size)
            }
        case 3:
            return .fixedString(size: size)
        case 9 where bits & 0x0F == 1:
            return .variableString
        case let typeClass:
            return .other(typeClass)
        }
    }

    /// The values of a floating-point dataset as float32, row-major, after checking that they
    /// are stored whole and contiguously in the file.
    func floats(_ dataset: HDF5Dataset) throws(FileProblem) -> [Float] {
        let quoted = OneLine.quoted(dataset.path)
        if case .unusualFloat = dataset.kind {
            throw FileProblem("dataset \(quoted) holds floating point numbers that are big-endian or not IEEE; gruscope "
                + "reads little-endian float16, float32 and float64: save them with .astype(\"<f4\")")
        }
        guard case let .float(stored) = dataset.kind else {
            throw FileProblem("dataset \(quoted) holds \(dataset.typeName) values; gruscope reads float16, float32 and float64")
        }
        let count = WeightArray.elementCount(dataset.shape) ?? Int.max
        let (size, overflow) = count.multipliedReportingOverflow(by: stored.size)
        guard !overflow, size <= imageEnd - imageStart else {
            throw FileProblem(
                "dataset \(quoted) declares \(WeightArray.shapeText(dataset.shape)) values, more than its "
                    + "\(ByteCount.text(imageEnd - imageStart)) file can hold: the file is damaged")
        }
        let (_, header) = try object(at: dataset.path)
        // Describe it again from the header found, so the size checked is the size read.
        guard header.kind == .dataset, try describe(header, path: dataset.path) == dataset else {
            throw Self.damaged("the object \(quoted) is not the dataset it was")
        }
        let storage = try self.storage(header, what: "dataset \(quoted)")
        guard let storage, storage.count == size else {
            throw FileProblem("dataset \(quoted) does not have its \(count) values stored in the file: the file is damaged")
        }
        return bytes.withUnsafeBytes { buffer in
            let window = UnsafeRawBufferPointer(rebasing: buffer[storage])
            return stored.floats(in: window, count: count)
        }
    }

    /// Where a dataset's values are in the file, or nil when none are stored.
    private func storage(_ header: Header, what: String) throws(FileProblem) -> Range<Int>? {
        let chunked = FileProblem("\(what) is stored in chunks or compressed, which gruscope does not read; "
            + "save the weights again with Keras's defaults (model.save or model.save_weights)")
        if let filters = header.first(MessageType.filters), !filters.data.isEmpty { throw chunked }
        guard header.first(MessageType.externalFiles) == nil else {
            throw FileProblem("\(what) keeps its values in another file, which gruscope never opens; save the weights "
                + "again with Keras's defaults")
        }
        guard let layout = header.first(MessageType.layout) else { throw Self.damaged("\(what) has no layout") }
        var reader = HDF5Reader(bytes, layout.data, what: "the layout of \(what)")
        let version = try reader.byte()
        guard version == 3 || version == 4 else {
            throw FileProblem("\(what) has a storage layout of version \(version), which gruscope does not read; save the "
                + "weights again with h5py (as Keras does)")
        }
        switch try reader.byte() {
        case 0:
            let size = try reader.count(2)
            return try reader.take(size)
        case 1:
            guard let start = try optionalAddress(&reader) else { return nil }
            let size = try reader.count(lengthSize)
            guard size <= imageEnd - start else { throw Self.damaged("the values of \(what) are cut off") }
            return start..<(start + size)
        default:
            throw chunked
        }
    }

    // MARK: Attributes

    /// The string attribute `name` of the object at `path` (one string, variable or fixed length),
    /// or nil when the object has no such attribute.
    func stringAttribute(_ name: String, of path: String) throws(FileProblem) -> String? {
        guard let strings = try stringsAttribute(name, of: path) else { return nil }
        guard strings.count == 1, let only = strings.first else {
            throw FileProblem("the attribute \(OneLine.quoted(name)) of \(OneLine.quoted(shown(path))) holds "
                + "\(strings.count) strings, expected one")
        }
        return only
    }

    /// The strings of the attribute `name` of the object at `path`, or nil without one.
    func stringsAttribute(_ name: String, of path: String) throws(FileProblem) -> [String]? {
        let what = "attribute \(OneLine.quoted(name)) of \(OneLine.quoted(shown(path)))"
        let (_, header) = try object(at: path)
        for message in header.messages where message.type == MessageType.attribute {
            var reader = HDF5Reader(bytes, message.data, what: "an attribute of \(OneLine.quoted(shown(path)))")
            let version = try reader.byte()
            guard (1...3).contains(version) else { throw Self.damaged("the \(what) has an unknown version") }
            let flags = try reader.byte()
            let nameSize = try reader.count(2), typeSize = try reader.count(2), spaceSize = try reader.count(2)
            if version == 3 { try reader.skip(1) }
            func padded(_ size: Int) -> Int { version == 1 ? (size + 7) & ~7 : size }
            let nameRange = try reader.take(padded(nameSize))
            let stored = bytes[nameRange].prefix { $0 != 0 }
            guard stored.elementsEqual(name.utf8) else { continue }
            guard version == 1 || flags & 0x03 == 0 else {
                throw FileProblem("the \(what) uses a shared type or shape, which gruscope does not read")
            }
            let typeRange = try reader.take(padded(typeSize))
            let spaceRange = try reader.take(padded(spaceSize))
            let data = try reader.take(reader.remaining)
            guard let shape = try shape(spaceRange, what: what) else { return [] }
            let count = WeightArray.elementCount(shape) ?? Int.max
            var typeReader = HDF5Reader(bytes, typeRange, what: "the type of the \(what)")
            switch try datatype(&typeReader) {
            case let .fixedString(size):
                return try fixedStrings(data, size: size, count: count, what: what)
            case .variableString:
                return try variableStrings(data, count: count, what: what)
            default:
                throw FileProblem("the \(what) is not text")
            }
        }
        if let info = header.first(MessageType.attributeInfo) {
            var reader = HDF5Reader(bytes, info.data, what: "the attribute info of \(OneLine.quoted(shown(path)))")
            try reader.skip(1)
            let flags = try reader.byte()
            if flags & 1 != 0 { try reader.skip(2) }
            if try optionalAddress(&reader) != nil {
                throw FileProblem("\(OneLine.quoted(shown(path))) keeps its attributes in a dense index, which gruscope "
                    + "does not read; save the file with h5py's defaults (as Keras does)")
            }
        }
        return nil
    }

    private func fixedStrings(_ data: Range<Int>, size: Int, count: Int, what: String) throws(FileProblem) -> [String] {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard size > 0, !overflow else { throw Self.damaged("the \(what) has a size that cannot be read") }
        guard total <= Self.maximumStringBytes else { throw tooLong(what) }
        guard total <= data.count else { throw Self.damaged("the \(what) is cut off") }
        return (0..<count).map { index in
            let start = data.lowerBound + index * size
            return String(decoding: bytes[start..<(start + size)].prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Variable-length strings: each a length, a global heap collection and an index in it.
    private func variableStrings(_ data: Range<Int>, count: Int, what: String) throws(FileProblem) -> [String] {
        let entrySize = 4 + offsetSize + 4
        guard count <= data.count / entrySize else { throw Self.damaged("the \(what) is cut off") }
        var reader = HDF5Reader(bytes, data, what: "the \(what)")
        var strings: [String] = []
        var total = 0
        for _ in 0..<count {
            let length = try reader.count(4)
            let collection = try optionalAddress(&reader)
            let index = try reader.number(4)
            guard let collection else { strings.append(""); continue }
            guard length <= Self.maximumStringBytes - total else { throw tooLong(what) }
            total += length
            guard let object = try globalHeap(collection, what: what)[index], length <= object.count else {
                throw Self.damaged("a string of the \(what) is missing from its heap")
            }
            strings.append(String(decoding: bytes[object.lowerBound..<(object.lowerBound + length)], as: UTF8.self))
        }
        return strings
    }

    /// The objects of the global heap collection at `address`, by index.
    private func globalHeap(_ address: Int, what: String) throws(FileProblem) -> [UInt64: Range<Int>] {
        if let known = globalHeaps[address] { return known }
        var reader = try reader(at: address, what: "the string heap of the \(what)")
        try reader.expect("GCOL")
        try reader.skip(4)
        let size = try reader.count(lengthSize)
        guard size >= 16 + lengthSize, size <= imageEnd - address else {
            throw Self.damaged("the string heap of the \(what) is cut off")
        }
        try spend(size)
        var objects = HDF5Reader(bytes, reader.position..<(address + size), what: "the string heap of the \(what)")
        var found: [UInt64: Range<Int>] = [:]
        while objects.remaining >= 8 + lengthSize {
            let index = try objects.number(2)
            try objects.skip(6)
            let objectSize = try objects.count(lengthSize)
            // Index 0 is the collection's free space, which ends it.
            if index == 0 { break }
            let data = try objects.take(objectSize)
            try objects.skip(min((8 - objectSize % 8) % 8, objects.remaining))
            found[index] = found[index] ?? data
        }
        globalHeaps[address] = found
        return found
    }

    // MARK: Addresses and bounds

    /// A reader from `address` (absolute) to the end of the file.
    private func reader(at address: Int, what: String) throws(FileProblem) -> HDF5Reader {
        guard address >= imageStart, address < imageEnd else { throw Self.damaged("\(what) is past the end of the file") }
        return HDF5Reader(bytes, address..<imageEnd, what: what)
    }

    /// An address field: absolute, inside the file; nil when undefined (every bit set).
    private func optionalAddress(_ reader: inout HDF5Reader) throws(FileProblem) -> Int? {
        let relative = try reader.number(offsetSize)
        let undefined = offsetSize == 8 ? UInt64.max : (UInt64(1) << (8 * offsetSize)) - 1
        guard relative != undefined else { return nil }
        return try Self.absolute(relative, base: base, offsetSize: offsetSize, count: imageEnd, what: reader.what)
    }

    /// An address field that must be defined.
    private func definedAddress(_ reader: inout HDF5Reader, what: String) throws(FileProblem) -> Int {
        guard let address = try optionalAddress(&reader) else { throw Self.damaged("\(what) points nowhere") }
        return address
    }

    private static func absolute(_ relative: UInt64, base: Int, offsetSize: Int, count: Int, what: String) throws(FileProblem) -> Int {
        guard relative < UInt64(count - base) else { throw damaged("\(what) points past the end of the file") }
        return base + Int(relative)
    }

    /// Counts `amount` bytes of structure read against the file's budget.
    private func spend(_ amount: Int) throws(FileProblem) {
        guard amount >= 0, amount <= budget else {
            throw FileProblem("its HDF5 structure makes gruscope read more than \(ByteCount.text(Self.structureBudget(fileSize: imageEnd - imageStart))) "
                + "(\(Self.structureReadsPerByte) times its size plus \(ByteCount.text(Self.structureAllowance))): it loops or is damaged; save it again")
        }
        budget -= amount
    }

    // MARK: Messages

    private func tooManyObjects() -> FileProblem {
        FileProblem("it holds more than \(Self.maximumObjects) groups and datasets; a Keras weight file holds a few per layer")
    }

    private func nameTooLong(_ what: String, bytes: Int) -> FileProblem {
        FileProblem("a link in \(OneLine.quoted(what)) has a name of \(bytes) bytes or more, more than the "
            + "\(Self.maximumNameBytes) gruscope reads")
    }

    private func tooLong(_ what: String) -> FileProblem {
        FileProblem("the \(what) is longer than the \(ByteCount.text(Self.maximumStringBytes)) gruscope reads")
    }

    private func shown(_ path: String) -> String { path.isEmpty ? "/" : path }

    private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "/" + name }
}
