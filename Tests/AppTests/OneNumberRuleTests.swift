import GRUCore
import Localization
import Script
import Testing
import TerminalInput
import Widgets
@testable import App

/// A number has one spelling: the table and the story of a unit round it by the same rule.
@Suite struct OneNumberRuleTests {
    static func type(_ text: String, into state: AppState) -> AppState {
        var state = state
        for character in text { state = update(state, .key(.character(character))).0 }
        return update(state, .key(.enter)).0
    }

    static func screenText(_ state: AppState) -> String {
        GridSnapshot.render(view(state)).split(separator: "\n").prefix(state.height).joined(separator: "\n")
    }

    @Test func aPinnedTieReadsTheSameInTheTableAndTheStory() throws {
        var session = try Session(scene: .seedCode)
        // 0.125 and 0.375 are exact in binary: ties at two decimals.
        try session.pin(.z, to: [Float](repeating: 0.125, count: session.hiddenSize))
        try session.pin(.r, to: [Float](repeating: 0.375, count: session.hiddenSize))
        let state = AppState(session: session, width: 80, height: 24)
        let table = Self.screenText(state)
        let story = Self.screenText(Self.type(":explain 0", into: state))
        let tableZ = NumberFormat.fit(0.125, width: 4, decimals: 2)
        #expect(NumberText.value(0.125) == tableZ, "the story says \(NumberText.value(0.125)), a two-decimal column \(tableZ)")
        #expect(NumberText.value(0.375) == NumberFormat.fit(0.375, width: 4, decimals: 2))
        // Ties to even: 0.125 → 0.12 and 0.375 → 0.38, in the table and in the story alike.
        #expect(table.contains(" 0.12 ") && table.contains(" 0.38 "), "\(table)")
        #expect(!table.contains("0.13") && !table.contains("0.37"), "\(table)")
        #expect(story.contains("z is pinned to 0.12") && story.contains("r = 0.38"), "\(story)")
        #expect(!story.contains("0.13") && !story.contains("0.37"), "\(story)")
    }
}

/// The screen's columns are the places of the one list of table columns.
@Suite struct GateColumnTests {
    @Test func theColumnsAreTheTableColumnsInOrder() {
        #expect(GateColumn.allCases.map(\.field) == TraceField.tableColumns)
        #expect(GateColumn.allCases.filter(\.isGate).map(\.field) == [.r, .z])
    }
}
