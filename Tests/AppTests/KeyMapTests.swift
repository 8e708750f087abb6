import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import Widgets
@testable import App

/// What a test can see of a state: everything a key may change.
struct Observed: Equatable {
    var x: [Float], h: [Float], t: Int, pins: GatePins, weights: GRUWeights
    var focus: Focus, unit: Int, inputIndex: Int, column: GateColumn
    var editing: EditBuffer?, command: EditBuffer?, overlay: Overlay?, status: StatusMessage?
    var isQuitting: Bool, lessonStep: Int?

    init(_ state: AppState) {
        x = state.session.x
        h = state.session.h
        t = state.session.t
        pins = state.session.pins
        weights = state.session.weights
        focus = state.focus
        unit = state.unit
        inputIndex = state.inputIndex
        column = state.column
        editing = state.editing
        command = state.command
        overlay = state.overlay
        status = state.status
        isQuitting = state.isQuitting
        lessonStep = state.teaching.lessonStepNumber
    }
}

/// The key map is the one place keys are defined: a walk through every binding in every context
/// it lists checks that the key does what the table says, with expectations written here, apart
/// from the code that dispatches.
@Suite struct KeyMapTests {
    static func press(_ state: AppState, _ keys: [Key]) -> (AppState, [Effect]) {
        UpdateTests.press(state, keys)
    }

    /// The seed-doc scene (z pinned), one step taken, unit 2 selected in the table on column z.
    static func normal() throws -> AppState {
        var state = AppState(session: try Session(scene: .seedDoc), width: 80, height: 24)
        state = press(state, [.character("s"), .down, .down]).0
        state.status = nil
        return state
    }

    /// A state in each context, ready for the binding's action to show.
    static func state(in context: KeyContext, for action: Action) throws -> AppState {
        switch context {
        case .normal where [.first, .last].contains(action):
            // Home and End: on a sequence of one step, where the time keys do not take them.
            var state = AppState(session: try Session(scene: .seedDoc), width: 80, height: 24)
            state = press(state, [.down, .down]).0
            state.status = nil
            return state
        case .normal:
            // Redo needs a change undone first: the step normal() took.
            return action == .redo ? press(try normal(), [.character("u")]).0 : try normal()
        case .lesson:
            var lines = LineSession(session: try Session(scene: .seedCode), commands: TeachingCommands(language: .en))
            _ = lines.reply("lesson keep-and-replace")
            _ = lines.reply("next")
            return AppState(lines: lines, width: 80, height: 24)
        case .editing:
            var state = try normal()
            state = press(state, [.backTab, .enter] + UpdateTests.type("0.25")).0
            guard state.focus == .h, state.unit == 2, state.editing?.text == "0.25" else { throw UserError("no edit of h[2]") }
            if [.cursorRight, .deleteForward].contains(action) { state = press(state, [.home]).0 }
            return state
        case .commandLine:
            var state = press(try normal(), [.character(":")] + UpdateTests.type("reset") + [.enter]).0
            let text = action == .complete ? "ste" : "step 2"
            state = press(state, [.character(":")] + UpdateTests.type(text)).0
            if [.cursorRight, .deleteForward].contains(action) { state = press(state, [.home]).0 }
            return state
        case .panel:
            // Tall enough for the whole panel (at 80×24 it scrolls: .longPanel).
            return press(update(try normal(), .resize(width: 80, height: 60)).0, [.character("?")]).0
        case .longPanel:
            // `:help` lists every command: more lines than 80×24 shows. Scrolling up needs a
            // page scrolled down first.
            var state = press(try normal(), [.character(":")] + UpdateTests.type("help") + [.enter]).0
            if [.panelUp, .panelPageUp].contains(action) { state = press(state, [.pageDown]).0 }
            return state
        case .tooSmall where action == .cancel:
            // Esc closes an edit opened before the screen shrank.
            return update(try state(in: .editing, for: .cancel), .resize(width: 20, height: 6)).0
        case .tooSmall:
            return update(try normal(), .resize(width: 20, height: 6)).0
        case .working:
            var state = try normal()
            state.startWork(title: "step 100000") { .failed(.cancelled) }
            state.queued.removeAll()
            return state
        case .time, .timeline:
            return try timeState(focusOnTimeline: context == .timeline, zoomed: [.zoomOut, .scrollBack, .scrollForward].contains(action))
        }
    }

