import GRUCore
import Localization
import Testing
import WeightFiles
@testable import Script

@Suite struct CommandParserTests {
    let parser = CommandParser()

    @Test(arguments: [
        ("x = 1 2 3 4", Command.assign(.x, [1, 2, 3, 4])),
        ("x=1,2,3,4", .assign(.x, [1, 2, 3, 4])),
        ("h = 0 0 0 0 0", .assign(.h, [0, 0, 0, 0, 0])),
        ("x[2] = 0.5", .assignElement(.x, index: 2, value: 0.5)),
        ("h[0]=-1", .assignElement(.h, index: 0, value: -1)),
        ("step", .step(1)), ("step 3", .step(3)), ("back", .back(1)), ("back 2", .back(2)),
        ("reset", .reset),
        ("pin z = 0.1 0.2", .pin(.z, [0.1, 0.2])), ("pin r 1 0", .pin(.r, [1, 0])),
        ("unpin", .unpin(nil)), ("unpin z", .unpin(.z)),
        ("load w.npz", .load(path: "w.npz", selection: CellSelection())),
        ("load w.npz prefix encoder", .load(path: "w.npz", selection: CellSelection(prefix: "encoder"))),
        ("load m.pth layer 1 direction reverse", .load(path: "m.pth", selection: CellSelection(layer: 1, direction: .reverse))),
        ("load m.pth prefix gru layer 2", .load(path: "m.pth", selection: CellSelection(prefix: "gru", layer: 2))),
        ("variant pytorch", .variant(.pytorch)), ("variant tf-grucell", .variant(.tfGRUCell)),
        ("size 3 7", .size(inputSize: 3, hiddenSize: 7)), ("seed 42", .seed(42)),
        ("scene seed-doc", .scene(.seedDoc)), ("scene", .scene(nil)),
        ("show", .show), ("trace", .trace),
        ("help", .help(.all(CommandParser().commands))),
        ("help step", .help(.one(CommandParser().commands.first { $0.name == "step" }!))),
        ("quit", .quit), ("exit", .quit), ("  STEP  2 ", .step(2)), ("step # comment", .step(1)),
        // Any Unicode white space separates words, the same as spaces and tabs.
        ("step\u{0B}3", .step(3)), ("step\u{0C}3\u{2028}", .step(3)), ("\u{3000}step\u{85}2", .step(2)),
    ])
    func parses(_ line: String, _ expected: Command) throws {
        #expect(try parser.parse(line) == expected)
    }

    /// `quit` with anything after it is a mistake, not a way out: the screen stays.
    @Test func quitWithWordsAfterItIsRefused() {
        #expect(throws: ScriptError.self) { try parser.parse("quit now") }
        #expect(throws: ScriptError.self) { try parser.parse("q 1") }
    }

    @Test func blankAndCommentLinesAreNothing() throws {
        #expect(try parser.parse("") == nil)
        #expect(try parser.parse("   ") == nil)
        #expect(try parser.parse("# just a note") == nil)
    }

    /// Issue 10, crash 1: a line of nothing but white space other than spaces and tabs trapped
    /// (`words[0]` of a line `.whitespaces` did not see as blank).
    @Test(arguments: ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{0C}\u{0C}#c", "\u{0B}\n", " \u{0B} \t\u{3000}"])
    func linesOfOnlyWhiteSpaceAreBlank(_ line: String) throws {
        #expect(try parser.parse(line) == nil)
    }

    @Test func aLineLongerThanTheLimitIsRefusedBeforeItIsRead() {
        let line = "x = " + String(repeating: "1 ", count: CommandWords.longestLine / 2)
        #expect(throws: ScriptError("this line is \(line.utf8.count) bytes long; a line may be at most \(CommandWords.longestLine) bytes")) {
            try parser.parse(line)
        }
    }

