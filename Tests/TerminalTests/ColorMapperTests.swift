import Testing
import Themes

@testable import Terminal

@Suite struct ColorMapperTests {
    @Test func terminalDefaultIsMinusOneWhenDefaultColoursWork() {
        let mapper = ColorMapper(colorCount: 256, hasDefaultColors: true)
        #expect(mapper.number(for: .terminalDefault, isForeground: true) == -1)
        #expect(mapper.number(for: .terminalDefault, isForeground: false) == -1)
    }

    @Test func terminalDefaultIsWhiteOnBlackWithoutDefaultColours() {
        let mapper = ColorMapper(colorCount: 8, hasDefaultColors: false)
        #expect(mapper.number(for: .terminalDefault, isForeground: true) == 7)
        #expect(mapper.number(for: .terminalDefault, isForeground: false) == 0)
    }

    @Test func indicesTheTerminalHasPassThrough() {
        let mapper = ColorMapper(colorCount: 256, hasDefaultColors: true)
        #expect(mapper.number(for: .indexed(0), isForeground: true) == 0)
        #expect(mapper.number(for: .indexed(208), isForeground: true) == 208)
        #expect(mapper.number(for: .indexed(255), isForeground: false) == 255)
    }

    @Test func indicesBeyondTheTerminalAreFittedDown() {
        let eight = ColorMapper(colorCount: 8, hasDefaultColors: true)
        #expect(eight.number(for: .indexed(196), isForeground: true) == 1)  // bright red → red
        #expect(eight.number(for: .indexed(9), isForeground: true) == 1)
        #expect(eight.number(for: .indexed(231), isForeground: true) == 7)  // white → light grey
        let sixteen = ColorMapper(colorCount: 16, hasDefaultColors: true)
        #expect(sixteen.number(for: .indexed(196), isForeground: true) == 9)
        #expect(sixteen.number(for: .indexed(-3), isForeground: true) == 0)
    }

    @Test func rgbIsFittedToThePaletteWithoutDirectColour() {
        let palette = ColorMapper(colorCount: 256, hasDefaultColors: true)
        #expect(palette.number(for: .rgb(RGB(255, 0, 0)), isForeground: true) == 9)
        #expect(palette.number(for: .rgb(RGB(255, 135, 0)), isForeground: true) == 208)
        #expect(palette.number(for: .rgb(RGB(128, 128, 128)), isForeground: true) == 244)
        #expect(palette.number(for: .rgb(RGB(127, 127, 127)), isForeground: true) == 8)
        #expect(palette.number(for: .rgb(RGB(78, 78, 78)), isForeground: true) == 239)
        let eight = ColorMapper(colorCount: 8, hasDefaultColors: true)
        #expect(eight.number(for: .rgb(RGB(0, 200, 0)), isForeground: true) == 2)
        #expect(eight.number(for: .rgb(RGB(10, 10, 10)), isForeground: true) == 0)
    }

    @Test func directColourPacksRgb() {
        let direct = ColorMapper(colorCount: 1 << 24, hasDefaultColors: true)
        #expect(direct.isDirectColor)
        #expect(direct.number(for: .rgb(RGB(0x12, 0x34, 0x56)), isForeground: true) == 0x123456)
        // Numbers below 8 mean ANSI colours to a direct-colour terminal.
        #expect(direct.number(for: .rgb(RGB(0, 0, 0)), isForeground: true) == 8)
        #expect(direct.number(for: .rgb(RGB(0, 0, 5)), isForeground: true) == 8)
    }

    @Test func directColourKeepsAnsiIndicesAndConvertsTheRest() {
        let direct = ColorMapper(colorCount: 1 << 24, hasDefaultColors: true)
        #expect(direct.number(for: .indexed(3), isForeground: true) == 3)
        #expect(direct.number(for: .indexed(208), isForeground: true) == 0xFF8700)
        #expect(direct.number(for: .indexed(232), isForeground: true) == 0x080808)
    }

    @Test func paletteEntries() {
        #expect(XtermPalette.rgb(ofIndex: 16) == RGB(0, 0, 0))
        #expect(XtermPalette.rgb(ofIndex: 21) == RGB(0, 0, 255))
        #expect(XtermPalette.rgb(ofIndex: 196) == RGB(255, 0, 0))
        #expect(XtermPalette.rgb(ofIndex: 231) == RGB(255, 255, 255))
        #expect(XtermPalette.rgb(ofIndex: 255) == RGB(238, 238, 238))
        #expect(XtermPalette.rgb(ofIndex: 999) == RGB(238, 238, 238))
        for index in 0..<256 {
            #expect(XtermPalette.nearestIndex(to: XtermPalette.rgb(ofIndex: index), paletteSize: 256) <= index)
        }
    }
}
