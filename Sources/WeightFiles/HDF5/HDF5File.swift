import CHDF5

/// One dataset an HDF5 file holds, as its header describes it (nothing read yet).
struct HDF5Dataset: Equatable {
    /// The path from the root, without a leading `/`: `layers/gru/cell/vars/0`.
    let path: String
    /// The dimensions, outermost first; empty for a scalar.
    let shape: [Int]
    /// What kind of values it holds.
    let kind: Kind

    enum Kind: Equatable {
        /// IEEE floating point of this many bytes (2, 4 or 8; others are refused on reading).
        case float(bytes: Int)
        /// Anything else (integers, strings, compounds), by the library's class number.
        case other(typeClass: Int32)
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
        case let .float(bytes): return "float\(bytes * 8)"
        case .other: return "not floating point"
        }
    }
}

/// An HDF5 file read from memory through libhdf5, treating the file as hostile: the tree is
/// walked through hard links only (a soft or external link, which could point into another file,
/// is never followed) within ``maximumObjects`` and ``maximumDepth``; a dataset is read only when
/// it is floating point, stored whole inside the file, contiguous and at most as large as the file;
/// strings are bounded by ``maximumStringBytes``. Every failure is one ``FileProblem``.
final class HDF5File {
    /// Groups and datasets a walk visits at most.
    static let maximumObjects = 10_000
    /// Nested groups a walk enters at most.
    static let maximumDepth = 32
    /// The longest link name read, in bytes.
    static let maximumNameBytes = 1024
    /// The longest string attribute read (a model's configuration), in bytes.
    static let maximumStringBytes = 16 << 20

    /// H5T_VARIABLE, `(size_t)-1`, which Swift imports as a negative Int.
    private static let variableSize = -1

    private let library: HDF5Library
    private let file: hid_t
    /// The size of the file image: no stored dataset can be larger.
    private let fileSize: Int

    private init(library: HDF5Library, file: hid_t, fileSize: Int) {
        self.library = library
        self.file = file
        self.fileSize = fileSize
    }

