import Widgets

/// What a theme says about one role: colours (nil means “the screen's”) and attributes.
public struct RoleStyle: Sendable, Hashable {
    /// The text colour.
    public var foreground: ThemeColor?
    /// The cell colour.
    public var background: ThemeColor?
    /// Bold, reverse, underline, dim.
    public var attributes: TextAttributes

    /// A role style from its parts.
    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Whether it names any colour.
    public var usesColour: Bool { foreground != nil || background != nil }
}
