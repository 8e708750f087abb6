import GRUCore
import Localization
import Script
import Testing
@testable import Teaching

/// The mistakes a student makes on the screen and in the repl are said in the class's language.
/// Each is made for real through the public API; it must carry a catalogue key whose text exists
/// in both languages, and every `error.script` key must be reachable this way.
@Suite struct ScriptErrorTextTests {
    /// One real mistake of every kind that has a catalogue key.
    static func mistakes() throws -> [ScriptError] {
        var found: [ScriptError] = []
        func record(_ body: () throws -> Void) {
            do { try body() } catch let error as ScriptError { found.append(error) } catch {}
        }
        let parser = CommandParser()
        for line in [
            "stpe", "y = 3", "unpin q", "variant caffe", "size 4", "seed -1", "x 1 2", "x[a] = 1",
            "pin q 1", "pin z", "step 0", "reset now", "load", "help nothing", "scene nope",
            String(repeating: "x", count: CommandWords.longestLine + 1),
        ] {
            record { _ = try parser.parse(line) }
        }
        record { _ = try NumberList.parse("1,,2", what: "x") }
        record { _ = try NumberList.number("nan", what: "x[0]") }
        record { _ = try NumberList.number("abc", what: "x[0]") }
        record { _ = try NumberList.number("1e31", what: "x[0]") }
        record { try NumberList.expectCount([1, 2], 1, what: "--x") }
        record { try NumberList.expectCount([1, 2], 4, what: "x") }
        var session = try Session(scene: .seedCode)
        record { try session.step(0) }
        record { try session.back() }
        record { try session.setX(at: 9, to: 1) }
        record { try session.resize(inputSize: 5000, hiddenSize: 5) }
        // The screen's own check of a pinned value typed in (AppTests make it for real).
        found.append(UserError(key: "error.script.gate_range", ["what": "z[0]", "text": "2"]))
        return found
    }

    @Test func everyKeyedMistakeReadsTheSameInEnglishAndIsTranslated() throws {
        let mistakes = try Self.mistakes()
        var keys: Set<String> = []
        for error in mistakes {
            let key = try #require(error.key, "no catalogue key: \(error.message)")
            keys.insert(key)
            #expect(Catalogues.english.texts[key] != nil && !error.message.contains("{"), "catalogues/en.toml lacks \(key): \(error.message)")
            let chinese = Language.zh.message(of: error)
            #expect(chinese != error.message && !chinese.contains("{") && chinese != key, "\(key) in Chinese: \(chinese)")
            for case let .plain(value) in error.text.arguments.values where !value.isEmpty {
                #expect(chinese.contains(value), "\(key) in Chinese leaves out \(value)")
            }
        }
        let catalogued = Set(Catalogues.english.texts.keys.filter { $0.hasPrefix("error.script.") })
        #expect(keys == catalogued, "keys no mistake here produces: \(catalogued.subtracting(keys).sorted()); keys missing from the catalogue: \(keys.subtracting(catalogued).sorted())")
    }

    @Test func theReplSaysMistakesInItsLanguage() throws {
        var lines = LineSession(session: try Session(scene: .seedCode), commands: TeachingCommands(language: .zh))
        #expect(lines.reply("x = 1 2") == "error: x 需要 4 个数，收到的是 2 个")
        _ = lines.handle("lang en")
        #expect(lines.reply("x = 1 2") == "error: x needs 4 numbers, got 2")
    }
}
