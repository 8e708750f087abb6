import Foundation
import GRUCore
import Localization
import Testing
import WeightFiles
@testable import Script

/// Sessions in files: what is saved comes back exactly, and every bad file is one message that
/// changes nothing.
@Suite struct SessionFileTests {
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "gruscope-session-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    typealias Snapshot = SequenceSessionTests.Snapshot

    /// A session with a bit of everything: steps, an edit, pins, a cursor, a lesson mark.
    static func busySession() throws -> Session {
        var session = try Session(scene: .seedDoc)
        try session.step(3)
        try session.setX(at: 1, to: -2.5)
        try session.step(2)
        try session.goto(2)
        try session.setLessonMark(LessonMark(lesson: "keep-and-replace", step: 1), description: Message(english: "lesson"))
        return session
    }

    static func roundTrip(_ session: Session, view: SessionView = SessionView(), language: Language? = nil) throws -> OpenedSession {
        let file = try SessionFile(session: session, view: view, language: language, weightsHash: nil, inputsHash: nil)
        return try OpenedSession.open(try SessionFile.parse(file.text, file: "s.toml"), file: "s.toml")
    }

    @Test func aSavedSessionComesBackExactly() throws {
        let session = try Self.busySession()
        let view = SessionView(unit: 4, theme: "mono", options: ["timeline.quantity": "z", "present": "on"])
        let opened = try Self.roundTrip(session, view: view, language: .zh)
        #expect(Snapshot(opened.session) == Snapshot(session))
        #expect(opened.view == view && opened.language == .zh && opened.warnings.isEmpty)
        #expect(opened.session.history.undoable.isEmpty)
    }

    @Test(arguments: ["seed-code", "chars", "sine"])
    func scenesAndExamplesComeBack(_ name: String) throws {
        var session = try Session(scene: try Scene.named(name), seed: 99)
        try session.step(2)
        let opened = try Self.roundTrip(session)
        #expect(Snapshot(opened.session) == Snapshot(session))
    }

    /// A generated sequence (one too long to write out) is kept as its command, every number
    /// spelled exactly: the summary's short numbers (`phase 1.000e-04` for 0.000099999, `0.1235`
    /// for 0.12345) reopened a different sequence, and a file written from such a file was not the
    /// same text (found by the session-file fuzz target).
    @Test(arguments: ["generate sine 19 period 8 value 1 phase 0.000099999", "generate sine 40 period 7.123456 value 0.333333 phase 0.12345",
                      "generate pulse 9 at 3 value 1e-07", "generate noise 12 seed 5 value 12345678", "generate constant 3 value -0.1"])
    func aGeneratedSequenceComesBackExactly(_ line: String) throws {
        guard case let .generate(generator) = try CommandParser().parse(line) else { throw UserError("not a generate line") }
        let text = """
            format = "gruscope-session"
            version = 1
            [weights]
            source = "random"
            variant = "pytorch"
            seed = 7
            input_size = 1
            hidden_size = 3
            reset_after = true
            [state]
            input_size = 1
            hidden_size = 3
            h0 = [0.0, 0.0, 0.0]
            t = 1
            [sequence]
            generate = "\(line)"
            """
        let file = try SessionFile.parse(text, file: "s.toml")
        #expect(file.inputs == .generated(generator))
        let again = try SessionFile.parse(file.text, file: "again.toml")
        #expect(again.inputs == .generated(generator), "\(file.text)")
        #expect(again.text == file.text)
        let opened = try OpenedSession.open(again, file: "again.toml")
        #expect(opened.session.sequence.inputs == generator.rows(inputSize: 1).flat)
    }

