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

    /// Types a ':' line and runs it.
    static func command(_ line: String, on state: AppState) -> AppState {
        pressing([.character(":")] + line.map { Key.character($0) } + [.enter], on: state)
    }

    @Test func timeKeysMoveTheCursorAndTheHeaderFollows() throws {
        var state = try Self.rememberFirst(80, 24)
        state = Self.pressing([.end], on: state)
        #expect(state.session.t == 39 && view(state).text.contains("t=39/40"))
        state = Self.pressing([.character("("), .character("(")], on: state)
        #expect(state.session.t == 37)
        state = Self.pressing([.character(")")], on: state)
        #expect(state.session.t == 38)
        state = Self.pressing([.home], on: state)
        #expect(state.session.t == 0 && view(state).text.contains("t=0/40"))
        // At the first step ( says so and changes nothing.
        let before = state.session.t
        state = Self.pressing([.character("(")], on: state)
        #expect(state.session.t == before && state.status?.text == "t = 0 is the first step")
        // g opens the ':' line on goto.
        state = Self.pressing([.character("g")] + "12".map { Key.character($0) } + [.enter], on: state)
        #expect(state.session.t == 12)
        // Space steps forward through the recorded steps, b steps back.
        state = Self.pressing([.character(" "), .character(" "), .character("b")], on: state)
        #expect(state.session.t == 13 && state.session.count == 40)
    }

    /// The state with every kept time panel thrown away and worked out again.
    static func afresh(_ state: AppState) -> AppState {
        var fresh = state
        fresh.timeCache = TimeCache()
        return run(update(fresh, .resize(width: state.width, height: state.height)))
    }

    /// Moving the cursor draws the timeline from the columns `update` keeps (``TimeCache``),
    /// worked out once for the sequence, quantity, fold and window: the screen is the one
    /// drawn from columns worked out afresh, after moves, after an edit of the past, and after
    /// the quantity, the fold and the zoom change, each of which works the columns out again.
    @Test func keptTimelineColumnsDrawAsColumnsWorkedOutAfresh() throws {
        // 600 steps in the panel's columns: several steps a column.
        var state = Self.pressing([.end], on: Self.command("generate sine 600 period 37", on: try Self.rememberFirst(100, 30)))
        #expect(state.session.count == 600 && state.session.t == 599)
        let first = try #require(state.timeCache.summary)
        #expect(first.value.columns < 600)
        func expectAsAfresh(_ state: AppState, _ what: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(view(state) == view(Self.afresh(state)), what, sourceLocation: sourceLocation)
        }
        expectAsAfresh(state, "at the last step")

        // Moves keep the columns: the same sequence, request and values.
        state = Self.pressing([.character("("), .character("("), .home, .character(")")], on: state)
        #expect(state.session.t == 1)
        let kept = try #require(state.timeCache.summary)
        #expect(kept.sequence == first.sequence && kept.request == first.request && kept.value == first.value)
        expectAsAfresh(state, "after moves")

        // An edit of a past x is a new sequence: its columns are worked out again and differ.
        state = Self.command("goto 300", on: state)
        state = Self.command("x[0] = 0.9", on: state)
        let edited = try #require(state.timeCache.summary)
        #expect(edited.sequence == state.session.sequenceID && edited.sequence != first.sequence)
        #expect(edited.value != first.value)
        expectAsAfresh(state, "after an edit of x at step 300")

        // Another quantity, another fold, a closer window: each its own columns.
        state = Self.pressing([.character("t")], on: state)
        #expect(state.timeCache.summary?.request.field == .z)
        expectAsAfresh(state, "z")
        state = Self.command("timeline max", on: state)
        #expect(state.timeline.fold == .max)
        expectAsAfresh(state, "folded by the maximum")
        let whole = try #require(state.timeCache.summary).request.window
        state = Self.pressing([.character("+")], on: state)
        let closer = try #require(state.timeCache.summary).request.window
        #expect(closer.count < whole.count && closer.contains(state.session.t))
        expectAsAfresh(state, "zoomed in")
    }

    @Test func aClickOnTheTimelineMovesTheCursor() throws {
        var state = Self.pressing([.end], on: try Self.rememberFirst(80, 24))
        let timeline = try #require(state.layout.timeline)
        // One step per column: the column of step 10, on the strip of unit 2.
        state = Self.run(update(state, .mouse(MouseEvent(.click, x: timeline.valueX + 10, y: timeline.strips.y + 2))))
        #expect(state.session.t == 10 && state.unit == 2 && state.focus == .timeline)
        // On the timeline ← and → move through time; the wheel too.
        state = Self.pressing([.left, .left], on: state)
        #expect(state.session.t == 8)
        state = Self.run(update(state, .mouse(MouseEvent(.wheelDown, x: timeline.valueX, y: timeline.strips.y))))
        #expect(state.session.t == 9)
        // A click left of the strips' values moves nothing in time.
        state = Self.run(update(state, .mouse(MouseEvent(.click, x: timeline.strips.x, y: timeline.strips.y + 1))))
        #expect(state.session.t == 9 && state.unit == 1)
    }

    @Test func theTimelineCommandSetsWhatThePanelShows() throws {
        var state = Self.pressing([.end], on: try Self.rememberFirst(80, 24))
        state = Self.command("timeline z 2 max", on: state)
        #expect(state.timeline.quantity == .z && state.timeline.fold == .max && state.unit == 2)
        #expect(state.overlay == nil && state.status?.text == "timeline: z update")
        #expect(view(state).text.contains("z update · 1 step per column"))
        // The t key cycles on from there.
        state = Self.pressing([.character("t")], on: state)
        #expect(state.timeline.quantity == .r)
        // A bad line: one message, nothing changed.
        let before = state.timeline
        state = Self.command("timeline 7", on: state)
        #expect(state.timeline == before && state.unit == 2)
        #expect(state.status?.isError == true && state.status?.text == "error: unit 7 does not exist; units are numbered 0 to 3")
    }

    @Test func questionMarkOnTheTimelineSaysWhatItShows() throws {
        var state = Self.pressing([.end], on: try Self.rememberFirst(80, 24))
        let timeline = try #require(state.layout.timeline)
        state = Self.run(update(state, .mouse(MouseEvent(.click, x: timeline.valueX + 39, y: timeline.strips.y))))
        state = Self.pressing([.character("?")], on: state)
        #expect(view(state).text.contains("The timeline: one strip per unit"))
    }
}
