import Foundation
import Localization
import Testing

/// gruscope's TOML reader against Python's tomllib: every document in Tests/Fixtures/toml
/// (written by scripts/make-toml-fixtures.py, which runs tomllib) reads to the same values, and
/// every document tomllib refuses is refused with a line inside the text.
@Suite struct TOMLConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/toml")

    static func names(_ kind: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind).path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func text(_ kind: String, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(kind)/\(name).toml"), encoding: .utf8)
    }

    @Test func theFixturesAreThere() {
        #expect(Self.names("valid").count >= 50)
        #expect(Self.names("invalid").count >= 100)
    }

    @Test(arguments: names("valid"))
    func readsLikeTomllib(_ name: String) throws {
        let table = try TOMLParser.parse(try Self.text("valid", name))
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("valid/\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var differences: [String] = []
        Self.compare(.table(table), expected, path: name, into: &differences)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
    }

    @Test(arguments: names("invalid"))
    func refusesWhatTomllibRefuses(_ name: String) throws {
        let text = try Self.text("invalid", name)
        do {
            let table = try TOMLParser.parse(text)
            Issue.record("\(name): read as \(TOMLValue.table(table).debugDescription)")
        } catch {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect((1...max(1, lines)).contains(error.line), "\(name): line \(error.line)")
            #expect(!error.message.isEmpty && !error.message.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    /// Where gruscope differs from tomllib on purpose (see scripts/make-toml-fixtures.py).
    @Test func integersOutside64BitsAndDeepNestingAreRefusedAndAByteOrderMarkIsSkipped() throws {
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse("a = 9223372036854775808\n") }
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse("a = -9223372036854775809\n") }
        let depth = TOMLParser.deepestNesting
        #expect(try TOMLParser.parse("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).count == 1)
        #expect(throws: TOMLSyntaxError(line: 1, message: "lists and tables nested more than \(depth) deep")) {
            try TOMLParser.parse("a = " + String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1))
        }
        // A hostile file cannot make the reader recurse past its stack.
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse("a = " + String(repeating: "[", count: 1_000_000)) }
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse("a = " + String(repeating: "{b=", count: 100_000)) }
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse("[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]") }
        #expect(try TOMLParser.parse("\u{FEFF}a = 1\n")["a"] == .integer(1))
    }

    @Test func errorsNameTheLine() {
        #expect(throws: TOMLSyntaxError(line: 3, message: "'a' is defined twice")) { try TOMLParser.parse("a = 1\n\na = 2\n") }
        #expect(throws: TOMLSyntaxError(line: 2, message: "[t] is defined twice")) { try TOMLParser.parse("[t]\n[t]\n") }
        #expect(throws: TOMLSyntaxError(line: 2, message: "a string is not closed with '\"' on its line")) {
            try TOMLParser.parse("a = 1\nb = \"x\n")
        }
        #expect(throws: TOMLSyntaxError(line: 1, message: "the control character U+0001 in a string; write it as an escape such as \\t or \\u0001")) {
            try TOMLParser.parse("a = \"\u{1}\"")
        }
    }

    static func compare(_ value: TOMLValue, _ expected: Any, path: String, into differences: inout [String]) {
        if let leaf = expected as? [String: Any], let type = leaf["type"] as? String, let text = leaf["value"] as? String, leaf.count == 2 {
            let same: Bool
            switch type {
            case "string": same = value == .string(text)
            case "integer": same = value == Int(text).map(TOMLValue.integer)
            case "bool": same = value == .boolean(text == "true")
            case "float":
                let number = Double(text)!
                same = value.double.map { number.isNaN ? $0.isNaN : $0 == number && $0.sign == number.sign } ?? false
            case "datetime": same = value.type == .dateTime
            default: same = false
            }
            if !same { differences.append("\(path): \(value.debugDescription), tomllib \(type) \(text)") }
            return
        }
        if let table = expected as? [String: Any] {
            guard let mine = value.table else { differences.append("\(path): \(value.debugDescription), tomllib a table"); return }
            if Set(mine.keys) != Set(table.keys) { differences.append("\(path): keys \(mine.keys.sorted()), tomllib \(table.keys.sorted())") }
            for (key, inner) in table {
                if let mineInner = mine[key] { compare(mineInner, inner, path: path + "." + key, into: &differences) }
            }
            return
        }
        if let list = expected as? [Any] {
            guard let mine = value.array, mine.count == list.count else {
                differences.append("\(path): \(value.debugDescription), tomllib a list of \(list.count)")
                return
            }
            for (index, inner) in list.enumerated() { compare(mine[index], inner, path: path + "[\(index)]", into: &differences) }
            return
        }
        differences.append("\(path): unexpected fixture value")
    }
}
