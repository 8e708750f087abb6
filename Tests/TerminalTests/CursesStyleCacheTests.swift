import Glibc
import Testing
import Themes
import Widgets

@testable import Terminal

@Suite struct CursesStyleCacheTests {
    func entry(_ style: Style, _ theme: ResolvedTheme, pair: Int32 = 1) -> CursesStyleCache.Entry {
        CursesStyleCache.Entry(style: style, resolved: theme.resolve(style), attributes: 0, pair: pair)
    }

    @Test func storesByStyleAndNoticesAThemeChange() {
        let dark = ResolvedTheme(theme: .default, depth: .palette256)
        let mono = ResolvedTheme(theme: .mono, depth: .palette256)
        var cache = CursesStyleCache()
        #expect(cache.isEmpty)
        let styles = [Style(.kept), Style(.dim, background: .selection, attributes: [.bold, .reverse]), .plain]
        for (n, style) in styles.enumerated() { cache.store(entry(style, dark, pair: Int32(n + 1))) }
        #expect(!cache.isEmpty)
        for (n, style) in styles.enumerated() { #expect(cache[style]?.pair == Int32(n + 1)) }
        #expect(cache[Style(.kept, attributes: .bold)] == nil)
        #expect(!cache.isStale(dark.resolve))
        #expect(cache.isStale(mono.resolve))
        cache.removeAll()
        #expect(cache.isEmpty)
        #expect(cache[Style(.kept)] == nil)
    }

    @Test func aSpaceLooksAlikeInStylesThatShareItsBackgroundReverseAndUnderline() {
        let theme = ResolvedTheme(theme: .default, depth: .palette256)
        func entry(_ style: Style, pair: Int32) -> CursesStyleCache.Entry {
            CursesStyleCache.Entry(style: style, resolved: theme.resolve(style), attributes: style.attributes.cursesAttributes, pair: pair)
        }
        let dimNumber = entry(Style(.dim), pair: 1), bar = entry(Style(.kept, attributes: .bold), pair: 2)
        let plain = entry(.plain, pair: 0)
        // Colour of the character, bold and dim do not show on a space.
        #expect(dimNumber.drawsSpace(like: bar) && bar.drawsSpace(like: plain) && plain.drawsSpace(like: dimNumber))
        // A background, reverse video or an underline does.
        let selected = entry(Style(.dim, background: .selection), pair: 3)
        #expect(theme.resolve(Style(.dim, background: .selection)).background != theme.resolve(.plain).background)
        #expect(!selected.drawsSpace(like: dimNumber) && !dimNumber.drawsSpace(like: selected))
        #expect(!entry(Style(.dim, attributes: .reverse), pair: 1).drawsSpace(like: dimNumber))
        #expect(!entry(Style(.dim, attributes: .underline), pair: 1).drawsSpace(like: dimNumber))
        // Reversed, the character's colour is the background: the same only with the same colour.
        let reversedKept = entry(Style(.kept, attributes: .reverse), pair: 2)
        #expect(reversedKept.drawsSpace(like: entry(Style(.kept, attributes: [.reverse, .bold]), pair: 4)))
        #expect(!reversedKept.drawsSpace(like: entry(Style(.dim, attributes: .reverse), pair: 1)))
        // The same pair and attributes: alike whatever the styles' names (no colour: every pair is 0).
        #expect(entry(Style(.dim, background: .selection), pair: 0).drawsSpace(like: entry(.plain, pair: 0)))
    }

    @Test func everyStyleHasItsOwnIndex() {
        var seen = Set<Int>()
        for foreground in Role.allCases {
            for background in [nil] + Role.allCases.map(Optional.some) {
                for bits in 0..<UInt8(16) {
                    let index = Style(foreground, background: background, attributes: TextAttributes(rawValue: bits)).index
                    #expect((0..<Style.count).contains(index))
                    seen.insert(index)
                }
            }
        }
        #expect(seen.count == Style.count)
    }

    @Test func cellsFillTheBufferAsTheirCharactersDo() {
        let characters: [Character] = ["a", "█", "日", "\t", "\u{1B}", "e\u{301}", "👍🏽", Character("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}")]
        for character in characters {
            var fromCharacter = [wchar_t](repeating: 99, count: CellCharacters.maximumCount + 1)
            let count = CellCharacters.fill(&fromCharacter, with: character)
            var fromCell = [wchar_t](repeating: 99, count: CellCharacters.maximumCount + 1)
            let cellCount = fromCell.withUnsafeMutableBufferPointer { CellCharacters.fill($0, with: Cell(character)) }
            #expect(cellCount == count)
            #expect(fromCell[0...count] == fromCharacter[0...count])
        }
    }
}
