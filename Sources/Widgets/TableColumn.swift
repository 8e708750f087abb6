/// One column of a ``Table``: a title, a width and how its text sits in it.
public struct TableColumn: Sendable, Hashable {
    /// Where text sits in its cell.
    public enum Alignment: Sendable, Hashable {
        /// Against the left edge.
        case left
        /// Against the right edge (numbers).
        case right
        /// In the middle, any odd column to the right.
        case center
    }

    /// The header text.
    public var title: String
    /// Columns taken.
    public var width: Int
    /// Where text sits.
    public var alignment: Alignment
    /// Whether the column takes a share of the room left over by the others.
    public var grows: Bool

    /// A column from its parts.
    public init(_ title: String, width: Int, alignment: Alignment = .left, grows: Bool = false) {
        self.title = title
        self.width = max(0, width)
        self.alignment = alignment
        self.grows = grows
    }
}
