import GRUCore
import Localization
import Script
import Teaching
import Testing
import Widgets
@testable import App

/// The status line while long work runs: however long its title (a command with a path), the
/// percentage and how to stop it stay on an 80-column screen; the path loses its middle.
@Suite struct ProgressLineTests {
    static let line = "inputs /home/teacher/classes/2026/autumn/gru-week/inputs/the-cat-sat-on-the-mat-long-version.npy"

    static func running(_ title: String, width: Int, ascii: Bool = false, language: Language = .en) throws -> AppState {
        var state = AppState(session: try Session(scene: .seedCode), teaching: TeachingCommands(language: language),
                             width: width, height: 24, ascii: ascii)
        state.startWork(title: title) { .failed(UserError("unused")) }
        state.running?.progress = GRUProgress(done: 37, total: 100)
        return state
    }

    static func statusLine(_ state: AppState) -> String {
        String(view(state).plainLine(state.layout.status.y).reversed().drop { $0 == " " }.reversed())
    }

    @Test func thePercentageAndTheHintStayAt80Columns() throws {
        let state = try Self.running(Self.line, width: 80)
        let status = Self.statusLine(state)
        #expect(status.hasSuffix(": 37% (Esc, q or Ctrl-C stops it)"), "\(status)")
        #expect(status.hasPrefix("inputs /home/"), "\(status)")
        #expect(status.contains("…") && status.contains("long-version.npy"), "\(status)")
        #expect(DisplayWidth.of(status) <= 80)
    }

    /// Through the ':' line as a user types it: the file name at the end of a long path stays
    /// on the busy line too, with how to stop the work.
    @Test func aTypedLongPathKeepsItsFileName() throws {
        var state = AppState(session: try Session(scene: .seedCode), width: 80, height: 24)
        state.startWork(title: EchoText.printable(Self.line, limit: RunningWork.longestTitle)) { .failed(UserError("unused")) }
        let busy = update(state, .key(.character("x"))).0
        let line = Self.statusLine(busy)
        #expect(line.hasPrefix("busy with inputs /home/") && line.contains("long-version.npy; Esc, q or Ctrl-C stops it"), "\(line)")
        let cancelling = update(state, .key(.escape)).0
        #expect(Self.statusLine(cancelling).hasSuffix("long-version.npy …"), "\(Self.statusLine(cancelling))")
    }

    @Test func aShortTitleIsWhole() throws {
        #expect(Self.statusLine(try Self.running("inputs a.csv", width: 80)) == "inputs a.csv: 37% (Esc, q or Ctrl-C stops it)")
    }

    @Test func asciiAndChineseKeepThemToo() throws {
        let ascii = Self.statusLine(try Self.running(Self.line, width: 80, ascii: true))
        #expect(ascii.contains("...") && ascii.hasSuffix("37% (Esc, q or Ctrl-C stops it)"), "\(ascii)")
        let chinese = try Self.running(Self.line, width: 80, language: .zh)
        let line = Self.statusLine(chinese)
        #expect(line.contains("37%") && DisplayWidth.of(line) <= 80, "\(line)")
        #expect(line.hasSuffix("：37%（按 Esc、q 或 Ctrl-C 停止）"), "\(line)")
    }
}
