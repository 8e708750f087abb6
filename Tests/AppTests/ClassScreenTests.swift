import GRUCore
import Localization
import Script
import Teaching
import Testing
import Widgets
@testable import App

/// Issue 13 on the screen: presentation mode, fixed bar scales, the mix as a picture, and the
/// rehearsal's fixes to the screen (indices, header priorities, the `?` panel, ASCII labels).
@Suite struct ClassScreenTests {
    static func state(_ scene: Scene = .seedDoc, _ width: Int = 80, _ height: Int = 24, ascii: Bool = false, language: Language = .en) throws -> AppState {
        AppState(session: try Session(scene: scene), teaching: TeachingCommands(language: language), width: width, height: height, ascii: ascii)
    }

    static func command(_ state: AppState, _ line: String) -> AppState {
        UpdateTests.press(state, [.character(":")] + UpdateTests.type(line) + [.enter]).0
    }

    static func rows(_ state: AppState) -> [String] {
        view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: Presentation mode

    @Test func presentationSnapshots() throws {
        for (width, height, ascii, name) in [(80, 24, false, "present-80x24"), (120, 40, false, "present-120x40"), (80, 24, true, "present-ascii-80x24")] {
            var state = try Self.state(.seedDoc, width, height, ascii: ascii)
            state.setPresenting(true)
            ScreenSnapshotTests.check(state, name)
        }
    }

    @Test func presentationShowsFewerUnitsTallerWithTheMixUnderEach() throws {
        var state = try Self.state(.seedDoc, 120, 40)
        let normal = state.layout
        state.setPresenting(true)
        let layout = state.layout
        #expect(layout.header.height == 3)
        #expect(layout.barRows == 3)
        #expect(layout.unitsShown < normal.unitsShown)
        let rows = Self.rows(state)
        // Unit 0's bars fill three rows; its mix line sits under them, h′ marked with its value.
        let first = layout.tableBody.y
        #expect(rows[first].contains("0.976") && !rows[first + 1].contains("0.976"))
        #expect(rows[first + 1].contains("█") && rows[first + 2].contains("█"))
        #expect(rows[first + 3].contains("◆"))
        #expect(rows[first + 4].contains("h′ -0.275"))
        // Every unit shown has its own mix line.
        #expect(rows.filter { $0.contains("◆") }.count == layout.unitsShown)
        // The big header says the step and the formula.
        #expect(rows[1].contains("step t = 0") && rows[1].contains("h′ = z·h + (1−z)·h̃"))
        // Moving down pages through the units: the selection stays in view.
        let (moved, _) = UpdateTests.press(state, Array(repeating: .down, count: 5))
        #expect(moved.unit == 5)
        #expect(moved.tableOffset + moved.layout.unitsShown > 5)
        #expect(moved.invariantViolations.isEmpty)
    }

    @Test func presentationFixesTheScalesAtARoundValueAndStepsKeepThem() throws {
        var state = try Self.state(.seedDoc)
        #expect(BarScales.automatic(state.session.trace) > 1.6)
        state.setPresenting(true)
        #expect(state.scales.allFixed)
        #expect(state.scales.scale(.kept, trace: state.session.trace) == 2)
        // A step changes the values, not the scale: the same bar length means the same value.
        let (stepped, _) = UpdateTests.press(state, [.character(" "), .character(" ")])
        #expect(stepped.session.t == 2)
        #expect(BarScales.automatic(stepped.session.trace) != BarScales.automatic(state.session.trace))
        for column in BarScales.columns {
            #expect(stepped.scales.scale(column, trace: stepped.session.trace) == 2)
        }
        #expect(Self.rows(stepped).contains { $0.contains("signed bars ±2, fixed") })
    }

    @Test func presentCommandTogglesAndRefusesOtherWords() throws {
        let state = try Self.state()
        let on = Self.command(state, "present")
        #expect(on.presenting && on.status?.isError == false)
        let off = Self.command(on, "present off")
        #expect(!off.presenting)
        let bad = Self.command(off, "present maybe")
        #expect(!bad.presenting && bad.status?.isError == true)
        #expect(bad.status?.text.contains("present [on|off]") == true)
        #expect(bad.scales == off.scales)
    }

    // MARK: Scales

    @Test func roundedScales() {
        let cases: [(Float, Float)] = [(0.3, 0.5), (1, 1), (1.2, 2), (2, 2), (2.5, 5), (7, 10), (0.07, 0.1), (0, 1), (.nan, 1), (.infinity, 1), (123, 200)]
        for (value, expected) in cases {
            #expect(BarScales.roundedUp(value) == expected, "\(value)")
        }
    }

    @Test func scaleCommandFixesOneOrAllAndFreesThem() throws {
        let state = try Self.state()
        let all = Self.command(state, "scale 3")
        #expect(all.scales.allFixed)
        #expect(all.scales.scale(.candidate, trace: all.session.trace) == 3)
        #expect(all.status?.isError == false)
        #expect(Self.rows(all).contains { $0.contains("signed bars ±3, fixed") })
        let one = Self.command(all, "scale cand 0.5")
        #expect(one.scales.scale(.candidate, trace: one.session.trace) == 0.5)
        #expect(one.scales.scale(.kept, trace: one.session.trace) == 3)
        #expect(Self.rows(one).contains { $0.contains("cand h̃ ±0.5") })
        let freed = Self.command(one, "scale auto")
        #expect(freed.scales == BarScales())
        #expect(Self.rows(freed).contains { $0.contains("this step's (:scale N fixes it)") })
        // The bars follow the scale: a fixed scale twice the step's halves the kept bar.
        let wide = Self.command(state, "scale 4")
        #expect(Self.rows(wide)[state.layout.tableBody.y + 4] != Self.rows(state)[state.layout.tableBody.y + 4])
    }

    @Test func badScalesAreRefusedWithOneMessageAndNothingChanges() throws {
        let state = Self.command(try Self.state(), "scale 2")
        for line in ["scale 0", "scale -1", "scale nan", "scale inf", "scale 1e9", "scale two", "scale r 1", "scale kept", "scale kept 1 2", "scale \u{1B}[31m 1"] {
            let after = Self.command(state, line)
            #expect(after.scales == state.scales, "\(line)")
            #expect(after.status?.isError == true, "\(line)")
            #expect(after.status.map { !$0.text.contains("\u{1B}") } == true, "\(line)")
            #expect(after.session.trace == state.session.trace)
        }
    }

    // MARK: The mix on the screen

    @Test func theSelectedUnitsMixIsANumberLineAndItsCellADiagram() throws {
        let state = try Self.state(.seedDoc, 120, 40)
        let text = view(state).text
        // Unit 0: h = 1, h̃ = -0.416, z = 0.1 → h′ = -0.275, 90 % of the way to h̃.
        #expect(text.contains("1−z = 0.90") && text.contains("z = 0.10"))
        #expect(text.contains("h′ -0.275"))
        #expect(text.contains("h′ = z·h + (1−z)·h̃ = 0.100·1.000 + 0.900·(-0.416) = -0.275"))
        // Selecting another unit redraws both for it.
        let (unit4, _) = UpdateTests.press(state, [.down, .down, .down, .down])
        #expect(view(unit4).text.contains("0.500·4.000 + 0.500·(-0.796) = 1.602"))
    }

    // MARK: Rehearsal fixes

    @Test func theXAndHRowsShowTheirIndices() throws {
        let rows = Self.rows(try Self.state(.seedDoc))
        let layout = try Self.state(.seedDoc).layout
        #expect(rows[layout.xIndices.y].split(separator: " ") == ["0", "1", "2", "3"])
        #expect(rows[layout.hIndices.y].split(separator: " ") == ["0", "1", "2", "3", "4", "5"])
    }

    @Test func theScrollIndicatorCountsUnitsFrom0() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 3, hiddenSize: 40)
        var state = AppState(session: session, width: 80, height: 24)
        let first = Self.rows(state)[state.layout.scaleLegend.y]
        #expect(first.hasPrefix("units 0–10 of 40"), "\(first)")
        state = UpdateTests.press(state, Array(repeating: .down, count: 39)).0
        let last = Self.rows(state)[state.layout.scaleLegend.y]
        #expect(last.hasPrefix("units 29–39 of 40"), "\(last)")
    }

    @Test func at80ColumnsTheHeaderKeepsTheStepAndThePins() throws {
        var state = try Self.state(.seedDoc)
        state = Self.command(state, "pin r 0.5 0.5 0.5 0.5 0.5 0.5")
        let header = Self.rows(state)[0]
        #expect(header.contains("t=0"))
        #expect(header.hasSuffix("pinned: r, z"), "\(header)")
        #expect(header.contains("scene seed-doc"))
        let parts: [ScreenPainter.HeaderPart] = [
            .init(text: "aaaa", priority: 1), .init(text: "bbbbbbbbbbbb", priority: 2, shortens: true),
            .init(text: "t=0", priority: 0), .init(text: "pins", priority: 0),
        ]
        #expect(ScreenPainter.headerLine(parts, width: 80, separator: " · ", ellipsis: "…") == "aaaa · bbbbbbbbbbbb · t=0 · pins")
        #expect(ScreenPainter.headerLine(parts, width: 26, separator: " · ", ellipsis: "…") == "bbbbbbbbbbbb · t=0 · pins")
        #expect(ScreenPainter.headerLine(parts, width: 22, separator: " · ", ellipsis: "…") == "bbbbbbbb… · t=0 · pins")
        #expect(ScreenPainter.headerLine(parts, width: 12, separator: " · ", ellipsis: "…") == "t=0 · pins")
        #expect(ScreenPainter.headerLine(parts, width: 4, separator: " · ", ellipsis: "…") == "t=0 · pins")
    }

    @Test func theHelpPanelUsesTheWidthAndCutsNothingWhenWide() throws {
        for width in [120, 200] {
            var state = try Self.state(.seedDoc, width, 40)
            state.overlay = .help(nil)
            let text = view(state).text
            // The panel's rows (its frame's edge at the panel's left) end nothing in an ellipsis.
            let lines = text.split(separator: "\n").map { Array($0) }
            let left = try #require(lines.lazy.compactMap { $0.firstIndex(of: "┌") }.first)
            let panel = lines.filter { $0.count > left && $0[left] == "│" }.map { String($0) }
            #expect(panel.count > 10)
            let cut = panel.filter { $0.contains("…") }
            #expect(cut.isEmpty, "\(width): \(cut)")
            for binding in KeyMap.helpRows(in: [.normal]) {
                guard let key = binding.help else { continue }
                #expect(text.contains(state.text("key." + key)), "\(width): \(key)")
            }
        }
    }

    @Test func asciiScreensHoldOnlyASCII() throws {
        var screens: [AppState] = []
        for (width, height) in [(80, 24), (120, 40), (200, 50)] {
            var state = try Self.state(.seedDoc, width, height, ascii: true)
            screens.append(state)
            state.overlay = .help(.added)
            screens.append(state)
            state.overlay = nil
            state.setPresenting(true)
            screens.append(state)
            screens.append(Self.command(state, "why"))
            screens.append(Self.command(state, "explain 4"))
        }
        for state in screens {
            let text = view(state).text
            let stray = text.unicodeScalars.filter { !$0.isASCII }
            #expect(stray.isEmpty, "\(String(String.UnicodeScalarView(stray.prefix(20)))) in \(text)")
        }
    }

    @Test func chineseTableHeadersAndUnitLabel() throws {
        let state = try Self.state(.seedDoc, 120, 40, language: .zh)
        let header = Self.rows(state)[state.layout.tableHeader.y]
        #expect(header.hasPrefix("单元"))
        #expect(header.contains("更新门"))
    }

    // MARK: Exports and recordings

    static func commandEffects(_ state: AppState, _ line: String) -> (AppState, [Effect]) {
        UpdateTests.press(state, [.character(":")] + UpdateTests.type(line) + [.enter])
    }

    @Test func aPanelStaysUnderTheCommandLineSoExportSavesIt() throws {
        var state = try Self.state(.seedDoc, 120, 40)
        state = Self.command(state, "why z 4")
        let panel = try #require(state.overlay)
        // ':' opens the line over the panel, which stays drawn until the line runs.
        let typing = UpdateTests.press(state, [.character(":")] + UpdateTests.type("export why.svg")).0
        #expect(typing.overlay == panel && typing.command != nil)
        let (exported, effects) = Self.commandEffects(state, "export why.svg")
        #expect(effects == [.export(path: "why.svg", format: .svg, replacing: false)])
        #expect(exported.overlay == panel)
        // What the loop renders for the effect is the screen with the panel on it.
        guard case let .output(_, answer) = panel else { Issue.record("not an answer panel"); return }
        #expect(view(exported).text.contains(String(answer[0].prefix(30))))
        // Any other command replaces the panel; Esc on the line leaves it.
        #expect(Self.command(state, "x = 1 1 1 1").overlay == nil)
        #expect(UpdateTests.press(state, [.character(":"), .escape]).0.overlay == panel)
        // The key panel is exported with the screen's keys, not the command line's.
        let help = UpdateTests.press(try Self.state(.seedDoc, 120, 40), [.character("?"), .character(":")]).0
        #expect(view(help).text.contains(help.text("key.step")))
    }

    @Test func recordStartsStopsAndRefusesWhatItCannotDo() throws {
        let state = try Self.state()
        let (asked, effects) = Self.commandEffects(state, "record class.cast")
        #expect(effects == [.startRecording(path: "class.cast", replacing: false)])
        #expect(asked.recording == nil)
        #expect(Self.commandEffects(state, "record! class.cast").1 == [.startRecording(path: "class.cast", replacing: true)])
        // The loop says it started: the header shows it, whatever else drops at 80 columns.
        let recording = update(asked, .finished(.recording(.success(.started(path: "class.cast"))))).0
        #expect(recording.recording == "class.cast")
        #expect(Self.rows(recording)[0].contains("● REC"))
        #expect(recording.status?.text.contains("class.cast") == true)
        // A second recording is refused; `record` alone stops the one running.
        let (busy, none) = Self.commandEffects(recording, "record other.cast")
        #expect(none.isEmpty && busy.status?.isError == true && busy.recording == "class.cast")
        #expect(Self.commandEffects(recording, "record").1 == [.stopRecording])
        let stopped = update(recording, .finished(.recording(.success(.stopped(path: "class.cast", frames: 12, seconds: 3.5, full: false))))).0
        #expect(stopped.recording == nil)
        #expect(stopped.status == StatusMessage(stopped.text("record.stopped", ["path": "class.cast", "frames": "12", "seconds": "3.5"])))
        // Nothing running: `record` says so. A name that is not .cast is refused before anything.
        let (idle, noEffect) = Self.commandEffects(state, "record")
        #expect(noEffect.isEmpty && idle.status?.isError == true)
        for line in ["record class.txt", "record .cast", "record \u{1B}[2J.txt"] {
            let (refused, effects) = Self.commandEffects(state, line)
            #expect(effects.isEmpty, "\(line)")
            #expect(refused.status?.isError == true, "\(line)")
            #expect(refused.status.map { !$0.text.contains("\u{1B}") } == true)
        }
        // A file that cannot be written is said plainly and nothing records.
        let failed = update(asked, .finished(.recording(.failure(UserError("cannot write /nope/x.cast"))))).0
        #expect(failed.recording == nil && failed.status?.isError == true)
        #expect(!Self.rows(failed)[0].contains("REC"))
    }

    @Test func presentationPagesByTheUnitsItShows() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 3, hiddenSize: 20)
        var state = AppState(session: session, width: 80, height: 24)
        state.setPresenting(true)
        let shown = state.layout.unitsShown
        let paged = UpdateTests.press(state, [.pageDown]).0
        #expect(paged.unit == shown)
        #expect(paged.tableOffset <= paged.unit && paged.unit < paged.tableOffset + shown)
    }

    @Test func selectAndExplainJumpToAUnitAndBadUnitsAreRefused() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 3, hiddenSize: 40)
        let state = AppState(session: session, width: 80, height: 24)
        let selected = Self.command(state, "select 33")
        #expect(selected.unit == 33 && selected.focus == .units)
        #expect(selected.tableOffset <= 33 && 33 < selected.tableOffset + selected.layout.unitsShown)
        #expect(Self.rows(selected).contains { $0.hasPrefix("  33") })
        let explained = Self.command(state, "explain 27")
        #expect(explained.unit == 27)
        #expect(explained.overlay != nil || explained.status != nil)
        for line in ["select 40", "select -1", "select x", "select", "select 1 2", "explain 40"] {
            let refused = Self.command(selected, line)
            #expect(refused.unit == 33, "\(line)")
            #expect(refused.status?.isError == true, "\(line)")
        }
        #expect(Self.command(selected, "select 40").status?.text.contains("0 to 39") == true)
    }
}
