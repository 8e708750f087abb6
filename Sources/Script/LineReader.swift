import Foundation
import Localization

/// The lines of a stream (the repl's standard input), each at most ``CommandWords/longestLine``
/// bytes. A longer line is read to its end without being kept and comes back as its length, so
/// a pipe of endless bytes costs no more memory than one line.
public struct LineReader {
    /// One line.
    public enum Line: Equatable, Sendable {
        /// Its text (invalid UTF-8 shown as U+FFFD), without the line break.
        case text(String)
        /// A line longer than the limit, by its length in bytes.
        case tooLong(bytes: Int)
    }

    private let read: (UnsafeMutableRawBufferPointer) -> Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var skipped: Int?
    private var atEnd = false
    private let limit: Int

    /// Lines read by `read`, which fills the buffer it is given and returns how many bytes it
    /// put there (0 at the end, negative on an error, which ends the stream too).
    public init(limit: Int = CommandWords.longestLine, read: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        self.limit = limit
        self.read = read
    }

    /// Lines of a file descriptor (standard input by default).
    public init(fileDescriptor: Int32 = STDIN_FILENO, limit: Int = CommandWords.longestLine) {
        self.init(limit: limit) { buffer in
            while true {
                let count = Foundation.read(fileDescriptor, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                return count
            }
        }
    }

    /// The next line, or nil at the end of the stream.
    public mutating func next() -> Line? {
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                return finish(buffer[start..<newline])
            }
            scanned = buffer.count
            if buffer.count - start > limit {
                skipped = (skipped ?? 0) + buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                guard start < buffer.count || skipped != nil else { return nil }
                defer { buffer.removeAll(); start = 0 }
                return finish(buffer[start...])
            }
            if start > 0 && start * 2 >= buffer.count {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes(read)
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    private mutating func finish(_ bytes: ArraySlice<UInt8>) -> Line {
        if let skipped {
            self.skipped = nil
            return .tooLong(bytes: skipped + bytes.count)
        }
        let body = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        guard body.count <= limit else { return .tooLong(bytes: body.count) }
        return .text(String(decoding: body, as: UTF8.self))
    }
}