    /// The remember-first sequence made 240 steps long (wider than the timeline at 80 columns),
    /// the cursor at step 120, the time panels worked out.
    static func timeState(focusOnTimeline: Bool, zoomed: Bool) throws -> AppState {
        var lines = LineSession(session: try Session(scene: try Scene.named("remember-first")), commands: TeachingCommands(language: .en))
        _ = lines.reply("goto end")
        _ = lines.reply("step 200")
        _ = lines.reply("goto 120")
        var state = AppState(lines: lines, width: 80, height: 24)
        if focusOnTimeline { state.focus = .timeline }
        if zoomed { state.timeline.zoom = 1 }
        state = update(state, .resize(width: 80, height: 24)).0
        state.status = nil
        return state
    }

    /// A key a pattern matches.
    static func example(_ pattern: KeyPattern) -> Key {
        switch pattern {
        case let .key(key): return key
        case .printable: return .character("7")
        case .numberStart: return .character("-")
        }
    }

    /// What each action must do, seen from outside.
    static func expectation(_ action: Action, before b: AppState, after a: AppState, effects: [Effect]) -> Bool {
        let before = Observed(b), after = Observed(a)
        switch action {
        case .moveUp: return after.unit == before.unit - 1
        case .moveDown: return after.unit == before.unit + 1
        case .moveLeft: return after.column == .r
        case .moveRight: return after.column == .kept
        case .pageUp, .first: return after.unit == 0
        case .pageDown, .last: return after.unit == b.session.hiddenSize - 1
        case .nextFocus: return after.focus == (b.showsTime ? .timeline : .x)
        case .previousFocus: return after.focus == .h
        case .edit: return after.editing?.text == ""
        case .editStartingWith: return after.editing?.text == "-"
        case let .nudge(amount):
            // The focused value is pinned z[2] = 0.1, kept in [0, 1].
            return abs((after.pins.z?[2] ?? -9) - min(max(0.1 + amount, 0), 1)) < 1e-6
        case .step: return after.t == before.t + 1 && after.h == b.session.trace.h
        case .back: return after.t == before.t - 1
        case .undo: return after.t == before.t - 1 && after.status?.text.hasPrefix("undid: step") == true
        case .redo: return after.t == before.t + 1 && after.status?.text.hasPrefix("redid: step") == true
        case .newWeights: return a.session.seed == b.session.seed + 1 && after.weights != before.weights
        case .zeroVector: return after.h.allSatisfy { $0 == 0 }
        case .togglePin: return (before.pins.z == nil) != (after.pins.z == nil)
        case .commandLine: return after.command == EditBuffer()
        case .help: return after.overlay == .help(before.column)
        case .quit: return effects == [.quit] && after.isQuitting
        case .redraw:
            var same = after
            same.status = before.status
            return effects == [.redraw] && same == before
        case .nextLessonStep: return after.lessonStep == (before.lessonStep ?? 0) + 1
        case .previousLessonStep: return after.lessonStep == (before.lessonStep ?? 0) - 1
        case .confirm:
            if before.command != nil { return after.command == nil && after.t == 2 }
            return after.editing == nil && after.h[2] == 0.25
        case .cancel:
            if before.command != nil { return after.command == nil && after.t == before.t }
            return after.editing == nil && after.h == before.h
        case .insert: return (after.editing ?? after.command)?.text == (before.editing ?? before.command).map { $0.text + "7" }
        case .cursorLeft: return (after.editing ?? after.command)?.cursor == ((before.editing ?? before.command)?.cursor ?? 0) - 1
        case .cursorRight: return (after.editing ?? after.command)?.cursor == 1
        case .cursorStart: return (after.editing ?? after.command)?.cursor == 0
        case .cursorEnd: return (after.editing ?? after.command)?.cursor == (after.editing ?? after.command)?.count
        case .deleteBackward: return (after.editing ?? after.command)?.text == (before.editing ?? before.command).map { String($0.text.dropLast()) }
        case .deleteForward: return (after.editing ?? after.command)?.text == (before.editing ?? before.command).map { String($0.text.dropFirst()) }
        case .deleteToStart: return (after.editing ?? after.command)?.text == ""
        case .historyPrevious: return after.command?.text == "reset"
        case .historyNext: return after.command?.text == ""
        case .complete: return after.command?.text == "step "
        case .cancelWork:
            return effects == [.cancelWork(id: b.running?.id ?? -1)] && a.running?.cancelling == true && after.t == before.t
        case .closePanel:
            var same = after
            same.overlay = before.overlay
            return after.overlay == nil && same == before
        case .panelUp, .panelDown, .panelPageUp, .panelPageDown:
            let scrolling = b.overlayScrolling
            let lines = [Action.panelUp: -1, .panelDown: 1, .panelPageUp: -scrolling.page, .panelPageDown: scrolling.page][action] ?? 0
            return scrolling.limit > 0 && a.overlayScroll == min(max(0, b.overlayScroll + lines), scrolling.limit)
                && a.overlayScroll != b.overlayScroll && after == before
        // Time: the cursor moves through the recorded steps, the sequence stays as it was.
        case .previousStep: return after.t == before.t - 1 && a.session.count == b.session.count
        case .nextStep: return after.t == before.t + 1 && a.session.count == b.session.count
        case .firstStep: return after.t == 0
        case .lastStep: return after.t == b.session.count - 1
        case .gotoStep: return after.command?.text == "goto "
        case .cycleTimeline: return b.timeline.quantity == .newState && a.timeline.quantity == .z
        case .zoomIn: return a.timeline.zoom == b.timeline.zoom + 1
        case .zoomOut: return a.timeline.zoom == b.timeline.zoom - 1
        case .scrollBack: return after.t < before.t && a.timeline.first <= b.timeline.first
        case .scrollForward: return after.t > before.t && a.timeline.first >= b.timeline.first
        }
    }

