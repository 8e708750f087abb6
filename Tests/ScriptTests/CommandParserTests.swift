import GRUCore
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
        ("scene seed-doc", .scene("seed-doc")), ("scene", .scene(nil)),
        ("show", .show), ("trace", .trace), ("help", .help(nil)), ("help step", .help("step")),
        ("quit", .quit), ("  STEP  2 ", .step(2)), ("step # comment", .step(1)),
    ])
    func parses(_ line: String, _ expected: Command) throws {
        #expect(try parser.parse(line) == expected)
    }

    @Test func blankAndCommentLinesAreNothing() throws {
        #expect(try parser.parse("") == nil)
        #expect(try parser.parse("   ") == nil)
        #expect(try parser.parse("# just a note") == nil)
    }

    @Test(arguments: [
        ("frobnicate", "unknown command 'frobnicate'; type help for the list"),
        ("step 0", "step takes a whole number of steps from 1 up, e.g. step 3; got '0'"),
        ("step two", "step takes a whole number of steps from 1 up, e.g. step 3; got 'two'"),
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

    @Test func extensionsParseToExtended() throws {
        let extended = CommandParser(extensions: [CommandInfo(name: "explain", usage: "explain [UNIT]", summary: "…")])
        #expect(try extended.parse("explain 3") == .extended(name: "explain", argument: "3"))
        #expect(throws: ScriptError.self) { try parser.parse("explain 3") }
        #expect(extended.completions(of: "ex") == ["explain"])
        #expect(parser.completions(of: "s").sorted() == ["scene", "seed", "show", "size", "step"])
    }
}
