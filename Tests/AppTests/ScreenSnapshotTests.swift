import Localization
import GRUCore
import Script
import Teaching
import TerminalInput
import Testing
import Widgets
@testable import App

/// Whole screens as text plus style runs, compared with files in Tests/Fixtures/snapshots/AppTests (SnapshotFile.path).
/// Re-record with GRUSCOPE_RECORD_SNAPSHOTS=1 swift test, then review the diff.
@Suite struct ScreenSnapshotTests {
    static func check(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = SnapshotFile.path(named: name, forTestFile: #filePath)
        if let problem = SnapshotFile.check(actual: GridSnapshot.render(view(state)), path: path) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    static func state(_ scene: Scene, _ width: Int, _ height: Int, ascii: Bool = false) throws -> AppState {
        AppState(session: try Session(scene: scene), width: width, height: height, ascii: ascii)
    }

    @Test func seedCodeAt80x24() throws {
        Self.check(try Self.state(.seedCode, 80, 24), "seed-code-80x24")
    }

    @Test func seedDocAt120x40() throws {
        Self.check(try Self.state(.seedDoc, 120, 40), "seed-doc-120x40")
    }

    @Test func asciiAt80x24() throws {
        Self.check(try Self.state(.seedDoc, 80, 24, ascii: true), "seed-doc-ascii-80x24")
    }

    @Test func editingAndCommandLine() throws {
        var state = try Self.state(.seedCode, 80, 24)
        state = update(state, .key(.tab)).0
        for key: Key in [.right, .enter, .character("-"), .character("0"), .character(".")] { state = update(state, .key(key)).0 }
        Self.check(state, "editing-x-80x24")
        var command = try Self.state(.seedCode, 80, 24)
        for key: Key in [.character(":")] + "step 2".map({ Key.character($0) }) { command = update(command, .key(key)).0 }
        Self.check(command, "command-line-80x24")
    }

    @Test func helpPanel() throws {
        let state = update(try Self.state(.seedCode, 80, 24), .key(.character("?"))).0
        Self.check(state, "help-80x24")
    }

    /// `:help` lists every command, more than 80×24 shows: the panel scrolls as less does, its
    /// bottom edge says which lines are shown, and the footer offers the scroll.
    @Test func aLongPanelScrolls() throws {
        var state = UpdateTests.press(try Self.state(.seedCode, 80, 24), [.character(":")] + UpdateTests.type("help") + [.enter]).0
        let scrolling = state.overlayScrolling
        #expect(scrolling.limit > 0 && state.keyContexts.prefix(2) == [.longPanel, .panel])
        Self.check(state, "long-panel-top-80x24")
        let top = GridSnapshot.render(view(state))
        #expect(top.contains(" 1-20/") && top.contains("scroll"))
        // A page keeps the last line shown; past the end it stops at the last line.
        state = UpdateTests.press(state, [.character(" ")]).0
        #expect(state.overlayScroll == scrolling.page)
        state = UpdateTests.press(state, Array(repeating: .pageDown, count: 5)).0
        #expect(state.overlayScroll == scrolling.limit && state.invariantViolations.isEmpty)
        Self.check(state, "long-panel-end-80x24")
        state = UpdateTests.press(state, [.character("k"), .up]).0
        #expect(state.overlayScroll == scrolling.limit - 2)
        // Taller, it fits: nothing to scroll, and j is the screen's again (the panel closes).
        state = update(state, .resize(width: 80, height: 150)).0
        #expect(state.overlayScroll == 0 && state.keyContexts.first == .panel && state.invariantViolations.isEmpty)
        let unit = state.unit
        state = UpdateTests.press(state, [.character("j")]).0
        #expect(state.overlay == nil && state.unit == unit + 1)
        // Closed, nothing is left of its measure (the soak found a fitting panel's page kept).
        #expect(state.overlayScrolling == (0, 1) && state.invariantViolations.isEmpty, "\(state.invariantViolations)")
        // Back at 80×24 a new panel starts at its top.
        state = update(state, .resize(width: 80, height: 24)).0
        state = UpdateTests.press(state, [.character(":")] + UpdateTests.type("help") + [.enter, .pageDown]).0
        #expect(state.overlayScroll == scrolling.page)
        state = UpdateTests.press(state, [.escape]).0
        #expect(state.overlay == nil && state.overlayScroll == 0 && state.invariantViolations.isEmpty, "\(state.invariantViolations)")
        state = UpdateTests.press(state, [.character("?")]).0
        #expect(state.overlayScroll == 0 && state.overlay == .help(state.column))
    }

    @Test func manyUnitsScroll() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 12, hiddenSize: 40)
        var state = AppState(session: session, width: 80, height: 24)
        for _ in 0..<25 { state = update(state, .key(.down)).0 }
        Self.check(state, "many-units-80x24")
    }

    @Test func explanationPanelInEnglishAndChinese() throws {
        for language in Language.allCases {
            var session = try Session(scene: .seedDoc)
            var teaching = TeachingCommands(language: language)
            _ = try teaching.startLesson(named: "keep-and-replace", session: &session)
            var state = AppState(session: session, teaching: teaching, width: 80, height: 24)
            state = update(state, .key(.down)).0
            Self.check(state, "lesson-\(language.rawValue)-80x24")
            let plain = AppState(session: try Session(scene: .seedDoc), teaching: TeachingCommands(language: language), width: 80, height: 24)
            Self.check(plain, "explanation-\(language.rawValue)-80x24")
            let grid = view(plain)
            // A wide character never straddles the edge: its continuation cell is always inside.
            for y in 0..<grid.height {
                #expect(!grid[0, y].isContinuation)
            }
        }
    }

    @Test func tooSmall() throws {
        Self.check(try Self.state(.seedCode, 20, 6), "too-small-20x6")
        for (w, h) in [(1, 1), (2, 1), (0, 0), (5, 3), (79, 24)] {
            let grid = view(try Self.state(.seedCode, w, h))
            #expect(grid.width == w && grid.height == h)
        }
    }
}
