import Foundation

/// Bounds-checked little-endian reads; nil past the end rather than a trap.
extension Array where Element == UInt8 {
    func uint16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        var value: UInt32 = 0
        for k in (0..<4).reversed() { value = value << 8 | UInt32(self[offset + k]) }
        return value
    }

    func uint64(at offset: Int) -> UInt64? {
        guard offset >= 0, offset <= count - 8 else { return nil }
        var value: UInt64 = 0
        for k in (0..<8).reversed() { value = value << 8 | UInt64(self[offset + k]) }
        return value
    }
}

/// Runs `body` over the raw bytes of `bytes`, keeping its typed error (the standard library's
/// `withUnsafeBytes` rethrows as `any Error`).
func withRawBytes<C: ContiguousBytes, T>(
    _ bytes: C, _ body: (UnsafeRawBufferPointer) throws(FileProblem) -> T
) throws(FileProblem) -> T {
    let result: Result<T, FileProblem> = bytes.withUnsafeBytes { raw in
        do throws(FileProblem) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}
