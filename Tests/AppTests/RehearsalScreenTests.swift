import GRUCore
import Localization
import Script
import Teaching
import Testing
import Widgets
@testable import App

/// Issue 13's rehearsal fixes as a teacher sees them on the screen.
@Suite struct RehearsalScreenTests {
    @Test func aLessonOpensOnItsUnit() throws {
        // What `gruscope --lesson keep-and-replace` does: start the lesson, then open the screen.
        for language in Language.allCases {
            var session = try SessionSetup().makeSession()
            var teaching = TeachingCommands(language: language)
            _ = try teaching.startLesson(named: "keep-and-replace", session: &session)
            #expect(AppState(session: session, teaching: teaching, width: 80, height: 24).unit == 4)
            // Below the narration, the story panel tells unit 4's story (120×40 has room for it).
            let state = AppState(session: session, teaching: teaching, width: 120, height: 40)
            #expect(state.unit == 4)
            #expect(state.focus == .units)
            let story = view(state).text
            #expect(story.contains(state.text("unit_title", ["unit": "4"])), "\(story)")
            let unitStory = try Explainer.unit(4, trace: state.session.trace, weights: state.session.weights, language: language)
            #expect(story.contains(String(unitStory.prefix(20))))
        }
    }
}
