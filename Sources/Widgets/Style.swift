/// How one cell is drawn: a foreground role, an optional background role and attributes.
public struct Style: Sendable, Hashable, Codable {
    /// The role that colours the character.
    public var foreground: Role
    /// The role that colours the cell behind it, or nil for the terminal's own background.
    public var background: Role?
    /// Attributes added to whatever the theme gives the roles.
    public var attributes: TextAttributes

    /// A style from its parts.
    public init(_ foreground: Role = .text, background: Role? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Ordinary text.
    public static let plain = Style()

    /// How many distinct styles there are: every foreground role, background role or none,
    /// and the four attributes in any combination.
    public static let count = Role.count * (Role.count + 1) * 16

    /// A dense number in `0..<Style.count`, the same for equal styles, for array lookups where a
    /// dictionary keyed by style would cost a hash per cell.
    public var index: Int {
        let background = background.map { $0.ordinal + 1 } ?? 0
        return (foreground.ordinal * (Role.count + 1) + background) * 16 + Int(attributes.rawValue & 0x0F)
    }
}
