import Localization
import Script

/// Work the update function asks the terminal loop to do, as a value, so `update` stays pure
/// and testable; the loop reports back with ``Event/finished(_:)``.
///
/// The language's own effects (reading weights, a lesson file …) are ``Script/LanguageEffect``,
/// which the repl carries out the same way; the screen adds its own here.
public enum Effect: Sendable, Equatable {
    /// A file the command language asked for (weights, a lesson …).
    case language(LanguageEffect)
    /// Load and switch to a theme by name or path.
    case loadTheme(String)
    /// Write the current screen to a file; an existing file is replaced only when `replacing`.
    case export(path: String, format: ExportFormat, replacing: Bool)
    /// Work for the time panels too long for `update`; the loop stops it when input arrives.
    case time(TimeWork)
    /// Clear the terminal and draw every cell again (Ctrl-L).
    case redraw
    /// Leave the screen and exit.
    case quit
}

/// What `:export` writes.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
    /// An SVG picture in the theme's colours.
    case svg
    /// The screen's characters as plain text.
    case txt
}

/// What carrying out an ``Effect`` gave.
public enum EffectResult: Sendable {
    /// A language effect's result.
    case language(LanguageEffectResult)
    /// The theme now used (its name and where it came from), or why it could not be loaded.
    case theme(Result<ThemeChange, UserError>)
    /// The screen was written to the path, or why not.
    case export(path: String, Result<Void, UserError>)
    /// How work for the time panels goes.
    case time(TimeWorkReport)
}

/// A theme the loop switched to.
public struct ThemeChange: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// Where it came from (`built in`, or the file).
    public var source: String

    /// A change from its parts.
    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }
}
