/// One file inside a zip archive, as the archive's central directory describes it.
struct ZipEntry: Equatable {
    /// The stored path, e.g. `gates/kernel.npy`.
    let name: String
    /// 0 stored, 8 deflated.
    let method: UInt16
    /// The CRC-32 of the uncompressed bytes.
    let checksum: UInt32
    /// Bytes in the archive.
    let compressedSize: Int
    /// Bytes after inflating, as declared (a hostile file may lie; inflating checks it).
    let uncompressedSize: Int
    /// Where the entry's local header starts.
    let localHeaderOffset: Int
    /// Whether the entry is encrypted (general-purpose flag bit 0).
    let isEncrypted: Bool

    /// Whether the entry is a directory rather than a file.
    var isDirectory: Bool { name.hasSuffix("/") }
}
