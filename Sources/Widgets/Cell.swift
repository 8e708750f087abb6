/// One terminal cell of a ``Grid``: a character and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds it, the second is a
/// continuation that draws nothing, so a row's cells always match the terminal's columns.
public struct Cell: Sendable, Hashable {
    /// The character drawn here; a space for empty cells.
    public var character: Character
    /// How it is drawn.
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// A cell from its parts.
    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// An empty cell in the plain style.
    public static let blank = Cell()
}
