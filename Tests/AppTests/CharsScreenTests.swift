import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import Widgets
@testable import App

/// The trained character model (`--scene chars`) on the screen: the x row says which character
/// x_t stands for, and the timeline has a row of the sequence's characters over its strips.
@Suite struct CharsScreenTests {
    static func chars(_ width: Int, _ height: Int, ascii: Bool = false, language: Language = .en) throws -> AppState {
        let session = try Session(scene: try Scene.named("chars"))
        return AppState(session: session, teaching: TeachingCommands(language: language), width: width, height: height, ascii: ascii)
    }

    /// The keys of `:line` then Enter, each through `update`, time work carried out.
    static func typing(_ line: String, on state: AppState) -> AppState {
        TimelineScreenTests.pressing([.character(":")] + line.map { Key.character($0) } + [.enter], on: state)
    }

    static func screen(_ state: AppState) -> String { view(state).plainText }

    @Test func theXRowNamesTheCharacterOfEveryStep() throws {
        var state = TimelineScreenTests.pressing([], on: try Self.chars(80, 24))
        let hello = Array("hello")
        for t in 0..<hello.count {
            #expect(state.session.t == t)
            #expect(state.xCharacterNote == "= \"\(hello[t])\"")
            let xRow = Self.screen(state).split(separator: "\n")[state.layout.xRow.y]
            #expect(xRow.hasSuffix("= \"\(hello[t])\""), "\(xRow)")
            state = TimelineScreenTests.pressing([.character(")")], on: state)
        }
    }

    @Test func anXThatIsNotOneHotIsNoCharacter() throws {
        var state = Self.typing("x = 0.5", on: try Self.chars(80, 24))
        #expect(state.status?.isError != true, "\(state.status?.text ?? "")")
        #expect(state.xCharacterNote == "not a character")
        #expect(Self.screen(state).split(separator: "\n")[state.layout.xRow.y].hasSuffix("not a character"))
        // A typed character makes it one again; a space shows as a visible mark.
        state = Self.typing("x = \" \"", on: state)
        #expect(state.xCharacterNote == "= \"␣\"")
        let chinese = try Self.chars(80, 24, language: .zh)
        #expect(Self.typing("x = 0", on: chinese).xCharacterNote == "不是字符")
    }

    @Test func asciiFoldsTheSpace() throws {
        let state = Self.typing("x = \" \"", on: try Self.chars(80, 24, ascii: true))
        #expect(state.xCharacterNote == "= \"_\"")
        let ascii = Self.screen(state).unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test func theTimelineSpellsTheSequence() throws {
        let state = Self.typing("inputs \"the cat sat on the mat.\"", on: try Self.chars(120, 40))
        #expect(state.session.count == 23)
        let characters = try #require(state.layout.timeline?.characters)
        let text = Self.screen(state).split(separator: "\n", omittingEmptySubsequences: false)[characters.y]
        #expect(text.contains("the␣cat␣sat␣on␣the␣mat."), "\(text)")
        let ascii = Self.typing("inputs \"the cat sat on the mat.\"", on: try Self.chars(120, 40, ascii: true))
        let asciiText = Self.screen(ascii).split(separator: "\n", omittingEmptySubsequences: false)[characters.y]
        #expect(asciiText.contains("the_cat_sat_on_the_mat."), "\(asciiText)")
    }

    @Test func clicksOnTheXRowStillHitTheirValue() throws {
        let state = try Self.chars(80, 24)
        let layout = state.layout
        #expect(layout.xCharacter.width > 0 && layout.xRow.maxX == layout.xCharacter.x)
        // The h row keeps its full width: x shows fewer values, h as many as before.
        #expect(layout.visibleValues(in: layout.hRow) > layout.visibleValues)
        let x = layout.valueX(index: 2, first: 0) + 1
        let clicked = update(state, .mouse(MouseEvent(.click, x: x, y: layout.xRow.y))).0
        #expect(clicked.focus == .x && clicked.inputIndex == 2)
        let onNote = update(state, .mouse(MouseEvent(.click, x: layout.xCharacter.x + 2, y: layout.xRow.y))).0
        #expect(onNote.focus == state.focus && onNote.inputIndex == state.inputIndex)
    }

    @Test func snapshotsAt80x24And120x40() throws {
        let hello = TimelineScreenTests.pressing([.character(")"), .character(")")], on: try Self.chars(80, 24))
        ScreenSnapshotTests.check(hello, "chars-hello-80x24")
        let cat = Self.typing("inputs \"the cat sat on the mat.\"", on: try Self.chars(120, 40))
        ScreenSnapshotTests.check(TimelineScreenTests.pressing([.character(")"), .character(")"), .character(")")], on: cat), "chars-the-cat-120x40")
        let ascii = TimelineScreenTests.pressing([.character(")")], on: try Self.chars(80, 24, ascii: true))
        ScreenSnapshotTests.check(ascii, "chars-ascii-80x24")
        let chinese = Self.typing("x = 0.5", on: try Self.chars(80, 24, language: .zh))
        ScreenSnapshotTests.check(TimelineScreenTests.pressing([.escape], on: chinese), "chars-zh-not-a-character-80x24")
    }
}
