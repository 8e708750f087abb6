import Foundation

/// Reads one NumPy .npy array (format versions 1.0, 2.0 and 3.0) into float32, row-major.
///
/// Only little-endian float32 (`<f4`) and float64 (`<f8`) arrays are weights gruscope can use;
/// everything else is refused with the dtype that was found. Fortran-ordered arrays are
/// transposed into row-major order. Non-finite values are refused with their position.
enum NPYDecoder {
    /// The magic string every .npy array starts with.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// numpy itself refuses headers longer than 10000 bytes by default; this leaves room.
    static let maximumHeaderLength = 100_000

    /// The parts of a .npy header gruscope needs.
    struct Header: Equatable {
        /// The dtype as the header gives it: `'<f4'`, or a list for a structured dtype.
        var descr: PythonLiteral
        var fortranOrder: Bool
        var shape: [Int]
        /// Where the data starts.
        var dataOffset: Int

        /// The dtype as a user reads it: `float32`, `float64`, or the header's code.
        var dtypeName: String {
            switch descr {
            case .string("<f4"): return "float32"
            case .string("<f8"): return "float64"
            case let .string(code): return OneLine.clean(code)
            default: return "structured"
            }
        }

        /// The bytes of the data, or nil when the count overflows.
        func byteCount(itemSize: Int) -> Int? {
            guard let count = WeightArray.elementCount(shape) else { return nil }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
            return overflow ? nil : bytes
        }

        /// The bytes of the data for a dtype gruscope reads (4 or 8 per value), else nil.
        var floatByteCount: Int? {
            switch descr {
            case .string("<f4"): return byteCount(itemSize: 4)
            case .string("<f8"): return byteCount(itemSize: 8)
            default: return nil
            }
        }
    }

    /// Decodes the array called `name` from the bytes of its .npy entry.
    static func decode(_ stored: ArraySlice<UInt8>, name: String) throws(FileProblem) -> WeightArray {
        // Read in place through a zero-based view: the bytes are usually a slice of the file.
        let problemOrArray: Result<WeightArray, FileProblem> = stored.withUnsafeBytes { bytes in
            do throws(FileProblem) { return .success(try decode(bytes: bytes, name: name)) } catch { return .failure(error) }
        }
        return try problemOrArray.get()
    }

    private static func decode(bytes: UnsafeRawBufferPointer, name: String) throws(FileProblem) -> WeightArray {
        let header = try readHeader(bytes, name: name)
        let type: StoredFloat = try itemSize(header.descr, quotedName: OneLine.quoted(name)) == 4 ? .float32 : .float64
        guard header.byteCount(itemSize: type.size) != nil else {
            throw FileProblem("array \(OneLine.quoted(name)) claims shape \(WeightArray.shapeText(header.shape)), too large to be real")
        }
        if let problem = sizeProblem(header, name: name, available: bytes.count - header.dataOffset) { throw problem }
        // Fortran order stores the first index fastest: the same values under reversed strides.
        var layout = TensorLayout.contiguous(header.shape)
        if header.fortranOrder {
            layout = TensorLayout.contiguous(header.shape.reversed())
            layout.shape = header.shape
            layout.strides.reverse()
        }
        let values = try layout.gather(UnsafeRawBufferPointer(rebasing: bytes[header.dataOffset...]), as: type, name: name)
        return WeightArray(name: name, shape: header.shape, values: values, line: nil)
    }

    /// Why the data after a header of a float dtype is not exactly what it declares, or nil.
    static func sizeProblem(_ header: Header, name: String, available: Int) -> FileProblem? {
        let quotedName = OneLine.quoted(name)
        guard let byteCount = header.floatByteCount else { return nil }
        let typeName = header.dtypeName
        if byteCount > available {
            return FileProblem(
                "array \(quotedName) is truncated: its header claims shape \(WeightArray.shapeText(header.shape)) "
                    + "of \(typeName) (\(byteCount) bytes) but only \(max(0, available)) bytes follow")
        }
        if byteCount < available {
            return FileProblem(
                "array \(quotedName) has \(available - byteCount) bytes after the data its header describes "
                    + "(shape \(WeightArray.shapeText(header.shape)), \(typeName)); the file may be damaged")
        }
        return nil
    }