    /// Opens the HDF5 image `bytes` (an in-memory copy; nothing touches the disk) and runs `body`
    /// with it, holding the library's lock throughout.
    static func withFile<T>(bytes: [UInt8], _ body: (HDF5File) throws(FileProblem) -> T) throws(FileProblem) -> T {
        guard WeightFormat.hdf5SignatureOffset(bytes) != nil else {
            throw FileProblem("it does not start with the HDF5 signature, so it is not an HDF5 file")
        }
        return try HDF5Library.withLock { library throws(FileProblem) -> T in
            let api = library.api
            let access = api.fn_H5Pcreate(api.file_access_class)
            guard access >= 0 else { throw FileProblem("the HDF5 library could not start reading it") }
            defer { _ = api.fn_H5Pclose(access) }
            guard api.fn_H5Pset_fapl_core(access, 1 << 16, false) >= 0 else {
                throw FileProblem("the HDF5 library could not start reading it")
            }
            let imaged = bytes.withUnsafeBytes { buffer in
                // The library copies the image; it never writes through this pointer.
                api.fn_H5Pset_file_image(access, UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
            }
            guard imaged >= 0 else { throw FileProblem("the HDF5 library could not take the file into memory") }
            let file = api.fn_H5Fopen("gruscope-image.h5", gs_h5_read_only, access)
            guard file >= 0 else {
                throw FileProblem(
                    "it starts like an HDF5 file but the HDF5 library cannot open it: it is damaged or cut off; save it again")
            }
            defer { _ = api.fn_H5Fclose(file) }
            return try body(HDF5File(library: library, file: file, fileSize: bytes.count))
        }
    }

    // MARK: The tree

    /// Every dataset reachable through hard links, in name order, and every group's path.
    func walk() throws(FileProblem) -> (datasets: [HDF5Dataset], groups: [String]) {
        var walk = Walk()
        let api = library.api
        let root = api.fn_H5Gopen(file, "/", gs_h5_default)
        guard root >= 0 else { throw FileProblem("its root group cannot be read: the file is damaged") }
        defer { _ = api.fn_H5Gclose(root) }
        walk.groups.append("")
        try visit(group: root, path: "", depth: 0, walk: &walk)
        return (walk.datasets, walk.groups)
    }

    private struct Walk {
        var datasets: [HDF5Dataset] = []
        var groups: [String] = []
        var visited = 0
    }

    private func visit(group: hid_t, path: String, depth: Int, walk: inout Walk) throws(FileProblem) {
        let api = library.api
        guard depth < Self.maximumDepth else {
            throw FileProblem("its groups nest deeper than \(Self.maximumDepth) levels (at \(OneLine.quoted(path))); "
                + "a Keras weight file nests a few")
        }
        var info = H5G_info_t()
        guard api.fn_H5Gget_info(group, &info) >= 0 else {
            throw FileProblem("its group \(OneLine.quoted(shown(path))) cannot be read: the file is damaged")
        }
        guard info.nlinks <= UInt64(Self.maximumObjects - walk.visited) else { throw tooManyObjects() }
        for index in 0..<info.nlinks {
            walk.visited += 1
            guard walk.visited <= Self.maximumObjects else { throw tooManyObjects() }
            let name = try linkName(group: group, index: index, path: path)
            var link = H5L_info_t()
            guard api.fn_H5Lget_info(group, name, &link, gs_h5_default) >= 0 else {
                throw FileProblem("the link \(OneLine.quoted(join(path, name))) cannot be read: the file is damaged")
            }
            // Soft and external links are not followed: an external one names another file.
            guard link.type == H5L_TYPE_HARD else { continue }
            let object = api.fn_H5Oopen(group, name, gs_h5_default)
            guard object >= 0 else {
                throw FileProblem("the object \(OneLine.quoted(join(path, name))) cannot be opened: the file is damaged")
            }
            defer { _ = api.fn_H5Oclose(object) }
            let child = join(path, name)
            switch api.fn_H5Iget_type(object) {
            case H5I_GROUP:
                walk.groups.append(child)
                try visit(group: object, path: child, depth: depth + 1, walk: &walk)
            case H5I_DATASET:
                if let dataset = try describe(dataset: object, path: child) { walk.datasets.append(dataset) }
            default:
                continue
            }
        }
    }

    private func linkName(group: hid_t, index: hsize_t, path: String) throws(FileProblem) -> String {
        let api = library.api
        let length = api.fn_H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, gs_h5_default)
        guard length > 0 else {
            throw FileProblem("a link in \(OneLine.quoted(shown(path))) cannot be read: the file is damaged")
        }
        guard length <= Self.maximumNameBytes else {
            throw FileProblem("a link in \(OneLine.quoted(shown(path))) has a name of \(length) bytes, more than the "
                + "\(Self.maximumNameBytes) gruscope reads")
        }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        let read = api.fn_H5Lget_name_by_idx(
            group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, gs_h5_default)
        guard read == length else {
            throw FileProblem("a link in \(OneLine.quoted(shown(path))) cannot be read: the file is damaged")
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The dataset's shape and type, or nil when it has no simple shape (a null dataspace).
    private func describe(dataset: hid_t, path: String) throws(FileProblem) -> HDF5Dataset? {
        let api = library.api
        let shape = try datasetShape(dataset, path: path)
        guard let shape else { return nil }
        let type = api.fn_H5Dget_type(dataset)
        guard type >= 0 else { throw damaged(path) }
        defer { _ = api.fn_H5Tclose(type) }
        let typeClass = api.fn_H5Tget_class(type)
        let size = api.fn_H5Tget_size(type)
        let kind: HDF5Dataset.Kind = typeClass == H5T_FLOAT ? .float(bytes: size) : .other(typeClass: typeClass.rawValue)
        return HDF5Dataset(path: path, shape: shape, kind: kind)
    }

    private func datasetShape(_ dataset: hid_t, path: String) throws(FileProblem) -> [Int]? {
        let api = library.api
        let space = api.fn_H5Dget_space(dataset)
        guard space >= 0 else { throw damaged(path) }
        defer { _ = api.fn_H5Sclose(space) }
        return try shape(of: space, what: "dataset \(OneLine.quoted(path))")
    }

    /// A dataspace's dimensions, checked for rank and overflow; nil for a null dataspace.
    private func shape(of space: hid_t, what: String) throws(FileProblem) -> [Int]? {
        let api = library.api
        switch api.fn_H5Sget_simple_extent_type(space) {
        case H5S_SCALAR: return []
        case H5S_SIMPLE: break
        case H5S_NULL: return nil
        default: throw FileProblem("the \(what) has a shape that cannot be read: the file is damaged")
        }
        let rank = api.fn_H5Sget_simple_extent_ndims(space)
        guard rank >= 0 else { throw FileProblem("the \(what) has a shape that cannot be read: the file is damaged") }
        guard rank <= StoredArrayLimits.maximumRank else {
            throw FileProblem("the \(what) has \(rank) dimensions, more than the \(StoredArrayLimits.maximumRank) gruscope reads")
        }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        guard rank == 0 || api.fn_H5Sget_simple_extent_dims(space, &dims, nil) == rank else {
            throw FileProblem("the \(what) has a shape that cannot be read: the file is damaged")
        }
        var shape: [Int] = []
        for dim in dims {
            guard dim <= UInt64(Int.max) else {
                throw FileProblem("the \(what) declares a dimension of \(dim), which no file can hold")
            }
            shape.append(Int(dim))
        }
        guard WeightArray.elementCount(shape) != nil else {
            throw FileProblem("the \(what) declares \(WeightArray.shapeText(shape)) values, which no file can hold")
        }
        return shape
    }

    // MARK: Values

    /// The values of a floating-point dataset as float32, row-major, after checking that they
    /// are stored whole and contiguously in the file.
    func floats(_ dataset: HDF5Dataset) throws(FileProblem) -> [Float] {
        let api = library.api
        let quoted = OneLine.quoted(dataset.path)
        guard case let .float(bytes) = dataset.kind, [2, 4, 8].contains(bytes) else {
            throw FileProblem("dataset \(quoted) holds \(dataset.typeName) values; gruscope reads float16, float32 and float64")
        }
        let count = WeightArray.elementCount(dataset.shape) ?? Int.max
        let (stored, overflow) = count.multipliedReportingOverflow(by: bytes)
        guard !overflow, stored <= fileSize else {
            throw FileProblem(
                "dataset \(quoted) declares \(WeightArray.shapeText(dataset.shape)) values, more than its "
                    + "\(ByteCount.text(fileSize)) file can hold: the file is damaged")
        }
        let handle = api.fn_H5Dopen(file, dataset.path, gs_h5_default)
        guard handle >= 0 else { throw damaged(dataset.path) }
        defer { _ = api.fn_H5Dclose(handle) }
        // Read the shape again from the opened dataset, so the size checked is the size read.
        guard try datasetShape(handle, path: dataset.path) == dataset.shape else { throw damaged(dataset.path) }
        let creation = api.fn_H5Dget_create_plist(handle)
        guard creation >= 0 else { throw damaged(dataset.path) }
        defer { _ = api.fn_H5Pclose(creation) }
        let layout = api.fn_H5Pget_layout(creation)
        guard layout == H5D_CONTIGUOUS || layout == H5D_COMPACT, api.fn_H5Pget_nfilters(creation) == 0 else {
            throw FileProblem(
                "dataset \(quoted) is stored in chunks or compressed, which gruscope does not read; "
                    + "save the weights again with Keras's defaults (model.save or model.save_weights)")
        }
        guard api.fn_H5Dget_storage_size(handle) == UInt64(stored) else {
            throw FileProblem("dataset \(quoted) does not have its \(count) values stored in the file: the file is damaged")
        }
        guard count > 0 else { return [] }
        var values = [Float](repeating: 0, count: count)
        let status = values.withUnsafeMutableBufferPointer { buffer in
            api.fn_H5Dread(handle, api.native_float, gs_h5_all, gs_h5_all, gs_h5_default, buffer.baseAddress)
        }
        guard status >= 0 else { throw FileProblem("dataset \(quoted) cannot be read: the file is damaged") }
        return values
    }

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
        let api = library.api
        let what = "attribute \(OneLine.quoted(name)) of \(OneLine.quoted(shown(path)))"
        let object = api.fn_H5Oopen(file, path.isEmpty ? "/" : path, gs_h5_default)
        guard object >= 0 else { throw damaged(path) }
        defer { _ = api.fn_H5Oclose(object) }
        let exists = api.fn_H5Aexists(object, name)
        guard exists >= 0 else { throw FileProblem("the \(what) cannot be read: the file is damaged") }
        guard exists > 0 else { return nil }
        let attribute = api.fn_H5Aopen(object, name, gs_h5_default)
        guard attribute >= 0 else { throw FileProblem("the \(what) cannot be read: the file is damaged") }
        defer { _ = api.fn_H5Aclose(attribute) }
        let space = api.fn_H5Aget_space(attribute)
        guard space >= 0 else { throw FileProblem("the \(what) cannot be read: the file is damaged") }
        defer { _ = api.fn_H5Sclose(space) }
        guard let shape = try shape(of: space, what: what) else { return [] }
        let count = WeightArray.elementCount(shape) ?? Int.max
        let type = api.fn_H5Aget_type(attribute)
        guard type >= 0 else { throw FileProblem("the \(what) cannot be read: the file is damaged") }
        defer { _ = api.fn_H5Tclose(type) }
        guard api.fn_H5Tget_class(type) == H5T_STRING else {
            throw FileProblem("the \(what) is not text")
        }
        // Read in the attribute's own character set (h5py writes UTF-8): the library converts
        // no string between character sets.
        let characterSet = api.fn_H5Tget_cset(type)
        if api.fn_H5Tis_variable_str(type) > 0 {
            return try variableStrings(attribute, count: count, characterSet: characterSet, what: what)
        }
        return try fixedStrings(attribute, size: api.fn_H5Tget_size(type), count: count, characterSet: characterSet, what: what)
    }

    private func variableStrings(
        _ attribute: hid_t, count: Int, characterSet: H5T_cset_t, what: String
    ) throws(FileProblem) -> [String] {
        let api = library.api
        // Each string's bytes live in the file, so their count bounds the strings' total size.
        guard count <= fileSize else { throw FileProblem("the \(what) declares \(count) strings: the file is damaged") }
        let memoryType = api.fn_H5Tcopy(api.c_string)
        guard memoryType >= 0, api.fn_H5Tset_size(memoryType, Self.variableSize) >= 0,
            api.fn_H5Tset_cset(memoryType, characterSet) >= 0
        else {
            throw FileProblem("the \(what) cannot be read")
        }
        defer { _ = api.fn_H5Tclose(memoryType) }
        var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
        guard api.fn_H5Aread(attribute, memoryType, &pointers) >= 0 else {
            throw FileProblem("the \(what) cannot be read: the file is damaged")
        }
        defer { for pointer in pointers where pointer != nil { _ = api.fn_H5free_memory(pointer) } }
        var strings: [String] = []
        var total = 0
        for pointer in pointers {
            guard let pointer else { strings.append(""); continue }
            let length = strnlen(pointer, Self.maximumStringBytes - total + 1)
            total += length
            guard total <= Self.maximumStringBytes else { throw tooLong(what) }
            strings.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
        }
        return strings
    }

    private func fixedStrings(
        _ attribute: hid_t, size: Int, count: Int, characterSet: H5T_cset_t, what: String
    ) throws(FileProblem) -> [String] {
        let api = library.api
        // One byte more than stored, so a string that fills its field keeps its last character.
        let (total, overflow) = count.multipliedReportingOverflow(by: size + 1)
        guard size > 0, !overflow else { throw FileProblem("the \(what) has a size that cannot be read: the file is damaged") }
        guard total <= Self.maximumStringBytes else { throw tooLong(what) }
        let memoryType = api.fn_H5Tcopy(api.c_string)
        guard memoryType >= 0, api.fn_H5Tset_size(memoryType, size + 1) >= 0,
            api.fn_H5Tset_cset(memoryType, characterSet) >= 0
        else {
            throw FileProblem("the \(what) cannot be read")
        }
        defer { _ = api.fn_H5Tclose(memoryType) }
        var buffer = [UInt8](repeating: 0, count: total)
        guard api.fn_H5Aread(attribute, memoryType, &buffer) >= 0 else {
            throw FileProblem("the \(what) cannot be read: the file is damaged")
        }
        return (0..<count).map { index in
            let field = buffer[index * (size + 1)..<(index + 1) * (size + 1)]
            return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    // MARK: Messages

    private func tooManyObjects() -> FileProblem {
        FileProblem("it holds more than \(Self.maximumObjects) groups and datasets; a Keras weight file holds a few per layer")
    }

    private func tooLong(_ what: String) -> FileProblem {
        FileProblem("the \(what) is longer than the \(ByteCount.text(Self.maximumStringBytes)) gruscope reads")
    }

    private func damaged(_ path: String) -> FileProblem {
        FileProblem("the object \(OneLine.quoted(shown(path))) cannot be read: the file is damaged")
    }

    private func shown(_ path: String) -> String { path.isEmpty ? "/" : path }

    private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "/" + name }
}
