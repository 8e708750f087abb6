import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import Widgets
@testable import App

/// The time panels on whole screens: snapshots of the trained remember-first model on its
/// first-0.8 sequence (40 steps), and what the time keys and the mouse do.
@Suite struct TimelineScreenTests {
    static func rememberFirst(_ width: Int, _ height: Int, ascii: Bool = false, language: Language = .en) throws -> AppState {
        let session = try Session(scene: try Scene.named("remember-first"))
        return AppState(session: session, teaching: TeachingCommands(language: language), width: width, height: height, ascii: ascii)
    }

    /// The state after some keys, each through `update` (work for the loop is done at once).
    static func pressing(_ keys: [Key], on state: AppState) -> AppState {
        var state = state
        for key in keys { state = run(update(state, .key(key))) }
        return state
    }

    /// Carries out the time work `update` asked for, as the loop would with no input waiting.
    static func run(_ step: (AppState, [Effect])) -> AppState {
        var (state, effects) = step
        while let work = effects.lazy.compactMap({ effect -> TimeWork? in
            if case let .time(work) = effect { return work }
            return nil
        }).first {
            let result = state.timeSequence.flatMap { work.run(on: $0) }
            (state, effects) = update(state, .finished(.time(.finished(result))))
        }
        return state
    }

    static func check(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        ScreenSnapshotTests.check(state, name, sourceLocation: sourceLocation)
    }

    @Test func theLastStepAt80x24() throws {
        let state = Self.pressing([.end, .down, .down, .down], on: try Self.rememberFirst(80, 24))
        #expect(state.session.t == 39)
        Self.check(state, "timeline-remember-first-80x24")
    }

    @Test func theFirstStepAt120x40() throws {
        let state = Self.pressing([.home], on: try Self.rememberFirst(120, 40))
        #expect(state.session.t == 0)
        Self.check(state, "timeline-remember-first-120x40")
    }

    @Test func besideTheTableAt200x60() throws {
        let state = Self.pressing([.end, .character("t")], on: try Self.rememberFirst(200, 60))
        Self.check(state, "timeline-remember-first-200x60")
    }

    @Test func asciiAndChinese() throws {
        Self.check(Self.pressing([.end], on: try Self.rememberFirst(80, 24, ascii: true)), "timeline-ascii-80x24")
        Self.check(Self.pressing([.end, .down], on: try Self.rememberFirst(80, 24, language: .zh)), "timeline-zh-80x24")
    }
}
