import App
import Testing

@testable import Terminal

@Suite struct InputDecoderTests {
    private func decode(_ value: UInt32) -> InputDecoding { InputDecoder.decode(.character(value)) }
    private func decodeKey(_ code: Int32) -> InputDecoding { InputDecoder.decode(.keyCode(code)) }

    @Test func printableCharactersBecomeCharacterKeys() {
        #expect(decode(UInt32(UInt8(ascii: "q"))) == .event(.key(.character("q"))))
        #expect(decode(UInt32(UInt8(ascii: " "))) == .event(.key(.character(" "))))
        #expect(decode(0xE9) == .event(.key(.character("é"))))
        #expect(decode(0x65E5) == .event(.key(.character("日"))))
        #expect(decode(0x1F600) == .event(.key(.character("😀"))))
    }

    @Test func controlLettersBecomeControlKeys() {
        #expect(decode(1) == .event(.key(.control("a"))))
        #expect(decode(12) == .event(.key(.control("l"))))
        #expect(decode(19) == .event(.key(.control("s"))))
        #expect(decode(26) == .event(.key(.control("z"))))
    }

    @Test func ctrlCAsAByteIsAnInterrupt() {
        #expect(decode(3) == .event(.interrupt))
    }

    @Test func enterTabBackspaceAndEscapeHaveTheirOwnKeys() {
        #expect(decode(10) == .event(.key(.enter)))
        #expect(decode(13) == .event(.key(.enter)))
        #expect(decodeKey(CursesCodes.enter) == .event(.key(.enter)))
        #expect(decode(9) == .event(.key(.tab)))
        #expect(decodeKey(CursesCodes.backTab) == .event(.key(.backTab)))
        #expect(decode(127) == .event(.key(.backspace)))
        #expect(decode(8) == .event(.key(.backspace)))
        #expect(decodeKey(CursesCodes.backspace) == .event(.key(.backspace)))
        #expect(decode(27) == .event(.key(.escape)))
        #expect(decodeKey(CursesCodes.delete) == .event(.key(.delete)))
    }

    @Test func navigationKeys() {
        #expect(decodeKey(CursesCodes.up) == .event(.key(.up)))
        #expect(decodeKey(CursesCodes.down) == .event(.key(.down)))
        #expect(decodeKey(CursesCodes.left) == .event(.key(.left)))
        #expect(decodeKey(CursesCodes.right) == .event(.key(.right)))
        #expect(decodeKey(CursesCodes.home) == .event(.key(.home)))
        #expect(decodeKey(CursesCodes.end) == .event(.key(.end)))
        #expect(decodeKey(CursesCodes.pageUp) == .event(.key(.pageUp)))
        #expect(decodeKey(CursesCodes.pageDown) == .event(.key(.pageDown)))
    }

    @Test(arguments: 1...12)
    func functionKeysOneToTwelve(n: Int) {
        #expect(decodeKey(CursesCodes.function(Int32(n))) == .event(.key(.function(n))))
    }

    @Test func functionKeysOutsideOneToTwelveAreIgnored() {
        #expect(decodeKey(CursesCodes.function(0)) == .ignore)
        #expect(decodeKey(CursesCodes.function(13)) == .ignore)
    }

    @Test func mouseAndResizeNeedTheTerminal() {
        #expect(decodeKey(CursesCodes.mouse) == .readMouse)
        #expect(decodeKey(CursesCodes.resize) == .resized)
    }

    @Test func unknownCodesAndStrayControlsAreIgnored() {
        #expect(decode(0) == .ignore)
        #expect(decode(28) == .ignore)
        #expect(decode(31) == .ignore)
        #expect(decode(0x85) == .ignore)
        #expect(decode(0xD800) == .ignore)  // a lone surrogate is no character
        #expect(decode(0x110000) == .ignore)
        #expect(decodeKey(0o777) == .ignore)
    }

    @Test func mouseButtonStates() {
        #expect(InputDecoder.mouseAction(buttonState: CursesCodes.button1Pressed) == .click)
        #expect(InputDecoder.mouseAction(buttonState: CursesCodes.button1Clicked) == .click)
        #expect(InputDecoder.mouseAction(buttonState: CursesCodes.button4Pressed) == .wheelUp)
        #expect(InputDecoder.mouseAction(buttonState: CursesCodes.button5Pressed) == .wheelDown)
        #expect(InputDecoder.mouseAction(buttonState: 0) == nil)
    }
}