    /// Reads and checks the header.
    static func readHeader(_ bytes: UnsafeRawBufferPointer, name: String) throws(FileProblem) -> Header {
        var quotedName: String { OneLine.quoted(name) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw FileProblem("array \(quotedName) is not a .npy array (it does not start with the bytes \\x93NUMPY)")
        }
        let major = bytes[6], minor = bytes[7]
        let headerLength: Int
        let lengthSize: Int
        switch major {
        case 1:
            lengthSize = 2
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        case 2, 3:
            lengthSize = 4
            guard bytes.count >= 12 else {
                throw FileProblem("array \(quotedName) is cut off inside its .npy header")
            }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        default:
            throw FileProblem(
                "array \(quotedName) uses .npy format version \(major).\(minor); "
                    + "gruscope reads versions 1.0, 2.0 and 3.0")
        }
        guard headerLength <= maximumHeaderLength else {
            throw FileProblem("array \(quotedName) has a .npy header of \(headerLength) bytes, longer than any real array's")
        }
        let headerStart = 8 + lengthSize
        guard bytes.count >= headerStart + headerLength else {
            throw FileProblem("array \(quotedName) is cut off inside its .npy header")
        }
        let headerBytes = bytes[headerStart..<(headerStart + headerLength)]
        // Versions 1 and 2 are latin-1, version 3 is UTF-8; the keys and dtypes that matter are ASCII.
        let text = major == 3
            ? String(decoding: headerBytes, as: UTF8.self)
            : (headerBytes.allSatisfy { $0 < 0x80 } ? String(decoding: headerBytes, as: UTF8.self)
                : String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) })))
        guard case let .dictionary(pairs)? = PythonLiteral.parse(text) else {
            throw FileProblem("array \(quotedName) has a .npy header gruscope cannot read: \(clip(text))")
        }
        var keys: Set<String> = []
        for pair in pairs {
            guard case let .string(key) = pair.key else { continue }
            guard keys.insert(key).inserted else {
                throw FileProblem(
                    "array \(quotedName) has the key '\(OneLine.clean(key))' twice in its .npy header, which numpy and "
                        + "gruscope would read differently; save the array again with numpy")
            }
        }
        func entry(_ key: String) throws(FileProblem) -> PythonLiteral {
            guard let pair = pairs.first(where: { $0.key == .string(key) }) else {
                throw FileProblem("array \(quotedName) has a .npy header without '\(key)': \(clip(text))")
            }
            return pair.value
        }
        let descr = try entry("descr")
        let orderValue = try entry("fortran_order")
        guard case let .boolean(fortranOrder) = orderValue else {
            throw FileProblem(
                "array \(quotedName) has 'fortran_order' \(orderValue.text) in its header; expected True or False")
        }
        let shapeValue = try entry("shape")
        guard case let .sequence(items, false) = shapeValue else {
            throw FileProblem("array \(quotedName) has 'shape' \(shapeValue.text) in its header; expected a tuple of sizes")
        }
        var shape: [Int] = []
        for item in items {
            guard case let .integer(size) = item, size >= 0 else {
                throw FileProblem("array \(quotedName) has 'shape' \(shapeValue.text) in its header; expected a tuple of sizes")
            }
            shape.append(size)
        }
        return Header(descr: descr, fortranOrder: fortranOrder, shape: shape, dataOffset: headerStart + headerLength)
    }

    /// 4 or 8 for the float dtypes gruscope reads; a message saying what was found otherwise.
    static func itemSize(_ descr: PythonLiteral, quotedName: String) throws(FileProblem) -> Int {
        let accepted = "gruscope reads float32 or float64 arrays (little-endian)"
        guard case let .string(code) = descr else {
            throw FileProblem(
                "array \(quotedName) has the structured dtype \(clip(descr.text)); \(accepted): "
                    + "save each weight as its own plain array")
        }
        switch code {
        case "<f4": return 4
        case "<f8": return 8
        default:
            let meaning: String
            if code.hasPrefix(">") && (code.hasSuffix("f4") || code.hasSuffix("f8")) {
                meaning = " (big-endian float\(code.hasSuffix("f4") ? 32 : 64))"
            } else if code.hasSuffix("f2") || code.hasSuffix("e") {
                meaning = " (float16)"
            } else if code.contains("O") {
                meaning = " (Python objects)"
            } else if code.contains("i") || code.contains("u") {
                meaning = " (integers)"
            } else if code.contains("b") || code.contains("?") {
                meaning = " (booleans)"
            } else {
                meaning = ""
            }
            throw FileProblem(
                "array \(quotedName) has dtype '\(OneLine.clean(code))'\(meaning); \(accepted): "
                    + "convert it with arr.astype('<f4') before saving")
        }
    }

    private static func clip(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return OneLine.clean(trimmed.count > 160 ? String(trimmed.prefix(160)) + "…" : trimmed)
    }
}
