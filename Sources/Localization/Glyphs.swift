/// The characters the widgets draw with: Unicode block and box-drawing characters, or plain
/// ASCII for terminals, fonts and copy-pasted transcripts that cannot show them.
///
/// ASCII bars quantise each cell to four steps: `#` a full cell, `=` at least half a cell,
/// `-` a sliver (one to three eighths), and a space for nothing.
public enum Glyphs: String, Sendable, Hashable, CaseIterable {
    /// Eighth blocks ▏▎▍▌▋▊▉█, box drawing, “…”.
    case unicode
    /// `#`, `=`, `-`, `|`, `+`, “...”.
    case ascii

    /// A left-aligned block covering `eighths` eighths of a cell (0 is a space, 8 or more a full cell).
    public func leftBlock(eighths: Int) -> Character { Character(leftBlockScalar(eighths: eighths)) }

    /// The full-cell block.
    public var fullBlock: Character { leftBlock(eighths: 8) }

    /// The vertical zero line of signed bars.
    public var zeroLine: Character { Character(zeroLineScalar) }

    /// Marks a bar cut off at its right end because the value lies beyond the scale.
    public var clipRight: Character { Character(clipRightScalar) }
    /// Marks a bar cut off at its left end.
    public var clipLeft: Character { Character(clipLeftScalar) }

    // The bars' characters as scalars, which is what their cells hold.

    public func leftBlockScalar(eighths: Int) -> Unicode.Scalar {
        let e = min(max(eighths, 0), 8)
        switch self {
        case .unicode: return Self.unicodeLeftBlock(eighths: e)
        case .ascii: return Self.asciiBlock(eighths: e)
        }
    }

    public var zeroLineScalar: Unicode.Scalar { self == .unicode ? "│" : "|" }
    public var clipRightScalar: Unicode.Scalar { self == .unicode ? "»" : ">" }
    public var clipLeftScalar: Unicode.Scalar { self == .unicode ? "«" : "<" }
    public var notANumberScalar: Unicode.Scalar { "?" }

    /// Says that more content lies to the left of a scrolled row.
    public var moreLeft: Character { self == .unicode ? "‹" : "<" }
    /// Says that more content lies to the right of a scrolled row.
    public var moreRight: Character { self == .unicode ? "›" : ">" }

    /// Ends text that was cut short.
    public var ellipsis: String { self == .unicode ? "…" : "..." }

    /// Marks a value that is not a number (NaN) in a bar.
    public var notANumber: Character { Character(notANumberScalar) }

    /// Box corners and edges for frames and message boxes.
    public var box: BoxGlyphs {
        switch self {
        case .unicode:
            return BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
        case .ascii:
            return BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
        }
    }

    /// ` ▏▎▍▌▋▊▉█`: a switch rather than an array, which every bar cell would retain and release.
    private static func unicodeLeftBlock(eighths e: Int) -> Unicode.Scalar {
        switch e {
        case 1: return "▏"
        case 2: return "▎"
        case 3: return "▍"
        case 4: return "▌"
        case 5: return "▋"
        case 6: return "▊"
        case 7: return "▉"
        case 8: return "█"
        default: return " "
        }
    }

    private static func asciiBlock(eighths e: Int) -> Unicode.Scalar {
        switch e {
        case 8: return "#"
        case 4...7: return "="
        case 1...3: return "-"
        default: return " "
        }
    }
}

/// The six characters of a rectangular frame.
public struct BoxGlyphs: Sendable, Hashable {
    /// The top and bottom edges.
    public var horizontal: Character
    /// The left and right edges.
    public var vertical: Character
    /// The top-left corner.
    public var topLeft: Character
    /// The top-right corner.
    public var topRight: Character
    /// The bottom-left corner.
    public var bottomLeft: Character
    /// The bottom-right corner.
    public var bottomRight: Character

    /// A frame's characters from their parts.
    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }
}