    @Test func randomWeightsAreKeptBySeedNotByValue() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 3, hiddenSize: 7)
        try session.reseed(12345)
        try session.setResetAfter(true)
        let text = try SessionFile(session: session, view: SessionView(), language: nil, weightsHash: nil, inputsHash: nil).text
        #expect(text.contains("source = \"random\"") && text.contains("seed = 12345"))
        #expect(text.count < 2000, "no weight values in the file")
        let opened = try OpenedSession.open(try SessionFile.parse(text, file: "s.toml"), file: "s.toml")
        #expect(Snapshot(opened.session) == Snapshot(session))
    }

    @Test func repeatedStepsAreWrittenOnce() throws {
        var session = try Session(scene: .seedCode)
        try session.step(50_000)
        let text = try SessionFile(session: session, view: SessionView(), language: nil, weightsHash: nil, inputsHash: nil).text
        #expect(text.contains("repeats = [50001]"))
        #expect(text.utf8.count < 1000)
        #expect(Snapshot(try Self.roundTrip(session).session) == Snapshot(session))
    }

    @Test func aWeightFileIsNamedByPathAndHashAndAChangeIsWarnedAbout() throws {
        let folder = try Self.temporaryFolder()
        let weights = folder + "/parity.npz"
        try FileManager.default.copyItem(atPath: ExampleModelPath.weights("parity"), toPath: weights)
        var lines = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        #expect(lines.reply("load \(weights)").hasPrefix("loaded"))
        _ = lines.reply("generate pulse 12 at 3")
        _ = lines.reply("goto 5")
        #expect(lines.reply("save \(folder)/a.toml") == "saved the session to \(folder)/a.toml")
        let text = try String(contentsOfFile: folder + "/a.toml", encoding: .utf8)
        let hash = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: weights))))
        #expect(text.contains("sha256 = \"\(hash)\"") && text.contains("path = \"\(weights)\""))
        var other = LineSession(session: try Session(scene: .seedDoc), commands: NoExtension())
        #expect(other.reply("open \(folder)/a.toml").hasPrefix("opened \(folder)/a.toml: t = 5 of 12"))
        #expect(Snapshot(other.session) == Snapshot(lines.session))
        // The file names a hash the weights no longer have: opened, with a note.
        try text.replacingOccurrences(of: hash, with: String(repeating: "0", count: 64)).write(toFile: folder + "/b.toml", atomically: true, encoding: .utf8)
        let reply = other.reply("open \(folder)/b.toml")
        #expect(reply.contains("note: \(weights) has changed since the session was saved"))
        // Open is a change like any other: undo returns to before it.
        #expect(other.reply("undo").hasPrefix("undid: session from \(folder)/b.toml"))
    }

    @Test func saveKeepsTheSafeWriteRules() throws {
        let folder = try Self.temporaryFolder()
        var lines = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        #expect(lines.reply("save \(folder)/s.toml").hasPrefix("saved"))
        #expect(lines.reply("save \(folder)/s.toml") == "error: \(folder)/s.toml already exists; write save! \(folder)/s.toml to replace it")
        #expect(lines.reply("save! \(folder)/s.toml").hasPrefix("saved"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.toml", withDestinationPath: folder + "/s.toml")
        #expect(lines.reply("save! \(folder)/link.toml").hasPrefix("error: \(folder)/link.toml is a symbolic link"))
        #expect(lines.reply("save \(folder)").hasPrefix("error: \(folder) is a folder"))
    }

    static let valid = """
        format = "gruscope-session"
        version = 1
        [weights]
        source = "scene"
        scene = "seed-code"
        seed = 2017
        reset_after = false
        [state]
        input_size = 4
        hidden_size = 5
        h0 = [0.0, 0.0, 0.0, 0.0, 0.0]
        t = 0
        [sequence]
        steps = 2
        x = [[1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0]]
        [view]
        unit = 2

        """

    @Test func theValidFixtureOpens() throws {
        let opened = try OpenedSession.open(try SessionFile.parse(Self.valid, file: "v.toml"), file: "v.toml")
        #expect(opened.session.count == 2 && opened.view.unit == 2)
    }

    /// Every way a session file can be wrong: one line naming the file, and the running
    /// session exactly as it was.
    @Test(arguments: [
        ("version = 1", "version = 2", "is a session of version 2, written by a newer gruscope; this one reads up to version 1"),
        ("version = 1", "version = 0", "'version' = 0 is outside"),
        ("version = 1", "version = \"1\"", "'version' must be a whole number"),
        ("format = \"gruscope-session\"", "format = \"other\"", "is not a gruscope session"),
        ("[view]", "bogus = 1\n[view]", "unknown key 'bogus'"),
        ("source = \"scene\"", "source = \"cloud\"", "source 'cloud' is not scene, random or file"),
        ("scene = \"seed-code\"", "scene = \"nope\"", "there is no scene 'nope'"),
        ("hidden_size = 5", "hidden_size = 6", "'h0' has 5 numbers; it needs 6"),
        ("hidden_size = 5\nh0 = [0.0, 0.0, 0.0, 0.0, 0.0]", "hidden_size = 6\nh0 = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]", "says I=4, H=6, but its weights have I=4, H=5"),
        ("hidden_size = 5", "hidden_size = 99999999", "'hidden_size' = 99999999 is outside"),
        ("h0 = [0.0, 0.0, 0.0, 0.0, 0.0]", "h0 = [0.0, 0.0]", "'h0' has 2 numbers; it needs 5"),
        ("h0 = [0.0, 0.0, 0.0, 0.0, 0.0]", "h0 = [0.0, 0.0, nan, 0.0, 0.0]", "'h0' holds nan"),
        ("h0 = [0.0, 0.0, 0.0, 0.0, 0.0]", "h0 = [0.0, 0.0, 1e38, 0.0, 0.0]", "outside ±1e+30"),
        ("h0 = [0.0, 0.0, 0.0, 0.0, 0.0]", "h0 = [0.0, 0.0, \"a\", 0.0, 0.0]", "'h0' must hold numbers"),
        ("t = 0", "t = 0\npin_z = [0.5, 0.5, 2.0, 0.5, 0.5]", "pin_z"),
        ("t = 0", "t = 2", "t = 2 is past the last step, 1"),
        ("t = 0", "t = -1", "'t' = -1 is outside"),
        ("steps = 2", "steps = 3", "x and repeats make 2 steps, not 3"),
        ("steps = 2", "steps = 0", "'steps' = 0 is outside"),
        ("steps = 2", "steps = 99999999999", "is outside"),
        ("[1.0, 2.0, 3.0, 4.0], [0.0", "[1.0, 2.0, 3.0], [0.0", "row 0 of x must hold 4 numbers"),
        ("steps = 2", "steps = 2\nrepeats = [1]", "repeats must give one count per row of x (2)"),
        ("steps = 2", "steps = 2\nrepeats = [1, -4]", "repeats must be counts from 1 to 2"),
        ("unit = 2", "unit = 5", "'unit' = 5 is outside 0…4"),
        ("unit = 2", "unit = 2\nlanguage = \"fr\"", "language 'fr' is not en or zh"),
        ("unit = 2", "unit = 2\n[view.options]\n\"bad name!\" = \"x\"", "is not an option name"),
        ("[view]", "[lesson]\nname = \"x\"\nstep = -1\ncomplete = false\n[view]", "'step' = -1 is outside"),
        ("x = [[1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0]]", "generate = \"generate bogus 3\"", "is not a generator"),
        ("source = \"scene\"", "source = \"file\"\npath = \"/nonexistent/gru.npz\"", "its weights cannot be loaded"),
        ("[sequence]", "[sequence]\nx = 1\n[other]", "unknown key 'other'"),
        ("seed = 2017", "seed = -5", "'seed' must be a whole number from 0"),
        ("[weights]", "[weights\n", "line"),
        ("seed = 2017", "seed = 2017-01-01 7", "expected the end of the line, found '7'"),
    ])
    func badFilesAreOneMessageAndChangeNothing(_ from: String, _ to: String, _ expected: String) throws {
        #expect(Self.valid.contains(from))
        let folder = try Self.temporaryFolder()
        try Self.valid.replacingOccurrences(of: from, with: to).write(toFile: folder + "/bad.toml", atomically: true, encoding: .utf8)
        var lines = LineSession(session: try Self.busySession(), commands: NoExtension())
        let before = Snapshot(lines.session), entries = lines.session.history.undoable.count
        let reply = lines.reply("open \(folder)/bad.toml")
        #expect(reply.hasPrefix("error: "), "\(reply)")
        #expect(reply.contains(expected), "\(reply)")
        #expect(!reply.contains("\n"))
        #expect(Snapshot(lines.session) == before && lines.session.history.undoable.count == entries)
    }

    @Test func filesThatAreNotSessionFiles() throws {
        let folder = try Self.temporaryFolder()
        var lines = LineSession(session: try Session(scene: .seedCode), commands: NoExtension())
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: folder + "/binary.toml"))
        #expect(lines.reply("open \(folder)/binary.toml") == "error: \(folder)/binary.toml is not text (UTF-8); a session file is TOML written by save")
        try Data(repeating: 0x23, count: SessionFile.largestFileSize + 1).write(to: URL(fileURLWithPath: folder + "/big.toml"))
        #expect(lines.reply("open \(folder)/big.toml") == "error: \(folder)/big.toml is larger than \(SessionFile.largestFileSize) bytes; a session file is at most that")
        #expect(lines.reply("open \(folder)/missing.toml").hasPrefix("error: cannot read \(folder)/missing.toml: No such file"))
        #expect(lines.reply("open \(folder)").hasPrefix("error: \(folder) is a folder"))
        try "root:x:0:0:root:/root:/bin/bash\n".write(toFile: folder + "/passwd", atomically: true, encoding: .utf8)
        let reply = lines.reply("open \(folder)/passwd")
        #expect(reply.hasPrefix("error: not a session file (a session file is TOML written by save): \(folder)/passwd line 1: "), "\(reply)")
        #expect(!reply.contains("\n"))
        #expect(lines.session.history.undoable.isEmpty)
    }

    /// Found by the `session-file` fuzz target: this file aborted the program inside toml++,
    /// the TOML library gruscope used before its own.
    @Test func aDateWithALoneDigitIsOneMessageNotAnAbort() throws {
        let folder = try Self.temporaryFolder()
        var lines = LineSession(session: try Self.busySession(), commands: NoExtension())
        try "ff=4220-09-r= 2\n[igh.st.s]\n'; 00".write(toFile: folder + "/crash.toml", atomically: true, encoding: .utf8)
        let before = Snapshot(lines.session), entries = lines.session.history.undoable.count
        #expect(lines.reply("open \(folder)/crash.toml")
            == "error: not a session file (a session file is TOML written by save): \(folder)/crash.toml line 1: "
            + "'4220-09-r' is not a value (a number, true, false, a \"text\", a list or a date)")
        #expect(Snapshot(lines.session) == before && lines.session.history.undoable.count == entries)
    }

    @Test func theAutosaveFolderFollowsXDG() {
        #expect(Autosave.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/gruscope/last-session.toml")
        #expect(Autosave.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/gruscope/last-session.toml")
        #expect(Autosave.path(environment: ["HOME": "/h"]) == "/h/.local/state/gruscope/last-session.toml")
        #expect(Autosave.path(environment: [:]) == nil)
    }

    @Test func anAutosaveMakesItsFolderAndReopens() throws {
        let folder = try Self.temporaryFolder()
        let session = try Self.busySession()
        try Autosave.write(SessionSave(session: session, view: SessionView(unit: 3), language: .en), environment: ["XDG_STATE_HOME": folder + "/state"])
        let path = try #require(Autosave.path(environment: ["XDG_STATE_HOME": folder + "/state"]))
        let opened = try OpenedSession.read(path: path)
        #expect(Snapshot(opened.session) == Snapshot(session) && opened.view.unit == 3)
        var info = stat()
        #expect(stat(folder + "/state/gruscope", &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

/// Paths of the example models in the repository.
enum ExampleModelPath {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func weights(_ name: String) -> String { root.appendingPathComponent("examples/\(name)/weights.npz").path }
}
