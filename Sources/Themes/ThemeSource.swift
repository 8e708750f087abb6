/// Where a theme came from, for `gruscope themes` and error messages.
public enum ThemeSource: Sendable, Hashable, CustomStringConvertible {
    /// Compiled into the program.
    case builtIn
    /// Read from this file (the path as found).
    case file(String)

    /// `built in` or the path.
    public var description: String {
        switch self {
        case .builtIn: return "built in"
        case let .file(path): return path
        }
    }
}

/// A theme together with where it came from.
public struct LoadedTheme: Sendable, Hashable {
    /// The theme.
    public var theme: Theme
    /// Where it was found.
    public var source: ThemeSource

    /// A loaded theme from its parts.
    public init(theme: Theme, source: ThemeSource) {
        self.theme = theme
        self.source = source
    }
}

/// One line of `gruscope themes`.
public struct ThemeListing: Sendable, Hashable {
    /// The name to pass to `--theme`.
    public var name: String
    /// The theme's description (empty when the file is broken).
    public var description: String
    /// Where it is.
    public var source: ThemeSource
    /// Why the file cannot be used, if it cannot.
    public var error: ThemeError?

    /// A listing from its parts.
    public init(name: String, description: String, source: ThemeSource, error: ThemeError? = nil) {
        self.name = name
        self.description = description
        self.source = source
        self.error = error
    }
}
