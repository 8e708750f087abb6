import Testing
import Themes
import Widgets

@Suite struct ColorDepthTests {
    @Test func noColorNonEmptyDisablesColour() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminalColors: 256) == .none)
    }

    @Test func noColorEmptyIsIgnored() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .palette256)
    }

    @Test func dumbTerminal() {
        #expect(ColorDepth.detect(environment: ["TERM": "dumb", "COLORTERM": "truecolor"], terminalColors: 8) == .none)
    }

    @Test func colorTermAloneCannotGiveDirectColour() {
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 256) == .palette256)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit"], terminalColors: 8) == .ansi8)
    }

    @Test func byColourCount() {
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16_777_216) == .trueColor)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 256) == .palette256)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 88) == .ansi16)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16) == .ansi16)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 8) == .ansi8)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 2) == .none)
        #expect(ColorDepth.detect(environment: [:], terminalColors: -1) == .none)
    }
}

@Suite struct ColorMatchTests {
    @Test func hexParsing() {
        #expect(RGB(hex: "#2ec4b6") == RGB(0x2e, 0xc4, 0xb6))
        #expect(RGB(hex: "#2EC4B6") == RGB(0x2e, 0xc4, 0xb6))
        #expect(RGB(hex: "2ec4b6") == nil)
        #expect(RGB(hex: "#2ec4b") == nil)
        #expect(RGB(hex: "#2ec4bg") == nil)
        #expect(RGB(hex: "#２ec4b6") == nil)
        #expect(RGB(0x2e, 0xc4, 0xb6).hex == "#2ec4b6")
    }

    @Test func xtermPalette() {
        #expect(ColorMatch.xtermRGB(index: 16) == RGB(0, 0, 0))
        #expect(ColorMatch.xtermRGB(index: 196) == RGB(255, 0, 0))
        #expect(ColorMatch.xtermRGB(index: 67) == RGB(95, 135, 175))
        #expect(ColorMatch.xtermRGB(index: 232) == RGB(8, 8, 8))
        #expect(ColorMatch.xtermRGB(index: 255) == RGB(238, 238, 238))
        #expect(ColorMatch.xtermRGB(index: 9) == RGB(255, 0, 0))
    }

    @Test func exactColoursMapToThemselves() {
        for index in 16..<256 {
            #expect(ColorMatch.nearest256(ColorMatch.xtermRGB(index: index)) == index || ColorMatch.xtermRGB(index: ColorMatch.nearest256(ColorMatch.xtermRGB(index: index))) == ColorMatch.xtermRGB(index: index))
        }
    }

    @Test func nearest256() {
        #expect(ColorMatch.nearest256(RGB(250, 5, 5)) == 196)
        #expect(ColorMatch.nearest256(RGB(128, 128, 128)) == 244)
        #expect(ColorMatch.nearest256(RGB(100, 130, 180)) == 67)
        #expect(ColorMatch.nearest256(RGB(5, 210, 170)) == 43)
        #expect(ColorMatch.nearest256(RGB(30, 30, 30)) == 234)
    }

    @Test func nearestANSI() {
        #expect(ColorMatch.nearestANSI(RGB(250, 5, 5), count: 16) == 9)
        #expect(ColorMatch.nearestANSI(RGB(200, 0, 0), count: 16) == 1)
        #expect(ColorMatch.nearestANSI(RGB(250, 5, 5), count: 8) == 1)
        #expect(ColorMatch.nearestANSI(RGB(30, 30, 30), count: 16) == 0)
        #expect(ColorMatch.nearestANSI(RGB(30, 30, 30), count: 16, excluding: 0) == 8)
        #expect(ColorMatch.nearestANSI(RGB(240, 240, 240), count: 8) == 7)
    }

    @Test func perceptualDistancePrefersHueOverRawDifference() {
        // Green differences weigh most: a small green shift is “further” than the same red shift.
        #expect(ColorMatch.distance(RGB(100, 100, 100), RGB(100, 130, 100)) > ColorMatch.distance(RGB(100, 100, 100), RGB(130, 100, 100)))
    }
}
