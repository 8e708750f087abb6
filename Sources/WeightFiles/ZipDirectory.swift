import CZlibSystem

/// A zip archive held in memory: its central directory, read with every offset and size checked
/// against the bytes that are really there, and its entries' contents on request.
///
/// Entry bounds come from this directory, never from the data; zlib inflates an entry with
/// exactly its stored bytes as input and one byte more than its declared size as room, so a
/// stream that is cut off, never ends or unpacks past its size ends in a message, not a hang
/// or an allocation the file asked for.
struct ZipDirectory {
    /// The archive's bytes.
    let bytes: [UInt8]
    /// The entries in central-directory order.
    let entries: [ZipEntry]

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndRecordSignature: UInt32 = 0x0606_4B50
    private static let centralHeaderSignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    /// The central directory's fixed part and the local header's.
    private static let centralHeaderSize = 46
    private static let localHeaderSize = 30
    private static let endRecordSize = 22
    /// The end record sits within the last 22 + 65535 (longest comment) bytes.
    private static let endRecordSearchSpan = 22 + 0xFFFF

    /// Reads the central directory of `bytes`.
    ///
    /// - Parameter writer: what wrote the archive, for messages that say to save it again.
    init(bytes: [UInt8], writer: String = "numpy.savez") throws(FileProblem) {
        self.bytes = bytes
        guard let end = Self.findEndRecord(bytes) else {
            throw Self.missingEndProblem(bytes, writer: writer)
        }
        var entryCount = Int(bytes.uint16(at: end + 10) ?? 0)
        var directorySize = Int(bytes.uint32(at: end + 12) ?? 0)
        var directoryOffset = Int(bytes.uint32(at: end + 16) ?? 0)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let zip64 = try Self.readZip64End(bytes, endRecord: end)
            (entryCount, directorySize, directoryOffset) = zip64
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw FileProblem(
                "the archive is damaged: its directory claims \(directorySize) bytes at offset \(directoryOffset) "
                    + "in a file of \(bytes.count) bytes; save it again with \(writer)")
        }
        // Each directory record takes at least 46 bytes, which bounds a lying count.
        guard entryCount <= directorySize / Self.centralHeaderSize else {
            throw FileProblem(
                "the archive is damaged: its directory claims \(entryCount) entries in \(directorySize) bytes")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(entryCount)
        var offset = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for index in 0..<entryCount {
            let (entry, next) = try Self.readCentralRecord(bytes, at: offset, limit: directoryEnd, index: index)
            entries.append(entry)
            offset = next
        }
        self.entries = entries
    }

    /// The sum of the entries' declared uncompressed sizes, saturating rather than overflowing.
    var declaredUncompressedTotal: Int {
        entries.reduce(0) { total, entry in
            let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
            return overflow ? Int.max : sum
        }
    }

