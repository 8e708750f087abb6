import Localization

/// A one-line message on the status line: the answer to the last action, or an error.
public struct StatusMessage: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Whether it reports a mistake.
    public var isError: Bool

    /// A message from its parts.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// A panel drawn over the screen until the next key.
public enum Overlay: Sendable, Equatable {
    /// The key list, with an explanation of a column when one is focused.
    case help(GateColumn?)
    /// What the timeline, retention and influence show, with the key list.
    case timelineHelp
    /// Several lines of command output (`:help`, `:show`, `:trace` …).
    case output(title: String, lines: [String])
}

/// What a panel's text and size depend on (``AppState/overlayMeasure``): the panel, the screen's
/// size, the keys listed, the language, the glyphs, the theme named and the session.
struct OverlayMeasure: Sendable, Equatable {
    var overlay: Overlay?
    var width: Int, height: Int
    var contexts: [KeyContext]
    var language: Language
    var ascii: Bool
    var themeName: String
    var revision: Int
}