    @Test func echoedTextIsEscapedAndClipped() {
        #expect(throws: ScriptError("unknown command '\\e]0;PWNED\\x07'; type help for the list")) {
            try parser.parse("\u{1B}]0;PWNED\u{07}")
        }
        do {
            _ = try parser.parse("variant " + String(repeating: "v", count: 10_000))
        } catch {
            #expect(error.message.count < 200, "\(error.message.count) characters")
        }
    }

    @Test(arguments: [
        ("frobnicate", "unknown command 'frobnicate'; type help for the list"),
        ("step 0", "step takes a whole number of steps from 1 to 100000, e.g. step 3; got '0'"),
        ("step two", "step takes a whole number of steps from 1 to 100000, e.g. step 3; got 'two'"),
        ("step 99999999999999999999", "step takes a whole number of steps from 1 to 100000, e.g. step 3; got '99999999999999999999'"),
        ("back 100001", "back takes a whole number of steps from 1 to 100000, e.g. back 3; got '100001'"),
        ("scene nope", "there is no scene 'nope'; scenes: seed-code, seed-doc, chars, parity, remember-first, sine"),
        ("help nothing", "there is no command 'nothing'; type help for the list"),
        ("step! 2", "unknown command 'step!'; type help for the list"),
        ("x 1 2 3", "write x = followed by numbers, e.g. x = 1 2 3, or x[0] = 0.5"),
        ("x[a] = 1", "write x[N] = V with a whole number N counting from 0; got 'x[a]'"),
        ("x = 1 nan", "x[1] = nan is not a finite number; use a value between -1e30 and 1e30"),
        ("variant caffe", "variant takes one of tf-grucell, keras, pytorch, got 'caffe'"),
        ("size 4", "size takes two whole numbers, I and H, e.g. size 4 5; got '4'"),
        ("seed -1", "seed takes one whole number from 0 up, e.g. seed 7; got '-1'"),
        ("pin q = 1", "pin takes r or z and one value per unit, e.g. pin z = 0.1 0.5 0.9; got 'q = 1'"),
        ("unpin q", "unpin takes r or z, got 'q'"),
        ("reset now", "reset takes nothing after it; got 'now'"),
        ("y = 3", "only x and h can be assigned, e.g. x = 1 2 3 4 or h[0] = -1; got 'y = 3'"),
        ("load", "usage: load FILE [prefix P] [layer N] [direction forward|reverse]"),
        ("load m.pth layer x", "usage: load FILE [prefix P] [layer N] [direction forward|reverse]"),
    ])
    func refuses(_ line: String, _ message: String) {
        #expect(throws: ScriptError(message)) { try parser.parse(line) }
    }

    /// A host's commands are typed values of its own, read by its specs beside the core ones.
    enum HostOnly: Sendable, Equatable { case explain(Int?), write(String, replacing: Bool) }

    @Test func hostsAddTypedCommands() throws {
        let extra = [
            CommandSpec<HostCommand<HostOnly>>("explain", usage: "explain [UNIT]") { arguments throws(UserError) in
                .extra(.explain(arguments.words.first.flatMap { Int($0) }))
            },
            CommandSpec<HostCommand<HostOnly>>("write", usage: "write[!] FILE", allowsBang: true) { arguments throws(UserError) in
                .extra(.write(String(arguments.rest), replacing: arguments.bang))
            },
        ]
        let host = CommandParser(core: HostCommand<HostOnly>.core, extra: extra)
        #expect(try host.parse("explain 3") == .extra(.explain(3)))
        #expect(try host.parse("write a b.txt") == .extra(.write("a b.txt", replacing: false)))
        #expect(try host.parse("write! x") == .extra(.write("x", replacing: true)))
        #expect(try host.parse("save! x") == .core(.save(path: "x", replacing: true)))
        #expect(try host.parse("step 2") == .core(.step(2)))
        #expect(throws: ScriptError.self) { try parser.parse("explain 3") }
        #expect(host.completions(of: "ex") == ["explain"])
        #expect(parser.completions(of: "s").sorted() == ["save", "scene", "seed", "show", "size", "step"])
        #expect(host.commands.map(\.name).suffix(2) == ["explain", "write"])
    }
}
