import Testing
import Themes

@testable import Terminal

@Suite struct TerminalColorDepthTests {
    @Test func depthFollowsTheColourCount() {
        let env = ["TERM": "xterm-256color"]
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 0) == ColorDepth.none)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 2) == ColorDepth.none)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 8) == .ansi8)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 16) == .ansi16)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 88) == .ansi16)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 256) == .palette256)
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 1 << 24) == .trueColor)
    }

    @Test func colortermAloneDoesNotGiveTrueColourThroughNcurses() {
        let env = ["TERM": "xterm-256color", "COLORTERM": "truecolor"]
        #expect(TerminalColorDepth.detect(environment: env, terminalColors: 256) == .palette256)
    }

    @Test func noColorAndDumbTurnColourOff() {
        #expect(TerminalColorDepth.detect(environment: ["NO_COLOR": "1"], terminalColors: 256) == ColorDepth.none)
        #expect(TerminalColorDepth.detect(environment: ["TERM": "dumb"], terminalColors: 8) == ColorDepth.none)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(TerminalColorDepth.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .palette256)
    }
}
