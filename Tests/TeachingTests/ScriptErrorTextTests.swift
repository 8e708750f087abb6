import GRUCore
import Script
import Testing
@testable import Teaching

/// The mistakes a student makes on the screen and in the repl are said in the class's language.
/// Each is made for real through the public API; its English catalogue text must be its English
/// message word for word, and every `error.script` key must be reachable this way.
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
            "pin q 1", "pin z", "step 0", "reset now", "load",
        ] {
            record { _ = try parser.parse(line) }
        }
        record { _ = try Interpreter.help("nothing", parser: parser) }
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
        found.append(ScriptError("z[0] = 2 is outside [0, 1]; a gate is a share between 0 and 1", key: "gate_range", ["what": "z[0]", "text": "2"]))
        return found
    }

    @Test func everyKeyedMistakeReadsTheSameInEnglishAndIsTranslated() throws {
        let mistakes = try Self.mistakes()
        var keys: Set<String> = []
        for error in mistakes {
            let localization = try #require(error.localization, "no catalogue key: \(error.message)")
            keys.insert(localization.key)
            #expect(Language.en.message(of: error) == error.message, "catalogues/en.toml \(localization.key) differs from the code's message")
            let chinese = Language.zh.message(of: error)
            #expect(chinese != error.message && !chinese.contains("{") && chinese != localization.key, "\(localization.key) in Chinese: \(chinese)")
            for value in localization.arguments.values where !value.isEmpty {
                #expect(chinese.contains(value), "\(localization.key) in Chinese leaves out \(value)")
            }
        }
        let catalogued = Set(Catalogues.english.texts.keys.filter { $0.hasPrefix("error.script.") })
        #expect(keys == catalogued, "keys no mistake here produces: \(catalogued.subtracting(keys).sorted()); keys missing from the catalogue: \(keys.subtracting(catalogued).sorted())")
    }

    @Test func theReplSaysMistakesInItsLanguage() throws {
        var lines = LineSession(session: try Session(scene: .seedCode), commands: TeachingCommands(language: .zh))
        #expect(lines.handle("x = 1 2").output == "error: x 需要 4 个数，收到的是 2 个")
        _ = lines.handle("lang en")
        #expect(lines.handle("x = 1 2").output == "error: x needs 4 numbers, got 2")
    }
}
