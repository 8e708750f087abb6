import Script
import Testing
import Widgets
@testable import App

/// The checks the soak test makes the screen run after every event (GRUSCOPE_CHECK_STATE=1):
/// they pass on states `update` makes and fail on broken ones.
@Suite struct InvariantTests {
    @Test func aFreshScreenAndOneThatWasUsedAreValid() throws {
        var state = AppState(session: try Session(scene: .seedCode), width: 80, height: 24)
        #expect(state.invariantViolations.isEmpty)
        for event: Event in [.key(.tab), .key(.character("7")), .key(.enter), .key(.character(" ")), .resize(width: 1, height: 1),
                             .key(.character(":")), .key(.character("a")), .key(.character("\u{301}")), .resize(width: 120, height: 40)] {
            state = update(state, event).0
            #expect(state.invariantViolations.isEmpty, "after \(event): \(state.invariantViolations)")
        }
    }

    /// The screen loop's check after every event (the whole one runs before every frame).
    @Test func theQuickCheckNamesTheSameBrokenStates() throws {
        var state = AppState(session: try Session(scene: .seedCode), width: 80, height: 24)
        // A long paste on the ':' line, as the soak sends: valid both ways.
        state = update(state, .key(.character(":"))).0
        for character in String(repeating: "1e\u{301} ", count: AppState.quickCheckCharacters) { state = update(state, .key(.character(character))).0 }
        #expect(state.command!.count > AppState.quickCheckCharacters)
        #expect(state.invariantViolations(quick: true).isEmpty && state.invariantViolations.isEmpty)
        state.unit = 5
        state.inputIndex = -1
        state.tableOffset = 9
        #expect(state.invariantViolations(quick: true) == state.invariantViolations)
        #expect(state.invariantViolations(quick: true).contains("selected unit 5 outside 0..<5"))
    }

    @Test func brokenStatesAreNamed() throws {
        var state = AppState(session: try Session(scene: .seedCode), width: 80, height: 24)
        state.unit = 5
        state.inputIndex = -1
        state.tableOffset = 9
        state.historyCursor = 0
        let problems = state.invariantViolations
        #expect(problems.contains("selected unit 5 outside 0..<5"))
        #expect(problems.contains("selected input -1 outside 0..<4"))
        #expect(problems.contains("table offset 9 for H=5"))
        #expect(problems.contains("history cursor 0 of 0"))
    }
}
