import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import Widgets
@testable import App

/// Undo and redo (`u`, Ctrl-R, `:undo N`) and what the status line says, under `--ascii` /
/// `LANG=C` (every character ASCII) and in Chinese.
@Suite struct UndoLanguageTests {
    static func start(ascii: Bool = false, language: Language = .en) throws -> AppState {
        AppState(session: try Session(scene: .seedDoc), teaching: TeachingCommands(language: language), width: 80, height: 24, ascii: ascii)
    }

    static func press(_ state: AppState, _ keys: [Key]) -> AppState { UpdateTests.press(state, keys).0 }

    static func typing(_ line: String, on state: AppState) -> AppState {
        press(state, [.character(":")] + line.map { Key.character($0) } + [.enter])
    }

    /// The status line as drawn, trailing spaces dropped.
    static func statusLine(_ state: AppState) -> String {
        String(view(state).plainLine(state.layout.status.y).reversed().drop { $0 == " " }.reversed())
    }

    static func isASCII(_ state: AppState) -> Bool {
        view(state).plainText.unicodeScalars.allSatisfy { $0.isASCII }
    }

    @Test func underASCIIEveryWordOfUndoAndRedoIsASCII() throws {
        var state = Self.press(try Self.start(ascii: true), [.character(" ")])
        #expect(state.session.t == 1)
        state = Self.press(state, [.character("r")])
        #expect(Self.statusLine(state).hasSuffix("(u takes them back)"), "\(Self.statusLine(state))")
        #expect(Self.isASCII(state))
        state = Self.press(state, [.character("u")])
        #expect(Self.statusLine(state).hasPrefix("undid: new random"), "\(Self.statusLine(state))")
        #expect(Self.isASCII(state))
        state = Self.press(state, [.character("u")])
        #expect(Self.statusLine(state).hasPrefix("undid: step from t=0 to t=1") && state.session.t == 0, "\(Self.statusLine(state))")
        #expect(Self.isASCII(state))
        state = Self.press(state, [.control("r")])
        #expect(Self.statusLine(state).hasPrefix("redid: step from t=0 to t=1") && state.session.t == 1, "\(Self.statusLine(state))")
        #expect(Self.isASCII(state))
        // Two at once: the status line joins them with an ASCII separator.
        state = Self.typing("undo 2", on: state)
        #expect(state.session.t == 0)
        state = Self.typing("redo 2", on: state)
        // Too long for the status line at 80 columns: the answer opens as a panel, in ASCII.
        let both = view(state).plainText
        #expect(both.contains("redid: step from t=0 to t=1") && both.contains("redid: new random"), "\(both)")
        #expect(Self.isASCII(state))
        state = Self.press(state, [.control("r")])
        #expect(Self.statusLine(state) == "error: there is nothing to redo")
        #expect(Self.isASCII(state))
        // The help panel names both keys in ASCII.
        let help = Self.press(try Self.start(ascii: true), [.character("?")])
        let panel = view(help).plainText
        #expect(panel.contains("u") && panel.contains("undo the last change"), "\(panel)")
        #expect(panel.contains("C-r") && panel.contains("redo what u undid"), "\(panel)")
        #expect(Self.isASCII(help))
    }

    @Test func inChineseUndoAndRedoSayWhatInChinese() throws {
        var state = Self.press(try Self.start(language: .zh), [.character(" ")])
        state = Self.press(state, [.character("r")])
        #expect(Self.statusLine(state).hasSuffix("（按 u 撤销）"), "\(Self.statusLine(state))")
        state = Self.press(state, [.character("u"), .character("u")])
        #expect(Self.statusLine(state) == "已撤销：从 t=0 到 t=1 的一步" || Self.statusLine(state).hasPrefix("已撤销："), "\(Self.statusLine(state))")
        #expect(state.session.t == 0)
        state = Self.press(state, [.control("r")])
        #expect(Self.statusLine(state).hasPrefix("已重做："), "\(Self.statusLine(state))")
        #expect(state.session.t == 1)
        state = Self.typing("redo 5", on: state)
        #expect(Self.statusLine(state).hasPrefix("已重做："))
        state = Self.press(state, [.control("r")])
        #expect(Self.statusLine(state) == "错误：没有可以重做的改动" || Self.statusLine(state).hasSuffix("没有可以重做的改动"), "\(Self.statusLine(state))")
        state = Self.typing("undo 99", on: state)
        state = Self.press(state, [.character("u")])
        #expect(Self.statusLine(state).hasSuffix("没有可以撤销的改动"), "\(Self.statusLine(state))")
        let help = view(Self.press(try Self.start(language: .zh), [.character("?")])).plainText
        #expect(help.contains("撤销上一个改动") && help.contains("C-r") && help.contains("重做被 u 撤销的改动"), "\(help)")
    }

    @Test func chineseUnderASCIIStillFoldsTheSeparators() throws {
        // --ascii with --lang zh: the words stay Chinese, the drawing characters and the
        // separator between the two answers turn ASCII.
        var state = Self.press(try Self.start(ascii: true, language: .zh), [.character(" "), .character(" ")])
        state = Self.typing("undo 2", on: state)
        let screen = view(state).plainText
        #expect(screen.contains("已撤销") && !screen.contains("·") && !screen.contains("│"), "\(screen)")
        #expect(state.session.t == 0)
    }
}
