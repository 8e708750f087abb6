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
}
