import Foundation
import Localization
import Testing
@testable import Script

/// Files users name: `~` is $HOME, reads are bounded, writes are atomic and careful.
@Suite struct UserFilesTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gruscope-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to path: String, replacing: Bool = false) throws(UserError) {
        try UserFiles.write(Array(text.utf8), to: path, shownAs: path, replacing: replacing, command: "export")
    }

    @Test func tildeIsHomeFromTheEnvironment() {
        #expect(UserFiles.expand("~/a.svg", environment: ["HOME": "/tmp/class"]) == "/tmp/class/a.svg")
        #expect(UserFiles.expand("~", environment: ["HOME": "/tmp/class"]) == "/tmp/class")
        #expect(UserFiles.expand("~bob/a.svg", environment: ["HOME": "/tmp/class"]) == "~bob/a.svg")
        #expect(UserFiles.expand("a~/b", environment: ["HOME": "/tmp/class"]) == "a~/b")
        #expect(UserFiles.expand("~/a", environment: [:]) == "~/a")
    }

    @Test func anExistingFileIsReplacedOnlyWhenAskedAndKeepsItsMode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("slide.txt").path
        try Self.write("first", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        #expect(chmod(path, 0o600) == 0)
        #expect(throws: UserError("\(path) already exists; write export! \(path) to replace it")) { try Self.write("second", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try Self.write("second", to: path, replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Nothing is left behind beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["slide.txt"])
    }

    @Test func linksPipesAndFoldersAreRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.txt").path
        try Self.write("keep", to: target)
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: UserError(key: "error.file.link", ["file": link])) { try Self.write("x", to: link, replacing: true) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: UserError(key: "error.file.not_plain", ["file": fifo])) { try Self.write("x", to: fifo, replacing: true) }
        #expect(throws: UserError(key: "error.file.directory", ["file": folder.path])) { try Self.write("x", to: folder.path, replacing: true) }
        let missing = folder.appendingPathComponent("no/such/folder.txt").path
        #expect(throws: UserError(key: "error.file.unwritable", ["file": missing, "reason": "No such file or directory"])) { try Self.write("x", to: missing) }
    }

    @Test func readsAreBounded() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.toml").path
        try Data(count: 2048).write(to: URL(fileURLWithPath: big))
        #expect(throws: UserError(key: "error.lesson.too_large", ["file": big, "limit": "1024"])) {
            try UserFiles.readText(big, shownAs: big, limit: 1024, tooLarge: "error.lesson.too_large", notText: "error.lesson.not_text")
        }
        // A device that never ends is read only as far as the limit.
        #expect(throws: UserError(key: "error.lesson.too_large", ["file": "/dev/zero", "limit": "1024"])) {
            try UserFiles.readText("/dev/zero", shownAs: "/dev/zero", limit: 1024, tooLarge: "error.lesson.too_large", notText: "error.lesson.not_text")
        }
        #expect(try UserFiles.readText("/dev/null", shownAs: "/dev/null", limit: 10, tooLarge: "error.lesson.too_large", notText: "error.lesson.not_text") == "")
    }
}

/// The repl's standard input: lines of any length cost no more than the limit.
@Suite struct LineReaderTests {
    static func lines(_ text: String, limit: Int = 16, chunk: Int = 5) -> [LineReader.Line] {
        var bytes = Array(text.utf8)[...]
        var reader = LineReader(limit: limit) { buffer in
            let count = min(chunk, bytes.count, buffer.count)
            for i in 0..<count { buffer[i] = bytes[bytes.startIndex + i] }
            bytes = bytes.dropFirst(count)
            return count
        }
        var result: [LineReader.Line] = []
        while let line = reader.next() { result.append(line) }
        return result
    }

    @Test func linesAreSplitWhateverTheChunks() {
        let text = "x = 1 2 3 4\r\nstep\n\nshow"
        for chunk in 1...12 {
            #expect(Self.lines(text, chunk: chunk) == [.text("x = 1 2 3 4"), .text("step"), .text(""), .text("show")], "chunk \(chunk)")
        }
        #expect(Self.lines("") == [])
        #expect(Self.lines("a\n") == [.text("a")])
    }

    @Test func aLongLineIsSkippedAndMeasured() {
        let long = String(repeating: "9", count: 1000)
        #expect(Self.lines("step\n" + long + "\nshow\n") == [.text("step"), .tooLong(bytes: 1000), .text("show")])
        #expect(Self.lines(long) == [.tooLong(bytes: 1000)])
        #expect(Self.lines(String(repeating: "a", count: 16) + "\n") == [.text(String(repeating: "a", count: 16))])
    }
}

/// Lines of any length are read in one pass (issue 10: a 10 MB `x =` line took 13 s).
@Suite struct LongLineTests {
    @Test func aLineOfManyNumbersParsesAndOnePastTheLimitIsRefused() throws {
        let values = (0..<60_000).map { String(Float($0 % 97) / 8) }
        let line = "x = " + values.joined(separator: ", ")
        #expect(line.utf8.count < CommandWords.longestLine)
        guard case let .assign(.x, parsed)? = try CommandParser().parse(line) else { Issue.record("no assignment"); return }
        #expect(parsed.count == 60_000 && parsed[96] == 12)
        let pin = "pin z = " + String(repeating: "0.5 ", count: 200_000)
        guard case let .pin(.z, pinned)? = try CommandParser().parse(pin) else { Issue.record("no pin"); return }
        #expect(pinned.count == 200_000)
        let tooLong = "x = " + String(repeating: "1 ", count: 5_000_000)
        #expect(throws: UserError.self) { try CommandParser().parse(tooLong) }
    }
}
