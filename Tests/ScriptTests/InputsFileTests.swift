import Foundation
import GRUCore
import Testing
@testable import Script

/// `--inputs`: every format, and one clear message for every kind of bad file.
@Suite struct InputsFileFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inputs")
    static let steps: [[Float]] = [[1, 2, 3, 4], [0.5, -0.25, 0, 1e-3], [-1, 0, 1, 2.5]]

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func temporary(_ bytes: [UInt8], _ suffix: String = ".txt") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-inputs-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url.path
    }

    static func message(_ body: () throws(ScriptError) -> Any) -> String {
        do {
            _ = try body()
            return "(no error)"
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        "steps-f32.npy", "steps-f64.npy", "steps-fortran.npy", "steps.npz", "steps-compressed.npz", "batch-of-one.npy",
        "steps.csv", "steps-header.csv", "steps-quoted.csv",
    ])
    func everyFormatReadsTheSameSteps(_ name: String) throws {
        let table = try InputsFile.table(path: Self.fixture(name), inputSize: 4)
        #expect(table.steps == 3 && table.width == 4)
        #expect(table.vectors == Self.steps, "\(name)")
    }

    @Test func textLinesAsBefore() throws {
        let text = "\u{FEFF}# two steps\r\n1 2 3 4\r\n\n  [4, 3, 2, 1]  # pasted\n\t0.5\t-1e-3 , +2 ,3.\n"
        #expect(try InputsFile.parse(text, name: "t", inputSize: 4) == [[1, 2, 3, 4], [4, 3, 2, 1], [0.5, -1e-3, 2, 3]])
        // Numbers read exactly as Float(text) reads them.
        let exact = try InputsFile.parse("0.1 1e-45 -16777217 3.5\n", name: "t", inputSize: 4)
        #expect(exact == [[Float("0.1")!, Float("1e-45")!, Float("-16777217")!, 3.5]])
    }

    @Test func aOneColumnArrayIsOneValuePerStep() throws {
        #expect(try InputsFile.read(path: Self.fixture("one-column.npy"), inputSize: 1) == [[0.5], [-1], [2]])
    }

    @Test(arguments: [
        ("two-arrays.npz", "two-arrays.npz: the archive holds 2 arrays ('x', 'y'); save the inputs alone"),
        ("wrong-width.npy", "wrong-width.npy holds a 3×5 array: 5 values per step, expected I=4"),
        ("nan.npy", "nan.npy: the array holds NaN at [1][1]; inputs must be finite numbers"),
        ("int.npy", "int.npy: the array has dtype '<i8' (integers)"),
        ("big-endian.npy", "big-endian.npy: the array has dtype '>f4' (big-endian float32)"),
        ("empty.npy", "empty.npy holds no input vectors (its array has 0 rows)"),
        ("one-column.npy", "one-column.npy holds an array of shape 3; expected T×I (I=4)"),
        ("bomb-declared.npz", "bomb-declared.npz: its entries would unpack to 300 MiB, more than the 256 MiB gruscope allows"),
    ])
    func badArraysAreRefusedClearly(_ name: String, _ expected: String) {
        let text = Self.message { () throws(ScriptError) in try InputsFile.table(path: Self.fixture(name), inputSize: 4) }
        #expect(text.hasPrefix(Self.fixture(name).replacingOccurrences(of: name, with: "") + expected), "\(text)")
    }

    @Test(arguments: [
        ("1 2 3 4\n1 2 3\n", "line 2 has 3 numbers, expected 4 (one input vector per line)"),
        ("1 2 3 4\n1 2 3 4 5\n", "line 2 has 5 numbers, expected 4"),
        ("1 2 nan 4\n", "line 1: x[2] = nan is not a finite number; use a value between -1e30 and 1e30"),
        ("1 2 3 4\n1 -inf 3 4\n", "line 2: x[1] = -inf is not a finite number"),
        ("1 2 3 2e31\n", "line 1: x[3] = 2e31 is out of range; use a value between -1e30 and 1e30"),
        ("1 2 abc 4\n", "line 1: x[2] = 'abc' is not a number; write numbers like 0.5, -2 or 1e-3"),
        ("1,,2,3\n", "line 1: x has an empty entry between commas"),
        ("", "holds no input vectors; write one per line, e.g. 1, 2, 3, 4"),
        ("# only a comment\n\n   \n", "holds no input vectors"),
        ("1 2 3 4\n\u{0}\u{1}binary\n", "line 2: byte 0x0 is not text; the file looks binary"),
        ("x0,x1,x2,x3\n", "holds no input vectors"),
        ("1 2 3 4\nx0,x1,x2,x3\n", "line 2: x[0] = 'x0' is not a number"),
        ("1 2 3 \u{1B}]0;PWNED\u{7}\n", "line 1: byte 0x1B is not text"),
    ])
    func badTextIsRefusedWithItsLine(_ text: String, _ expected: String) throws {
        let message = Self.message { () throws(ScriptError) in try InputsFile.parse(text, name: "seq.txt", inputSize: 4) }
        #expect(message.hasPrefix("seq.txt" + (expected.hasPrefix("line") ? " " : " ") + expected), "\(message)")
        #expect(!message.contains("\u{1B}") && !message.contains("\n"))
    }

    @Test func utf16IsNamed() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("1 2 3 4".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let message = Self.message { () throws(ScriptError) in try InputsFile.parse(bytes: bytes, name: "w.txt", inputSize: 4) }
        #expect(message == "w.txt is UTF-16 text; save it as UTF-8 (or ASCII), one input vector per line")
    }

    @Test func aHugeLineIsClippedInTheMessage() {
        let line = "1 2 3 " + String(repeating: "x", count: 1_000_000)
        let message = Self.message { () throws(ScriptError) in try InputsFile.parse(line, name: "l.txt", inputSize: 4) }
        #expect(message.count < 400, "\(message.count) characters")
    }

    @Test func tooManyStepsAreRefusedAtTheLimit() throws {
        let limit = InputsFile.maximumSteps
        var bytes = [UInt8](repeating: 0, count: 2 * (limit + 1))
        for k in 0..<(limit + 1) { bytes[2 * k] = UInt8(ascii: "0"); bytes[2 * k + 1] = 0x0A }
        let message = Self.message { () throws(ScriptError) in try InputsFile.parse(bytes: bytes, name: "long.txt", inputSize: 1) }
        #expect(message == "long.txt has more than \(limit) input vectors (at line \(limit + 1)), the most a sequence holds")
        bytes.removeLast(2)
        #expect(try InputsFile.parse(bytes: bytes, name: "long.txt", inputSize: 1).steps == limit)
    }

    @Test func filesAreCheckedBeforeTheyAreRead() throws {
        // A sparse file past the limit: refused by its size, nothing read.
        let path = try Self.temporary([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputsFile.largestFileSize + 1))
        try handle.close()
        let big = Self.message { () throws(ScriptError) in try InputsFile.table(path: path, inputSize: 4) }
        #expect(big == "\(path) has \(InputsFile.largestFileSize + 1) bytes, more than the 64 MiB an inputs file may have")
        let directory = Self.message { () throws(ScriptError) in try InputsFile.table(path: NSTemporaryDirectory(), inputSize: 4) }
        #expect(directory.hasSuffix("is a directory; give a file with one input vector per line, or an .npy/.npz/.csv file"))
        let missing = Self.message { () throws(ScriptError) in try InputsFile.table(path: "/nonexistent/seq.txt", inputSize: 4) }
        #expect(missing == "cannot read inputs file /nonexistent/seq.txt: no such file")
        let none = Self.message { () throws(ScriptError) in try InputsFile.table(path: "/dev/null", inputSize: 4) }
        #expect(none == "/dev/null holds no input vectors; write one per line, e.g. 1, 2, 3, 4")
    }

    @Test func aPipeIsReadLikeAFile() throws {
        let path = NSTemporaryDirectory() + "gruscope-fifo-\(UUID().uuidString)"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            let text = Array("1 2 3 4\n5 6 7 8\n".utf8)
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        writer.start()
        #expect(try InputsFile.read(path: path, inputSize: 4) == [[1, 2, 3, 4], [5, 6, 7, 8]])
    }

    @Test func aLongFileIsReadWhole() throws {
        var text = ""
        text.reserveCapacity(200_000 * 30)
        for k in 0..<200_000 { text += "\(k % 7), -0.25, 1e-3, \(Float(k) / 3)\n" }
        let table = try InputsFile.parse(bytes: Array(text.utf8), name: "big", inputSize: 4)
        #expect(table.steps == 200_000)
        #expect(table.values[4 * 199_999 + 3] == Float("\(Float(199_999) / 3)"))
    }
}
