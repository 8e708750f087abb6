import Localization
import Script
import Teaching

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
    /// Long work to run off the screen's thread (a long `step N`, a long sequence computed
    /// again): the loop keeps reading keys and signals, reports progress with
    /// ``Event/workProgress(id:_:)`` and the result with ``EffectResult/work(id:_:)``.
    case work(BackgroundWork)
    /// Stop the background work with this id (Esc, q or Ctrl-C while it runs).
    case cancelWork(id: Int)
    /// Write the session to the autosave file (debounced by the loop).
    case autosave(SessionSave)
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
    /// Background work ended: what it made, or that it was cancelled or failed.
    case work(id: Int, WorkOutcome)
}

/// Work that runs on a thread of its own: a body that takes a copy of the line session and gives
/// back the changed one. The screen shows the old state (with progress) until it ends, and
/// keeps it when the work is cancelled.
public struct BackgroundWork: Sendable, Equatable {
    /// Names it for ``Event/finished(_:)`` and cancelling.
    public let id: Int
    /// What it does, for the status line.
    public let title: String
    /// The work. It runs with ``Script/ComputeContext/controlled(_:)`` in force.
    public let body: @Sendable () -> WorkOutcome

    /// Work from its parts.
    public init(id: Int, title: String, body: @escaping @Sendable () -> WorkOutcome) {
        self.id = id
        self.title = title
        self.body = body
    }

    /// Runs it under a control (on whatever thread calls this).
    public func run(_ control: WorkControl) -> WorkOutcome {
        let body = self.body
        do {
            return try ComputeContext.with(.controlled(control)) { () throws(UserError) in body() }
        } catch {
            return .failed(error)
        }
    }

    public static func == (lhs: BackgroundWork, rhs: BackgroundWork) -> Bool { lhs.id == rhs.id }
}

/// What background work made.
public enum WorkOutcome: Sendable {
    /// The line session after the work, and what to say.
    case lines(LineSession<TeachingCommands>, CommandOutcome)
    /// The work failed; nothing changed.
    case failed(UserError)
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
