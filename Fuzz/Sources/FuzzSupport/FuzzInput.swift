/// The fuzzer's bytes read as a sequence of decisions: small numbers, choices, pieces of text.
/// When the bytes run out every read gives zero, so any input is a complete program of
/// decisions and the fuzzer's mutations map smoothly onto changes of behaviour.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes of one libFuzzer call.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        self.init(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The bytes not read yet.
    public var remaining: ArraySlice<UInt8> { bytes[min(position, bytes.count)...] }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<bound` (bound ≤ 65 536) from one or two bytes.
    public mutating func number(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= 65_536)
        if bound <= 256 { return Int(byte()) % bound }
        return (Int(byte()) << 8 | Int(byte())) % bound
    }

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[number(below: choices.count)]
    }

    /// A little-endian 32-bit value.
    public mutating func uint32() -> UInt32 {
        (0..<4).reduce(UInt32(0)) { value, shift in value | UInt32(byte()) << (8 * UInt32(shift)) }
    }

    /// Up to `maximum` bytes, as many as the next byte says.
    public mutating func bytes(upTo maximum: Int) -> ArraySlice<UInt8> {
        let count = min(number(below: maximum + 1), bytes.count - min(position, bytes.count))
        defer { position += count }
        return bytes[min(position, bytes.count)..<min(position, bytes.count) + count]
    }
}

/// Stops the run with a message libFuzzer records as a crash, when an invariant is broken.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: " + message()) }
}

/// The input as text the way a user's file would be read: UTF-8, with invalid bytes replaced.
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    guard let data else { return "" }
    return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}