    /// The uncompressed bytes of `entry`, refusing to produce more than its declared size.
    func contents(of entry: ZipEntry) throws(FileProblem) -> ArraySlice<UInt8> {
        let quoted = OneLine.quoted(entry.name)
        guard !entry.isEncrypted else {
            throw FileProblem("entry \(quoted) is encrypted; save the weights again without a password")
        }
        let start = try dataStart(of: entry)
        guard entry.compressedSize <= bytes.count - start else {
            throw FileProblem(
                "entry \(quoted) is cut off: it needs \(entry.compressedSize) bytes but the file ends "
                    + "\(bytes.count - start) bytes after it starts; the archive is truncated")
        }
        let stored = bytes[start..<(start + entry.compressedSize)]
        let output: ArraySlice<UInt8>
        let checksum: UInt32
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw FileProblem(
                    "entry \(quoted) is damaged: it is stored uncompressed but declares \(entry.compressedSize) "
                        + "bytes stored and \(entry.uncompressedSize) bytes unpacked")
            }
            // A stored entry is read where it lies: at H=1024 a copy was another 19 MB.
            output = stored
            checksum = Self.crc32(stored)
        case 8:
            let (inflated, crc) = try inflate(stored, entry: entry)
            (output, checksum) = (inflated[...], crc)
        default:
            throw FileProblem(
                "entry \(quoted) uses zip compression method \(entry.method); gruscope reads stored or deflated "
                    + "entries, as numpy.savez and numpy.savez_compressed write them")
        }
        guard output.count == entry.uncompressedSize else {
            throw FileProblem(
                "entry \(quoted) is damaged: it unpacks to \(output.count) bytes, not the \(entry.uncompressedSize) "
                    + "it declares")
        }
        guard checksum == entry.checksum else {
            throw FileProblem("entry \(quoted) is damaged: its checksum does not match its contents")
        }
        return output
    }

    /// Up to `count` bytes from the start of `entry`'s uncompressed contents, inflating no more
    /// than that (a header is read without unpacking the array behind it). Not checksummed:
    /// ``contents(of:)`` checks the whole entry when it is read.
    func leadingBytes(of entry: ZipEntry, count: Int) throws(FileProblem) -> [UInt8] {
        var quoted: String { OneLine.quoted(entry.name) }
        guard !entry.isEncrypted else {
            throw FileProblem("entry \(quoted) is encrypted; save the weights again without a password")
        }
        let start = try dataStart(of: entry)
        let stored = bytes[start..<min(bytes.count, start + entry.compressedSize)]
        let wanted = min(count, entry.uncompressedSize)
        switch entry.method {
        case 0:
            return Array(stored.prefix(wanted))
        case 8:
            let (output, status) = try Self.inflate(stored, room: wanted, flush: Z_SYNC_FLUSH, name: entry.name)
            if output.count < wanted {
                switch status {
                case Z_STREAM_END:
                    throw FileProblem(
                        "entry \(quoted) is damaged: it unpacks to \(output.count) bytes, not the \(entry.uncompressedSize) "
                            + "it declares")
                case Z_OK, Z_BUF_ERROR:
                    throw FileProblem("entry \(quoted) is damaged: its compressed data ends too early")
                default:
                    throw FileProblem("entry \(quoted) is damaged: its compressed data cannot be inflated")
                }
            }
            return output
        default:
            throw FileProblem(
                "entry \(quoted) uses zip compression method \(entry.method); gruscope reads stored or deflated "
                    + "entries, as numpy.savez and numpy.savez_compressed write them")
        }
    }

    /// Where the entry's data begins, after its local header.
    private func dataStart(of entry: ZipEntry) throws(FileProblem) -> Int {
        let offset = entry.localHeaderOffset
        guard offset <= bytes.count - Self.localHeaderSize,
              bytes.uint32(at: offset) == Self.localHeaderSignature,
              let nameLength = bytes.uint16(at: offset + 26),
              let extraLength = bytes.uint16(at: offset + 28)
        else {
            throw FileProblem(
                "entry \(OneLine.quoted(entry.name)) is damaged: no local header where the directory points "
                    + "(offset \(offset))")
        }
        let start = offset + Self.localHeaderSize + Int(nameLength) + Int(extraLength)
        guard start <= bytes.count else {
            throw FileProblem("entry \(OneLine.quoted(entry.name)) is cut off; the archive is truncated")
        }
        return start
    }

    /// Inflates a deflated entry, stopping at the declared size, and its CRC-32.
    private func inflate(_ stored: ArraySlice<UInt8>, entry: ZipEntry) throws(FileProblem) -> ([UInt8], UInt32) {
        let quoted = OneLine.quoted(entry.name)
        // One byte of room past the declared size shows a stream that would go on. The room is
        // left uninitialised, so a hostile declared size costs address space, not memory.
        let room = entry.uncompressedSize + 1
        // The archive size limit keeps both counts far below zlib's 32-bit ones.
        guard stored.count < Int(UInt32.max), room < Int(UInt32.max) else {
            throw FileProblem("entry \(quoted) is too large to inflate")
        }
        let (output, status) = try Self.inflate(stored, room: room, flush: Z_FINISH, name: entry.name)
        if output.count > entry.uncompressedSize {
            throw FileProblem(
                "entry \(quoted) unpacks to more than the \(entry.uncompressedSize) bytes it declares; "
                    + "the archive is damaged or hostile")
        }
        guard status == Z_STREAM_END else {
            if status == Z_BUF_ERROR {
                throw FileProblem("entry \(quoted) is damaged: its compressed data ends too early")
            }
            throw FileProblem("entry \(quoted) is damaged: its compressed data cannot be inflated")
        }
        return (output, Self.crc32(output[...]))
    }

    /// Raw deflate of `stored` into at most `room` bytes (left uninitialised past what zlib
    /// writes), and zlib's last status.
    private static func inflate(
        _ stored: ArraySlice<UInt8>, room: Int, flush: Int32, name: String
    ) throws(FileProblem) -> ([UInt8], Int32) {
        var stream = z_stream()
        guard shim_inflate_init_raw(&stream) == Z_OK else {
            throw FileProblem("entry \(OneLine.quoted(name)) cannot be inflated: zlib would not start")
        }
        defer { inflateEnd(&stream) }
        let input = stored.prefix(Int(UInt32.max - 1))
        var status = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
            input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(room)
                status = CZlibSystem.inflate(&stream, flush)
            }
            initialized = Int(stream.total_out)
        }
        return (output, status)
    }

    /// The zip CRC-32 of `bytes`, by zlib.
    private static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc: uLong = 0
            var at = 0
            while at < buffer.count {
                let slice = min(buffer.count - at, Int(UInt32.max))
                crc = CZlibSystem.crc32(crc, buffer.baseAddress! + at, uInt(slice))
                at += slice
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// The offset of the end-of-central-directory record, searching back from the end.
    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        let lowest = max(0, bytes.count - endRecordSearchSpan)
        var offset = bytes.count - endRecordSize
        while offset >= lowest {
            if bytes.uint32(at: offset) == endRecordSignature,
               let commentLength = bytes.uint16(at: offset + 20),
               offset + endRecordSize + Int(commentLength) <= bytes.count {
                return offset
            }
            offset -= 1
        }
        return nil
    }

    /// The name in the first local header, which even a zip cut short before its directory has.
    static func firstLocalName(_ bytes: [UInt8]) -> String? {
        guard bytes.uint32(at: 0) == localHeaderSignature, let length = bytes.uint16(at: 26),
              localHeaderSize + Int(length) <= bytes.count else { return nil }
        return String(decoding: bytes[localHeaderSize..<(localHeaderSize + Int(length))], as: UTF8.self)
    }

    /// Why there is no end record: a cut-off zip, a lone .npy, or not a zip at all.
    private static func missingEndProblem(_ bytes: [UInt8], writer: String) -> FileProblem {
        if bytes.isEmpty {
            return FileProblem("the file is empty; a .npz file is a zip of .npy arrays written by numpy.savez")
        }
        if bytes.count >= 4, bytes.uint32(at: 0) == localHeaderSignature {
            return FileProblem(
                "the archive is truncated or damaged: the directory at the end of the zip is missing; "
                    + "save the weights again with \(writer)")
        }
        if bytes.starts(with: NPYDecoder.magic) {
            return FileProblem(
                "this is a single .npy array, not an .npz archive; save all the weights with numpy.savez")
        }
        return FileProblem("not a zip archive; a .npz file is a zip of .npy arrays written by numpy.savez")
    }

    /// The entry count, directory size and directory offset from the ZIP64 end record.
    private static func readZip64End(_ bytes: [UInt8], endRecord: Int) throws(FileProblem) -> (Int, Int, Int) {
        let damaged = FileProblem("the archive is damaged: its ZIP64 directory record is missing or unreadable")
        let locator = endRecord - 20
        guard locator >= 0, bytes.uint32(at: locator) == zip64LocatorSignature,
              let recordOffset = bytes.uint64(at: locator + 8).flatMap({ Int(exactly: $0) }),
              recordOffset <= bytes.count - 56,
              bytes.uint32(at: recordOffset) == zip64EndRecordSignature,
              let count = bytes.uint64(at: recordOffset + 32),
              let size = bytes.uint64(at: recordOffset + 40),
              let offset = bytes.uint64(at: recordOffset + 48)
        else { throw damaged }
        // Anything beyond the file's size is a lie; clamping keeps the arithmetic safe.
        let limit = UInt64(bytes.count)
        return (Int(min(count, limit)), Int(min(size, limit + 1)), Int(min(offset, limit + 1)))
    }

    /// One central-directory record and the offset of the next.
    private static func readCentralRecord(
        _ bytes: [UInt8], at offset: Int, limit: Int, index: Int
    ) throws(FileProblem) -> (ZipEntry, Int) {
        let damaged = FileProblem("the archive is damaged: directory record \(index) is unreadable")
        guard offset <= limit - centralHeaderSize,
              bytes.uint32(at: offset) == centralHeaderSignature,
              let flags = bytes.uint16(at: offset + 8),
              let method = bytes.uint16(at: offset + 10),
              let checksum = bytes.uint32(at: offset + 16),
              let compressed32 = bytes.uint32(at: offset + 20),
              let uncompressed32 = bytes.uint32(at: offset + 24),
              let nameLength = bytes.uint16(at: offset + 28),
              let extraLength = bytes.uint16(at: offset + 30),
              let commentLength = bytes.uint16(at: offset + 32),
              let localOffset32 = bytes.uint32(at: offset + 42)
        else { throw damaged }
        let nameStart = offset + centralHeaderSize
        let extraStart = nameStart + Int(nameLength)
        let next = extraStart + Int(extraLength) + Int(commentLength)
        guard next <= limit else { throw damaged }
        let name = String(decoding: bytes[nameStart..<extraStart], as: UTF8.self)
        var uncompressed = UInt64(uncompressed32)
        var compressed = UInt64(compressed32)
        var localOffset = UInt64(localOffset32)
        // ZIP64 keeps the real values, in this order, for each field that is saturated.
        if uncompressed32 == 0xFFFF_FFFF || compressed32 == 0xFFFF_FFFF || localOffset32 == 0xFFFF_FFFF {
            guard var field = zip64Field(bytes, from: extraStart, length: Int(extraLength)) else { throw damaged }
            func nextValue() throws(FileProblem) -> UInt64 {
                guard field.length >= 8, let value = bytes.uint64(at: field.start) else { throw damaged }
                field.start += 8
                field.length -= 8
                return value
            }
            if uncompressed32 == 0xFFFF_FFFF { uncompressed = try nextValue() }
            if compressed32 == 0xFFFF_FFFF { compressed = try nextValue() }
            if localOffset32 == 0xFFFF_FFFF { localOffset = try nextValue() }
        }
        // Offsets and stored sizes beyond the file are caught when the entry is read; clamping
        // to just past the end keeps them representable here.
        let beyond = UInt64(bytes.count) + 1
        let entry = ZipEntry(
            name: name, method: method, checksum: checksum,
            compressedSize: Int(min(compressed, beyond)),
            uncompressedSize: Int(min(uncompressed, UInt64(Int.max))),
            localHeaderOffset: Int(min(localOffset, beyond)),
            isEncrypted: flags & 1 != 0)
        return (entry, next)
    }

    /// The data of the ZIP64 extra field (id 1) within an extra block.
    private static func zip64Field(_ bytes: [UInt8], from start: Int, length: Int) -> (start: Int, length: Int)? {
        var offset = start
        let end = start + length
        while offset + 4 <= end {
            guard let id = bytes.uint16(at: offset), let size = bytes.uint16(at: offset + 2) else { return nil }
            let dataStart = offset + 4
            guard dataStart + Int(size) <= end else { return nil }
            if id == 1 { return (dataStart, Int(size)) }
            offset = dataStart + Int(size)
        }
        return nil
    }
}
