/// Sizes in bytes as a user reads them.
enum ByteCount {
    /// `300 MiB`, `1 GiB`, `512 bytes`.
    static func text(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (unit, size) in units where bytes >= size {
            let whole = bytes / size
            let tenths = (bytes % size) * 10 / size
            return tenths == 0 ? "\(whole) \(unit)" : "\(whole).\(tenths) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
