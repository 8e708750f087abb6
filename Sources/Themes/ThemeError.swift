/// Why a theme could not be used, for one status line:
/// `themes/bad.toml line 7: role 'kept': unknown colour 'tael' (use #RRGGBB or a [palette] name)`.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user gave or the library found it (or the theme name if none was found).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The dotted key path of the offending entry, e.g. `roles.kept.fg`, when there is one.
    public var key: String?
    /// What is wrong and what was expected.
    public var message: String

    /// An error from its parts.
    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// The one-line message: file, line, then what is wrong.
    public var description: String {
        if let line { return "\(file) line \(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension ThemeError {
    /// A theme file over ``Theme/maximumFileSize``, refused before it is read.
    static func tooLarge(file: String, bytes: Int) -> ThemeError {
        ThemeError(file: file, message: "is \(bytes) bytes; a theme may be at most \(Theme.maximumFileSize) bytes (a theme needs a few kilobytes)")
    }
}
