import Glibc
import Testing
import Widgets

@testable import Terminal

@Suite struct CellCharactersTests {
    private func characters(_ character: Character) -> [UInt32] {
        var buffer = [wchar_t](repeating: 99, count: CellCharacters.maximumCount + 1)
        let count = CellCharacters.fill(&buffer, with: character)
        #expect(buffer[count] == 0, "zero-terminated")
        return buffer[0..<count].map { UInt32(bitPattern: $0) }
    }

    @Test func plainAndWideCharactersAreOneCharacter() {
        #expect(characters("a") == [0x61])
        #expect(characters("█") == [0x2588])
        #expect(characters("日") == [0x65E5])
    }

    @Test func combiningMarksFollowTheirBase() {
        #expect(characters("e\u{301}") == [0x65, 0x301])
    }

    @Test func controlCharactersBecomeASpace() {
        #expect(characters("\t") == [0x20])
        #expect(characters("\u{1B}") == [0x20])
        #expect(characters("\u{85}") == [0x20])
    }

    @Test func aSecondSpacingCharacterIsDropped() {
        // 👍🏽: a thumb and a skin tone, both spacing: only the thumb fits a cell.
        #expect(characters("👍🏽") == [0x1F44D])
    }

    @Test func atMostFourCombiningMarksAreKept() {
        let heavy = Character("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}")
        #expect(characters(heavy).count == CellCharacters.maximumCount)
    }

    @Test func attributesMapToDistinctCursesBits() {
        let all: [TextAttributes] = [.bold, .reverse, .underline, .dim]
        let bits = all.map(\.cursesAttributes)
        #expect(Set(bits).count == 4)
        #expect(TextAttributes().cursesAttributes == 0)
        #expect(TextAttributes([.bold, .dim]).cursesAttributes == TextAttributes.bold.cursesAttributes | TextAttributes.dim.cursesAttributes)
    }
}
