import Localization
import GRUCore
import Script
import Teaching
import TerminalInput
import Testing
@testable import App

/// Key sequences in, state out: the screen's behaviour without a terminal.
@Suite struct UpdateTests {
    static func start(_ scene: Scene = .seedCode, width: Int = 80, height: Int = 24) throws -> AppState {
        AppState(session: try Session(scene: scene), width: width, height: height)
    }

    static func press(_ state: AppState, _ keys: [Key]) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        for key in keys {
            let (next, produced) = update(state, .key(key))
            state = next
            effects += produced
        }
        return (state, effects)
    }

    static func type(_ text: String) -> [Key] {
        text.map { Key.character($0) }
    }

    @Test func editingXUpdatesTheLiveTrace() throws {
        let state = try Self.start()
        let (after, _) = Self.press(state, [.tab] + Self.type("2.5") + [.enter])
        #expect(after.focus == .x)
        #expect(after.session.x == [2.5, 2, 3, 4])
        #expect(after.session.trace.x == [2.5, 2, 3, 4])
        #expect(after.session.trace != state.session.trace)
        #expect(after.editing == nil)
        #expect(after.status == StatusMessage("x[0] = 2.5"))
    }

    @Test func badTextKeepsTheOldValueAndSaysWhy() throws {
        let state = try Self.start()
        let (after, _) = Self.press(state, [.tab, .enter] + Self.type("abc") + [.enter])
        #expect(after.session.x == [1, 2, 3, 4])
        #expect(after.status?.isError == true)
        #expect(after.status?.text.hasPrefix("x[0] = 'abc' is not a number") == true)
        #expect(after.editing != nil, "the edit stays open to be fixed")
        let (cancelled, _) = Self.press(after, [.escape])
        #expect(cancelled.editing == nil)
        #expect(cancelled.session.x == [1, 2, 3, 4])
        let (nan, _) = Self.press(state, [.tab, .enter] + Self.type("nan") + [.enter])
        #expect(nan.session.x == [1, 2, 3, 4])
        #expect(nan.status?.isError == true)
    }

    @Test func steppingAndSteppingBack() throws {
        let state = try Self.start()
        let expected = state.session.trace.h
        let (stepped, _) = Self.press(state, [.character(" ")])
        #expect(stepped.session.t == 1)
        #expect(stepped.session.h == expected)
        let (twice, _) = Self.press(stepped, [.character("s")])
        #expect(twice.session.t == 2)
        let (back, _) = Self.press(twice, [.character("b"), .character("b")])
        #expect(back.session.t == 0)
        #expect(back.session.h == [0, 0, 0, 0, 0])
        let (tooFar, _) = Self.press(back, [.character("b")])
        #expect(tooFar.status?.isError == true)
        #expect(tooFar.session.t == 0)
    }

    @Test func nudgesMoveTheFocusedValue() throws {
        let state = try Self.start()
        // Units focus: the selected unit's h.
        let (up, _) = Self.press(state, [.down, .character(">"), .character(">"), .character("]")])
        #expect(up.unit == 1)
        #expect(abs(up.session.h[1] - 1.2) < 1e-6)
        let (down, _) = Self.press(up, [.character("<"), .character("[")])
        #expect(abs(down.session.h[1] - 0.1) < 1e-6)
    }

    @Test func pinningTheFocusedGateColumn() throws {
        let state = try Self.start()
        #expect(state.column == .z)
        let (pinned, _) = Self.press(state, [.character("p")])
        #expect(pinned.session.pins.z == state.session.trace.z)
        // With z pinned, + nudges the pinned value, clamped to [0, 1].
        let (nudged, _) = Self.press(pinned, Array(repeating: .character("]"), count: 3))
        #expect(nudged.session.pins.z?[0] == 1)
        let (unpinned, _) = Self.press(nudged, [.character("p")])
        #expect(unpinned.session.pins.z == nil)
        let (kept, _) = Self.press(state, [.right, .character("p")])
        #expect(kept.column == .kept)
        #expect(kept.status?.isError == true)
        #expect(kept.session.pins == GatePins())
    }

    @Test func zeroAndNewWeights() throws {
        let state = try Self.start()
        let (zeroed, _) = Self.press(state, [.tab, .character("D")])
        #expect(zeroed.session.x == [0, 0, 0, 0])
        // 0 starts typing a value, as every digit does: 0.5 sets one value, not the vector.
        let (typed, _) = Self.press(state, [.tab] + Self.type("0.5") + [.enter])
        #expect(typed.session.x == [0.5, 2, 3, 4])
        let (redrawn, _) = Self.press(state, [.character("r")])
        #expect(redrawn.session.weights != state.session.weights)
        #expect(redrawn.session.seed == state.session.seed + 1)
    }

    @Test func focusCyclesAndArrowsMove() throws {
        let state = try Self.start()
        #expect(state.focus == .units)
        let (cycled, _) = Self.press(state, [.tab])
        #expect(cycled.focus == .x)
        let (moved, _) = Self.press(cycled, [.right, .right, .character("l"), .right])
        #expect(moved.inputIndex == 3, "stops at the last input")
        let (down, _) = Self.press(moved, [.down])
        #expect(down.focus == .h)
        let (table, _) = Self.press(down, [.character("j"), .character("j"), .character("j")])
        #expect(table.focus == .units && table.unit == 2)
    }

    @Test func commandLineRunsTheLanguageWithHistoryAndCompletion() throws {
        let state = try Self.start()
        let (ran, _) = Self.press(state, [.character(":")] + Self.type("x = 4 3 2 1") + [.enter])
        #expect(ran.session.x == [4, 3, 2, 1])
        #expect(ran.command == nil)
        #expect(ran.commandHistory == ["x = 4 3 2 1"])
        let (bad, _) = Self.press(ran, [.character(":")] + Self.type("x = 1 2") + [.enter])
        #expect(bad.session.x == [4, 3, 2, 1])
        #expect(bad.status == StatusMessage("error: x needs 4 numbers, got 2", isError: true))
        let (recalled, _) = Self.press(bad, [.character(":"), .up, .up])
        #expect(recalled.command?.text == "x = 4 3 2 1")
        let (completed, _) = Self.press(state, [.character(":")] + Self.type("ste") + [.tab])
        #expect(completed.command?.text == "step ")
        let (help, _) = Self.press(state, [.character(":")] + Self.type("help") + [.enter])
        guard case .output = help.overlay else {
            Issue.record("multi-line output opens a panel")
            return
        }
        let (quit, effects) = Self.press(state, [.character(":")] + Self.type("quit") + [.enter])
        #expect(quit.isQuitting && effects == [.quit])
    }

    @Test func screenCommandsBecomeEffects() throws {
        let state = try Self.start()
        let (_, export) = Self.press(state, [.character(":")] + Self.type("export /tmp/a.svg") + [.enter])
        #expect(export == [.export(path: "/tmp/a.svg", format: .svg, replacing: false)])
        let (_, replace) = Self.press(state, [.character(":")] + Self.type("export! notes.TXT") + [.enter])
        #expect(replace == [.export(path: "notes.TXT", format: .txt, replacing: true)])
        let (png, neither) = Self.press(state, [.character(":")] + Self.type("export a.png") + [.enter])
        #expect(neither.isEmpty && png.status?.text == "error: export writes FILE.svg (a picture) or FILE.txt (plain text); got a.png")
        let (_, theme) = Self.press(state, [.character(":")] + Self.type("theme light") + [.enter])
        #expect(theme == [.loadTheme("light")])
        let (missing, none) = Self.press(state, [.character(":")] + Self.type("export") + [.enter])
        #expect(none.isEmpty && missing.status?.isError == true)
    }

    @Test func quitKeys() throws {
        let state = try Self.start()
        #expect(Self.press(state, [.character("q")]).1 == [.quit])
        #expect(Self.press(state, [.control("c")]).1 == [.quit])
        // Ctrl-C quits even while editing.
        #expect(Self.press(state, [.enter, .control("c")]).1 == [.quit])
    }

    @Test func tableScrollsToKeepTheSelectionInView() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 4, hiddenSize: 64)
        let state = AppState(session: session, width: 80, height: 24)
        let rows = state.layout.tableBody.height
        #expect(rows < 64)
        let (deep, _) = Self.press(state, Array(repeating: .down, count: 40))
        #expect(deep.unit == 40)
        #expect(deep.tableOffset <= 40 && 40 < deep.tableOffset + rows)
        let (back, _) = Self.press(deep, Array(repeating: .up, count: 40))
        #expect(back.unit == 0 && back.tableOffset == 0)
    }

    @Test func mouseSelectsAndTheWheelNudges() throws {
        let state = try Self.start()
        let layout = state.layout
        let xCell = layout.valueX(index: 2, first: 0) + 1
        let (clicked, _) = update(state, .mouse(MouseEvent(.click, x: xCell, y: layout.xRow.y)))
        #expect(clicked.focus == .x && clicked.inputIndex == 2)
        let (wheeled, _) = update(clicked, .mouse(MouseEvent(.wheelUp, x: xCell, y: layout.xRow.y)))
        #expect(abs(wheeled.session.x[2] - 3.1) < 1e-6)
        let row = layout.tableBody.y + 3
        let (unit, _) = update(state, .mouse(MouseEvent(.click, x: 1, y: row)))
        #expect(unit.focus == .units && unit.unit == 3)
        let (nowhere, _) = update(state, .mouse(MouseEvent(.click, x: 0, y: 0)))
        #expect(nowhere.focus == state.focus)
    }

    @Test func anySizeIsSafe() throws {
        var state = try Self.start()
        for (w, h) in [(1, 1), (0, 0), (20, 6), (79, 23), (200, 60), (80, 24)] {
            state = update(state, .resize(width: w, height: h)).0
            for key: Key in [.down, .up, .tab, .character(">"), .character(" ")] {
                state = update(state, .key(key)).0
            }
            state = update(state, .mouse(MouseEvent(.click, x: w - 1, y: h - 1))).0
        }
        #expect(state.width == 80 && state.height == 24)
    }
}

