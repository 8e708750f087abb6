import Widgets

/// A parsed theme: colours and attributes for each ``Role``. Load one with ``ThemeLibrary`` or
/// ``Theme/parse(_:file:)``; fit it to a terminal with ``ResolvedTheme``.
public struct Theme: Sendable, Hashable {
    /// The terminal background a theme's colours are designed for.
    public enum Appearance: String, Sendable, Hashable, CaseIterable {
        /// Light colours for a dark screen.
        case dark
        /// Dark colours for a light screen.
        case light
    }

    /// The theme's name.
    public var name: String
    /// One line for `gruscope themes`.
    public var description: String
    /// The background the colours are meant for.
    public var appearance: Appearance
    /// Text colour where a role gives none; nil keeps the terminal's.
    public var foreground: ThemeColor?
    /// Colour behind the whole screen; nil keeps the terminal's.
    public var background: ThemeColor?
    /// The roles the theme names; see ``style(for:)`` for the others.
    public var roles: [Role: RoleStyle]

    /// A theme from its parts.
    public init(
        name: String, description: String = "", appearance: Appearance = .dark,
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, roles: [Role: RoleStyle] = [:]
    ) {
        self.name = name
        self.description = description
        self.appearance = appearance
        self.foreground = foreground
        self.background = background
        self.roles = roles
    }

    /// How a role is drawn: as the theme says, or for a role it leaves out, with the mono theme's
    /// attributes (so selection and focus stay visible in any partial theme).
    public func style(for role: Role) -> RoleStyle {
        roles[role] ?? Theme.mono.roles[role] ?? RoleStyle()
    }

    /// Whether the theme names any colour at all (the mono theme does not).
    public var usesColour: Bool {
        foreground != nil || background != nil || roles.values.contains { $0.usesColour }
    }

    /// The compiled-in default (dark) theme, identical to `themes/default.toml`.
    public static let `default`: Theme = parsedBuiltIn("default") ?? Theme(name: "default")

    /// The compiled-in mono theme, identical to `themes/mono.toml`.
    public static let mono: Theme = parsedBuiltIn("mono") ?? Theme(name: "mono")

    /// The largest theme file read, in bytes (the README's limits table, "theme file"): themes
    /// are a few kilobytes, and a larger file is refused before it is read.
    public static let maximumFileSize = 65_536

    /// The compiled-in themes by name: every file of `themes/`, embedded by scripts/embed-assets.
    public static let builtIns: [String: Theme] = Dictionary(uniqueKeysWithValues: ThemeLibrary.builtInNames.map { name in
        (name, builtIn(ThemeLibrary.builtInText(name) ?? "", name: name))
    })

    /// One compiled-in theme, or nil when there is none of that name. Only that one is parsed:
    /// parsing every built-in theme on each start cost 2.5 ms of it.
    public static func builtIn(named name: String) -> Theme? {
        name == "default" ? Theme.default : parsedBuiltIn(name)
    }

    private static func parsedBuiltIn(_ name: String) -> Theme? {
        ThemeLibrary.builtInText(name).map { builtIn($0, name: name) }
    }

    /// Parses a compiled-in text; a test guarantees it parses, the fallback only keeps the
    /// program running (attributes-only) if it ever did not.
    private static func builtIn(_ text: String, name: String) -> Theme {
        (try? ThemeParser.parse(text, file: "built-in \(name) theme", defaultName: name)) ?? Theme(name: name)
    }

    /// Parses the TOML text of a theme; `file` names it in error messages and its file name
    /// (without `.toml`) is the name when the text gives none.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        guard text.utf8.count <= maximumFileSize else { throw .tooLarge(file: file, bytes: text.utf8.count) }
        return try ThemeParser.parse(text, file: file, defaultName: ThemeLibrary.stem(of: file))
    }
}
