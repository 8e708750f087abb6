/// Little-endian reads from a window of an HDF5 file image, every one checked against the
/// window's end: a field that would reach past it is a ``FileProblem``, never a trap.
struct HDF5Reader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// What is being read, for the message when it is cut off (`an object header`).
    let what: String

    /// The window `range` of `bytes`, which the caller has checked lies inside them.
    init(_ bytes: [UInt8], _ range: Range<Int>, what: String) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
        self.what = what
    }

    var remaining: Int { end - position }

    /// The next `count` bytes' positions, skipped over.
    mutating func take(_ count: Int) throws(FileProblem) -> Range<Int> {
        guard count >= 0, count <= end - position else { throw HDF5File.damaged("\(what) is cut off") }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func skip(_ count: Int) throws(FileProblem) { _ = try take(count) }

    mutating func byte() throws(FileProblem) -> UInt8 {
        let range = try take(1)
        return bytes[range.lowerBound]
    }

    /// An unsigned little-endian number of `size` bytes (1 to 8).
    mutating func number(_ size: Int) throws(FileProblem) -> UInt64 {
        let range = try take(size)
        var value: UInt64 = 0
        for index in range.reversed() { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    /// A number of `size` bytes that must fit an Int.
    mutating func count(_ size: Int) throws(FileProblem) -> Int {
        let value = try number(size)
        guard value <= UInt64(Int.max) else { throw HDF5File.damaged("\(what) gives a size of \(value)") }
        return Int(value)
    }

    /// Whether the next bytes are `signature` (not consumed).
    func starts(with signature: String) -> Bool {
        let expected = Array(signature.utf8)
        return expected.count <= end - position && bytes[position..<(position + expected.count)].elementsEqual(expected)
    }

    /// Consumes `signature`, or throws naming what was expected.
    mutating func expect(_ signature: String) throws(FileProblem) {
        guard starts(with: signature) else { throw HDF5File.damaged("\(what) does not start with \(signature)") }
        position += signature.utf8.count
    }
}