/// Mistakes on the screen are said in the screen's language.
@Suite struct ChineseMistakeTests {
    @Test func badTextInChineseKeepsTheOldValue() throws {
        let state = AppState(session: try Session(scene: .seedCode), teaching: TeachingCommands(language: .zh), width: 80, height: 24)
        let (after, _) = UpdateTests.press(state, [.tab, .enter] + UpdateTests.type("abc") + [.enter])
        #expect(after.session.x == state.session.x)
        #expect(after.status?.isError == true)
        #expect(after.status?.text == "x[0] = “abc”不是数；请这样写数：0.5、-2 或 1e-3；按 Esc 保留 1")
        let (typo, _) = UpdateTests.press(state, [.character(":")] + UpdateTests.type("stpe") + [.enter])
        #expect(typo.status?.text == "错误：没有“stpe”这个命令；输入 help 查看命令列表")
        let (short, _) = UpdateTests.press(state, [.character(":")] + UpdateTests.type("x = 1 2") + [.enter])
        #expect(short.status == StatusMessage("错误：x 需要 4 个数，收到的是 2 个", isError: true))
        #expect(short.session.x == state.session.x)
    }
}

extension UpdateTests {
    /// A paste arrives as thousands of keys. When the loop hands its state over to `update`, each
    /// key edits the `:` line and a typed value in place; a copy of the line per key made a
    /// 10 000-character paste take seconds (`scripts/bench-paste` measures it). The line's
    /// storage then moves only when it grows, not at every key: a copy per key would be a new
    /// buffer each time, made while the old one is still held.
    @Test(arguments: [Key.character(":"), Key.character("1")])
    func aPasteEditsTheLineInPlace(opening: Key) throws {
        var state = try Self.start()
        if opening != .character(":") { state = update(state, .key(.tab)).0 }  // focus x, where a digit starts a value
        state = update(consume state, .key(opening)).0
        func storage(_ state: AppState) -> UnsafeRawPointer? {
            let buffer = state.command ?? state.editing
            return buffer?.characters.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        var moves = 0
        var last = storage(state)
        for index in 0..<10_000 {
            state = update(consume state, .key(.character(Character(String(index % 10))))).0
            let now = storage(state)
            if now != last { moves += 1 }
            last = now
        }
        let buffer = try #require(state.command ?? state.editing)
        #expect(buffer.count == 10_000 + (opening == .character(":") ? 0 : 1))
        #expect(moves < 64, "the line's storage moved at \(moves) of 10 000 keys")
    }
}

extension UpdateTests {
    /// The ':' history keeps the newest lines within its limits: a class that runs thousands of
    /// commands, or pastes long lines of numbers, does not grow it without end.
    @Test func theCommandHistoryIsBounded() throws {
        var state = try Self.start()
        for index in 0..<(AppState.commandHistoryLines + 5) {
            _ = state.runCommand("nosuchcommand \(index)")
        }
        #expect(state.commandHistory.count == AppState.commandHistoryLines)
        #expect(state.commandHistory.first == "nosuchcommand 5")
        #expect(state.commandHistory.last == "nosuchcommand \(AppState.commandHistoryLines + 4)")

        // Long lines: the bytes limit drops the oldest, and ↑ still brings back the newest.
        let long = String(repeating: "7 ", count: 30_000)
        for index in 0..<80 {
            _ = state.runCommand("nosuchcommand \(index) " + long)
        }
        let bytes = state.commandHistory.reduce(0) { $0 + $1.utf8.count }
        #expect(bytes <= AppState.commandHistoryBytes)
        #expect(state.commandHistory.count < 80)
        #expect(state.commandHistory.last == "nosuchcommand 79 " + String(long.dropLast()))
        state = Self.press(state, [.character(":"), .up]).0
        #expect(state.command?.text == "nosuchcommand 79 " + String(long.dropLast()))
    }
}
