import Widgets

/// A colour as a terminal can show it, after a theme colour was fitted to the terminal's depth.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// A palette index: 0–7 (8 colours), 0–15 (16), 0–255 (256).
    case indexed(Int)
    /// A 24-bit colour, for terminals with direct colour.
    case rgb(RGB)
}

/// A 24-bit colour.
public struct RGB: Hashable, Sendable {
    /// Red, 0–255.
    public var red: UInt8
    /// Green, 0–255.
    public var green: UInt8
    /// Blue, 0–255.
    public var blue: UInt8

    /// A colour from its channels.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }
}

/// How many colours the terminal can show.
public enum ColorDepth: String, CaseIterable, Hashable, Sendable, Comparable {
    /// No colour at all (NO_COLOR, TERM=dumb, or a monochrome terminal): attributes only.
    case none
    /// The 8 ANSI colours.
    case ansi8
    /// The 16 ANSI colours with bright variants.
    case ansi16
    /// The xterm 256-colour palette.
    case palette256
    /// 24-bit direct colour.
    case trueColor

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A style fitted to one terminal: concrete colours and attributes.
public struct ResolvedStyle: Hashable, Sendable {
    /// The character's colour.
    public var foreground: TerminalColor
    /// The cell's colour.
    public var background: TerminalColor
    /// Bold, reverse, underline, dim.
    public var attributes: TextAttributes

    /// A resolved style from its parts.
    public init(foreground: TerminalColor, background: TerminalColor, attributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
