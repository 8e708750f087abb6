import Localization

/// A run of text in one style; a paragraph of mixed styles is an array of spans.
/// A newline inside a span starts a new line.
public struct TextSpan: Sendable, Hashable {
    /// The text.
    public var text: String
    /// How it is drawn.
    public var style: Style

    /// A span from its parts.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == TextSpan {
    /// The columns the spans take on one line.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The spans' text without styles.
    public var plainText: String { map(\.text).joined() }
}
