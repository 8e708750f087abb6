import Localization

/// One terminal cell of a ``Grid``: a character and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds it, the second is a
/// continuation that draws nothing, so a row's cells always match the terminal's columns.
///
/// A cell is 8 bytes of plain data: the character is kept as one number (see ``code``), so a
/// grid of twelve thousand cells is filled, copied and compared as memory every frame, with no
/// string to reference-count or compare grapheme by grapheme.
///
/// Two cells are equal when they hold the same scalars in the same style: a precomposed `é` and
/// `e` followed by a combining acute accent draw alike but are different cells.
public struct Cell: Sendable, Hashable {
    /// The character as one number: the value of its Unicode scalar when it is a single scalar
    /// (nearly always), else a number above the scalar range standing for the whole cluster
    /// (see ``ClusterTable``).
    public private(set) var code: UInt32
    /// How it is drawn.
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// A cell from its parts.
    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.code = Self.code(of: character)
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A cell holding one Unicode scalar: the cheap way to make a cell.
    public init(scalar: Unicode.Scalar, style: Style = .plain, isContinuation: Bool = false) {
        self.code = scalar.value
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A cell from a code another cell gave.
    init(code: UInt32, style: Style = .plain) {
        self.code = code
        self.style = style
        self.isContinuation = false
    }

    /// An empty cell in the plain style.
    public static let blank = Cell(scalar: " ")

    /// The character drawn here; a space for empty cells.
    public var character: Character {
        get {
            if let scalar = singleScalar { return Character(scalar) }
            return ClusterTable.character(for: code)
        }
        set { code = Self.code(of: newValue) }
    }

    /// The character's only scalar, or nil when it is a cluster of several (a letter with
    /// combining marks, an emoji sequence).
    public var singleScalar: Unicode.Scalar? {
        code <= ClusterTable.lastScalar ? Unicode.Scalar(code) : nil
    }

    /// The character's first scalar, the one that decides its width (see ``DisplayWidth``).
    public var firstScalar: Unicode.Scalar {
        singleScalar ?? ClusterTable.character(for: code).unicodeScalars.first ?? " "
    }

    /// The code of a character: its scalar's value, or its cluster's number.
    static func code(of character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0x20 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        return ClusterTable.code(for: character)
    }
}
