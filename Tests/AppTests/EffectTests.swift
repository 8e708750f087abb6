import Foundation
import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import WeightFiles
import Widgets
@testable import App

/// `update` is pure: a command that needs a file returns an effect and changes nothing until the
/// effect's result arrives as an event.
@Suite struct EffectTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func run(_ state: AppState, _ line: String) -> (AppState, [Effect]) {
        UpdateTests.press(state, [.character(":")] + UpdateTests.type(line) + [.enter])
    }

    @Test func loadingWeightsIsAnEffectAndNothingChangesUntilItsResult() throws {
        let state = try UpdateTests.start()
        let path = Self.fixtures.appendingPathComponent("weights/pytorch-cell.json").path
        let (asked, effects) = Self.run(state, "load \(path)")
        #expect(effects == [.language(.loadWeights(path: path, selection: CellSelection()))])
        #expect(Self.unchangedButReading(asked, state), "the state changed before the file was read")
        guard case let .language(effect) = effects.first else { return }
        let (loaded, more) = update(asked, .finished(.language(effect.perform())))
        #expect(more.isEmpty)
        #expect(loaded.session.weights != state.session.weights)
        guard case let .file(loadedPath, _, _) = loaded.session.origin else { Issue.record("not loaded from the file"); return }
        // The answer (`loaded …`, longer than the status line) opens a panel.
        guard case let .output(_, lines)? = loaded.overlay else { Issue.record("no answer: \(String(describing: loaded.status))"); return }
        #expect(loadedPath == path && lines.first?.hasPrefix("loaded ") == true)
        // A failed read changes nothing either, and says why.
        let (missing, missingEffects) = Self.run(state, "load /nonexistent/gru.npz")
        guard case let .language(failing)? = missingEffects.first else { Issue.record("no effect"); return }
        let (after, _) = update(missing, .finished(.language(failing.perform())))
        #expect(after.session.weights == state.session.weights && after.status?.isError == true)
    }

    /// Nothing changed but the status line, which says the file is being read and how to stop.
    static func unchangedButReading(_ asked: AppState, _ before: AppState) -> Bool {
        var shown = Observed(asked)
        shown.status = before.status
        return shown == Observed(before) && asked.running != nil && before.running == nil
            && asked.status?.text.hasSuffix("… (Esc, q or Ctrl-C stops it)") == true
    }

    /// A large `--inputs` file takes a while to read: the status line says so at once, only the
    /// keys that stop work act, and Esc drops the read, changing nothing.
    @Test func aFileBeingReadIsShownAndEscDropsIt() throws {
        let state = try UpdateTests.start()
        let (asked, effects) = Self.run(state, "inputs /tmp/big.csv")
        guard case .language(.readInputs(path: "/tmp/big.csv", _))? = effects.first else {
            Issue.record("no read: \(effects)"); return
        }
        let running = try #require(asked.running)
        #expect(asked.status?.text == "inputs /tmp/big.csv … (Esc, q or Ctrl-C stops it)")
        let (busy, none) = UpdateTests.press(asked, [.character("j")])
        #expect(none.isEmpty && busy.running == running && busy.status?.isError == true)
        let (cancelling, cancel) = UpdateTests.press(busy, [.escape])
        #expect(cancel == [.cancelWork(id: running.id)])
        // The loop drops the read and says it was cancelled.
        let (after, _) = update(cancelling, .finished(.work(id: running.id, .failed(.cancelled))))
        #expect(after.running == nil && after.status?.text == "stopped; nothing changed")
        var shown = Observed(after)
        shown.status = state.status
        #expect(shown == Observed(state) && after.session.count == state.session.count)
        // The next command runs as usual.
        let (next, _) = Self.run(after, "step")
        #expect(next.session.t == state.session.t + 1)
    }

    @Test func aLessonFileIsAnEffectToo() throws {
        let state = try UpdateTests.start()
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/reset-gate.toml").path
        let (asked, effects) = Self.run(state, "lesson \(path)")
        #expect(effects == [.language(.readLesson(path: path))])
        #expect(Self.unchangedButReading(asked, state) && !asked.isInLesson)
        guard case let .language(effect) = effects.first else { return }
        let (started, _) = update(asked, .finished(.language(effect.perform())))
        #expect(started.isInLesson && started.teaching.lessonTitle == "The reset gate")
        #expect(started.status?.text.hasPrefix("lesson: The reset gate · step 1 of") == true)
    }

    @Test func themesAndExportsAreEffectsAndTheirResultsAreSaid() throws {
        let state = try UpdateTests.start()
        let (_, theme) = Self.run(state, "theme high-contrast")
        #expect(theme == [.loadTheme("high-contrast")])
        let (themed, _) = update(state, .finished(.theme(.success(ThemeChange(name: "high-contrast", source: "built in")))))
        #expect(themed.themeName == "high-contrast" && themed.status?.text == "theme high-contrast (built in)")
        let (failed, _) = update(state, .finished(.theme(.failure(UserError("theme 'x': not found")))))
        #expect(failed.themeName == state.themeName && failed.status == StatusMessage("error: theme 'x': not found", isError: true))
        let (saved, _) = update(state, .finished(.export(path: "a.svg", .success(()))))
        #expect(saved.status?.text == "saved the screen to a.svg")
        let exists = update(state, .finished(.export(path: "a.svg", .failure(UserError(key: "error.file.exists", ["file": "a.svg", "command": "export"]))))).0
        #expect(exists.status?.text == "error: a.svg already exists; write export! a.svg to replace it")
    }

    @Test func answersNeverCarryControlCharactersToTheScreen() throws {
        let state = try UpdateTests.start()
        let (after, _) = Self.run(state, "lesson \u{1B}]0;PWNED\u{07}")
        let text = after.status?.text ?? ""
        #expect(after.status?.isError == true && !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
        #expect(text.contains("\\e]0;PWNED\\x07"))
    }
}
