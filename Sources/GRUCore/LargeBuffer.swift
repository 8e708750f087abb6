import Foundation

/// Big float buffers, such as a 1024-unit cell's matrices (19 MB), made without a first pass
/// of zeros and on huge pages where the system offers them.
///
/// Touching a fresh 19 MB buffer page by page is about 4,700 page faults; on the machines we
/// measured, those faults were a third of a 1024-unit model's start. With transparent huge
/// pages on request (`madvise`, Linux's default), the same buffer takes about ten.
public enum LargeBuffer {
    /// Buffers from this many bytes ask for huge pages; smaller ones are left as they are.
    static let hugePageThreshold = 4 << 20
    /// The size of a huge page on x86-64 and arm64 with 4 KiB pages.
    static let hugePageSize = 2 << 20

    /// `count` floats, every one written by `initialize` (which gets the first of them).
    public static func floats(count: Int, _ initialize: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 {
                adviseHugePages(base, byteCount: count * MemoryLayout<Float>.stride)
                initialize(base)
            }
            initialized = count
        }
    }

    /// Asks for huge pages for the whole 2 MiB pages inside a buffer not yet touched. Only
    /// advice: where the system has none (or says no) the buffer works as before.
    public static func adviseHugePages(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        guard byteCount >= hugePageThreshold else { return }
        let first = (Int(bitPattern: pointer) + hugePageSize - 1) & ~(hugePageSize - 1)
        let end = (Int(bitPattern: pointer) + byteCount) & ~(hugePageSize - 1)
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        #if os(Linux)
        _ = madvise(start, end - first, MADV_HUGEPAGE)
        #endif
    }

    /// `byteCount` bytes aligned to `alignment`, on huge pages when large (see above); free
    /// them with `deallocate()`.
    public static func allocate(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let large = byteCount >= hugePageThreshold
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: large ? hugePageSize : alignment)
        if large { adviseHugePages(raw, byteCount: byteCount) }
        return raw
    }
}

/// Where the first NaN or infinity is in a buffer of floats. One branch-free pass over the bit
/// patterns in blocks; only a block that holds one is looked at again.
public enum FiniteCheck {
    private static let exponentBits: UInt32 = 0x7F80_0000
    private static let block = 4096

    /// The index of the first value that is not finite, or nil.
    public static func firstNonFinite(_ values: UnsafeBufferPointer<Float>) -> Int? {
        var start = 0
        while start < values.count {
            let end = min(values.count, start + block)
            var widest: UInt32 = 0
            for k in start..<end { widest = max(widest, values[k].bitPattern & exponentBits) }
            if widest == exponentBits { return (start..<end).first { !values[$0].isFinite } }
            start = end
        }
        return nil
    }

    /// The index of the first value that is not finite, or nil.
    public static func firstNonFinite(_ values: [Float]) -> Int? {
        values.withUnsafeBufferPointer { firstNonFinite($0) }
    }
}
