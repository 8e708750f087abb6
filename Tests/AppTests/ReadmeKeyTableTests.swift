import Foundation
import Testing
import TerminalInput
@testable import App

/// The README's key table names the keys of the key map, all of them and no others: the map is
/// the one definition, and the table may only describe it.
@Suite struct ReadmeKeyTableTests {
    /// The keys the first cell of each row of the README's key table names in backquotes.
    static func readmeKeys() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "\n| keys | |\n"))
        let rows = text[start.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("|") }.dropFirst()
        var keys: [String] = []
        for row in rows {
            let first = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            // Backquoted runs in the first cell: `h j k l`, `C-b C-f`, `<` `>`.
            let quoted = first.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            for run in quoted { keys += run.element.split(separator: " ").map(String.init) }
            if first.contains("arrows") { keys += ["Up", "Down", "Left", "Right"] }
        }
        return keys
    }

    static func key(named name: String) -> Key? {
        switch name {
        case "Up": return .up
        case "Down": return .down
        case "Left": return .left
        case "Right": return .right
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "Tab": return .tab
        case "Shift-Tab": return .backTab
        case "Enter": return .enter
        case "Space": return .character(" ")
        case "/", "(": return nil
        default:
            if name.hasPrefix("C-"), name.count == 3 { return .control(name.last!) }
            if name.hasPrefix("F"), let number = Int(name.dropFirst()) { return .function(number) }
            if name.count == 1 { return .character(name.first!) }
            return nil
        }
    }

    @Test func everyKeyTheTableNamesIsBoundAndEveryBoundKeyIsNamed() throws {
        let names = try Self.readmeKeys()
        let named = Set(names.compactMap(Self.key(named:)))
        #expect(!named.isEmpty)
        let screen: [KeyContext] = [.lesson, .normal]
        for name in names {
            guard let key = Self.key(named: name) else { continue }
            #expect(KeyMap.binding(for: key, in: screen) != nil, "README names \(name), which the key map does not bind")
        }
        // Every key bound on the screen (not while typing or on a panel) is in the table.
        for binding in KeyMap.bindings where !binding.contexts.isDisjoint(with: [.normal, .lesson]) {
            for case let .key(key) in binding.keys {
                #expect(named.contains(key), "the key map binds \(key.label(ascii: true)) to \(binding.action), but README's key table does not name it")
            }
        }
    }
}