    @Test func everyBindingInEveryContextDoesWhatTheTableSays() throws {
        var checked = 0
        for binding in KeyMap.bindings {
            for context in KeyContext.allCases where binding.contexts.contains(context) {
                for pattern in binding.keys {
                    let key = Self.example(pattern)
                    var before = try Self.state(in: context, for: binding.action)
                    if binding.action == .historyNext { before = Self.press(before, [.up]).0 }
                    // The time contexts come before .normal once a sequence has two steps; the
                    // lookup below checks that none of them takes this key.
                    #expect(before.keyContexts.first == context || (context == .normal && before.keyContexts.contains(context)),
                            "\(context) state reads keys in \(before.keyContexts)")
                    #expect(KeyMap.binding(for: key, in: before.keyContexts)?.action == binding.action,
                            "\(key) in \(context) is not bound to \(binding.action)")
                    let (after, effects) = update(before, .key(key))
                    #expect(Self.expectation(binding.action, before: before, after: after, effects: effects),
                            "\(key) in \(context) did not \(binding.action): \(Observed(before)) → \(Observed(after)), \(effects)")
                    checked += 1
                }
            }
        }
        #expect(checked > 60)
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                for case let .key(key) in binding.keys {
                    #expect(seen[key] == nil, "\(key) is bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action) in \(context)")
                    seen[key] = binding.action
                }
            }
        }
        // No number starts with the keys that nudge or zero.
        for action: Action in [.nudge(0.1), .nudge(-0.1), .nudge(1), .nudge(-1), .zeroVector] {
            for binding in KeyMap.bindings where binding.action == action {
                for case let .key(key) in binding.keys { #expect(!KeyPattern.numberStart.matches(key), "\(key) starts a number") }
            }
        }
    }

    @Test func everyHelpTextAndHintIsInBothLanguages() {
        for binding in KeyMap.bindings {
            for key in [binding.help.map { "screen.key." + $0 }, binding.hint.map { "screen.hint." + $0 }].compactMap({ $0 }) {
                #expect(Catalogues.english.texts[key] != nil && Catalogues.chinese.texts[key] != nil, "\(key)")
            }
        }
        // Every binding is described: by its own help row, or by the row above it.
        #expect(KeyMap.bindings.first?.help != nil)
        let help = KeyMap.helpText()
        for binding in KeyMap.bindings where binding.help != nil {
            #expect(help.contains(KeyMap.label(of: binding)), "--help lacks \(KeyMap.label(of: binding))")
        }
    }

    @Test func footerAndHelpFollowTheContext() throws {
        let normal = try Self.normal()
        let hints = KeyMap.hints(in: normal.keyContexts).map { KeyMap.footerLabel(of: $0, in: normal.keyContexts) }
        #expect(hints.contains("p") && hints.contains("<>") && !hints.contains("n"))
        let lesson = try Self.state(in: .lesson, for: .nextLessonStep)
        let lessonHints = KeyMap.hints(in: lesson.keyContexts).map { KeyMap.footerLabel(of: $0, in: lesson.keyContexts) }
        // In a lesson p goes back, so pinning is P alone.
        #expect(lessonHints.prefix(3) == ["n", "p", "P"] && lessonHints.filter { $0 == "p" }.count == 1)
        #expect(!KeyMap.helpRows(in: lesson.keyContexts).contains { $0.action == .togglePin && $0.contexts == [.normal] })
        #expect(KeyMap.label(of: KeyMap.bindings.first { $0.action == .moveUp }!, ascii: true) == "Up k")
    }

    @Test func aPanelClosesOnAnyKeyAndThatKeyActs() throws {
        // Issue 9: `:explain 3` then `:explain 4` ran "explain 4" as keys (p unpinned, Space stepped).
        let state = try Self.normal()
        let (panel, _) = Self.press(state, [.character(":")] + UpdateTests.type("explain 3") + [.enter])
        guard case .output = panel.overlay else { Issue.record("explain opens a panel"); return }
        let (second, _) = Self.press(panel, [.character(":")] + UpdateTests.type("explain 4") + [.enter])
        guard case let .output(title, _) = second.overlay else { Issue.record("the second explain opens its panel"); return }
        #expect(title == ":explain 4")
        #expect(second.session.pins == state.session.pins && second.session.t == state.session.t && second.session.h == state.session.h)
        // `explain N` selects unit N (issue 13). Esc only closes; j closes and moves.
        #expect(panel.unit == 3 && second.unit == 4)
        let (closed, _) = Self.press(panel, [.escape])
        #expect(closed.overlay == nil && Observed(closed).unit == panel.unit)
        let (moved, _) = Self.press(panel, [.character("j")])
        #expect(moved.overlay == nil && moved.unit == panel.unit + 1)
    }

    @Test func typingZeroPointFiveSetsOneValue() throws {
        // Issue 9: on the h row `0.5⏎` zeroed the vector, then set one value to .5.
        let state = Self.press(try Self.normal(), [.backTab]).0
        #expect(state.focus == .h)
        let (after, _) = Self.press(state, UpdateTests.type("0.5") + [.enter])
        var expected = state.session.h
        expected[state.unit] = 0.5
        #expect(after.session.h == expected)
        let (negative, _) = Self.press(state, UpdateTests.type("-0.5") + [.enter])
        #expect(negative.session.h[state.unit] == -0.5)
    }

    @Test func aScreenTooSmallToDrawOnlyQuitsRedrawsAndCancels() throws {
        let small = try Self.state(in: .tooSmall, for: .quit)
        for binding in KeyMap.bindings {
            for pattern in binding.keys {
                let key = Self.example(pattern)
                let (after, effects) = update(small, .key(key))
                // Keys that act only while long work runs (none runs here) are not looked at.
                if binding.contexts.contains(.tooSmall) || binding.contexts == [.working] { continue }
                #expect(Observed(after) == Observed(small) && effects.isEmpty, "\(key) acted on a 20×6 screen")
            }
        }
        #expect(update(small, .key(.character("q"))).1 == [.quit])
        #expect(update(small, .key(.control("l"))).1 == [.redraw])
        let (unknown, _) = update(small, .unknownSequence("\\e[99~"))
        #expect(Observed(unknown) == Observed(small))
    }

    /// The soak's oddity (issue 10): an edit of a pinned z was open, the pane was 2×1, and the
    /// soak resized it to 80×24 and pressed Esc Esc q. tmux delivers a resize late, so both Escs
    /// reached a screen still too small, where Esc did nothing; the resize came, and `q` was
    /// typed into the edit. Esc now closes what is open at any size, so the keys quit however
    /// the resize and they interleave.
    @Test func escEscQQuitsWithAnEditOpenWhateverTheSize() throws {
        var pinned = try Self.normal()
        pinned.unit = 0
        let editing = Self.press(pinned, [.enter]).0
        #expect(editing.editing != nil && editing.status?.text.hasPrefix("editing pinned z[0]") == true)
        let line = Self.press(pinned, [.character(":")] + UpdateTests.type("step 2")).0
        let panel = Self.press(pinned, [.character("?")]).0
        for (name, open) in [("edit", editing), ("line", line), ("panel", panel)] {
            for (width, height) in [(80, 24), (2, 1), (1, 1), (20, 6)] {
                // The Escs at this size, then the resize to 80×24, then q.
                var state = update(open, .resize(width: width, height: height)).0
                state = Self.press(state, [.escape, .escape]).0
                #expect(state.editing == nil && state.command == nil && state.overlay == nil, "\(name) at \(width)×\(height)")
                state = update(state, .resize(width: 80, height: 24)).0
                let (after, effects) = update(state, .key(.character("q")))
                #expect(effects == [.quit] && after.isQuitting, "\(name) at \(width)×\(height): q did not quit")
                #expect(Observed(after).pins == Observed(open).pins && after.session.h == open.session.h)
            }
        }
    }

    @Test func anUnknownSequenceIsNotedAndChangesNothingElse() throws {
        let line = Self.press(try Self.normal(), [.character(":")] + UpdateTests.type("step")).0
        let (after, effects) = update(line, .unknownSequence("\\e[99~"))
        #expect(effects.isEmpty && after.command == line.command)
        #expect(after.status == StatusMessage("the terminal sent \\e[99~, which is no key gruscope knows; it was ignored", isError: true))
        let (typed, _) = Self.press(after, [.character("9")])
        #expect(typed.command?.text == "step9" && typed.editing == nil)
    }

    @Test func pagesAndEnds() throws {
        var session = try Session(scene: .seedCode)
        try session.resize(inputSize: 40, hiddenSize: 64)
        let state = AppState(session: session, width: 80, height: 24)
        let page = state.layout.tableBody.height
        #expect(Self.press(state, [.pageDown]).0.unit == page)
        #expect(Self.press(state, [.control("f"), .control("f"), .control("b")]).0.unit == page)
        #expect(Self.press(state, [.end]).0.unit == 63)
        #expect(Self.press(state, [.end, .home]).0.unit == 0)
        let x = Self.press(state, [.tab, .pageDown]).0
        #expect(x.focus == .x && x.inputIndex == state.layout.visibleValues)
        #expect(Self.press(state, [.tab, .end]).0.inputIndex == 39)
    }
}
