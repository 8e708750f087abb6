import GRUCore
import Localization
import Script
import Teaching
import Widgets

/// Background work the screen is waiting for.
public struct RunningWork: Sendable, Equatable {
    /// Its id.
    public var id: Int
    /// What it does: the typed line, escaped, at most ``longestTitle`` scalars (the status
    /// line shortens it further, in the middle, to fit).
    public var title: String
    /// The most of a typed line kept as a title: a path fits whole, a pasted line of numbers
    /// does not need to.
    static let longestTitle = 1024
    /// How far it is, once it said.
    public var progress: GRUProgress?
    /// Whether the user asked to stop it.
    public var cancelling = false
}

/// Everything the screen shows, as one value. It changes only through ``update(_:_:)``.
public struct AppState: Sendable {
    /// The cell, its state and the command language's host state.
    public var lines: LineSession<TeachingCommands>
    /// Which part of the screen the keys act on.
    public var focus: Focus = .units
    /// The selected input position (x row).
    public var inputIndex = 0
    /// The selected unit (h row and gate table).
    public var unit = 0
    /// The selected gate-table column.
    public var column: GateColumn = .z
    /// The value being typed, when editing.
    public var editing: EditBuffer?
    /// The ':' line, when open.
    public var command: EditBuffer?
    /// Commands typed on the ':' line, oldest first: at most ``commandHistoryLines`` lines and
    /// ``commandHistoryBytes`` bytes of text, the oldest dropped first (the newest is always kept).
    public internal(set) var commandHistory: [String] = []
    /// The most ':' lines ↑ can bring back.
    public static let commandHistoryLines = 1_000
    /// The most text, in UTF-8 bytes, those lines may hold together: a class can paste long
    /// lines of numbers all day without the history growing past this.
    public static let commandHistoryBytes = 4_194_304
    /// Where ↑/↓ are in the history while browsing it.
    public var historyCursor: Int?
    /// The ':' line whose effect the loop is carrying out.
    var pendingCommand: PendingCommand?
    /// The status line's message.
    public var status: StatusMessage?
    /// A panel over the screen; a new one (or none) starts at its top.
    public var overlay: Overlay? {
        didSet { overlayScroll = 0 }
    }
    /// The first line of the panel shown, when it is taller than the screen (always within
    /// ``overlayScrolling``'s limit after `update`).
    public internal(set) var overlayScroll = 0
    /// How far the open panel can scroll and a page of it, as `update` last measured them (the
    /// panel's text wrapped to the screen: once an event, not at every look at the key contexts).
    public internal(set) var overlayScrolling: (limit: Int, page: Int) = (0, 1)
    /// What ``overlayScrolling`` was measured for.
    var overlayMeasured: OverlayMeasure?
    /// The terminal's columns.
    public var width: Int
    /// The terminal's rows.
    public var height: Int
    /// The first unit row shown in the table.
    public var tableOffset = 0
    /// How the timeline is looked at.
    public var timeline = TimelineOptions()
    /// What the time panels draw, kept between frames.
    public var timeCache = TimeCache()
    /// Bars in ASCII rather than Unicode blocks.
    public var ascii: Bool
    /// The theme's name, for the help screen.
    public var themeName: String
    /// Presentation mode: a big header, fewer units with tall bars and the mix under each.
    public var presenting = false
    /// The signed bars' scales: following the step, or fixed so bars compare across steps.
    public var scales = BarScales()
    /// The file an asciicast recording of the screen goes to, while one runs (`:record`).
    public internal(set) var recording: String?
    /// Set once the user asked to leave.
    public var isQuitting = false
    /// Background work running now, if any: keys other than Esc, q and Ctrl-C (which cancel
    /// it) wait until it ends.
    public internal(set) var running: RunningWork?
    /// The id the next background work gets.
    var nextWorkID = 1
    /// Whether the session changed since the screen started or last saved.
    public internal(set) var unsaved = false
    /// Whether every change asks the loop for an autosave (the screen; not tests).
    public var autosaves = false
    /// Effects a change asked for on its way (background work), taken by ``update(_:_:)``.
    var queued: [Effect] = []
    /// The panels' own view options for session files, by name (`timeline.quantity` …): each
    /// panel reads and writes its own names in ``viewOptions`` and ``restoreViewOptions(_:)``.
    public var viewOptions: [String: String] {
        var options: [String: String] = [:]
        options["focus"] = String(focus.rawValue)
        options["column"] = String(column.rawValue)
        options["input"] = String(inputIndex)
        return options
    }

    /// Takes the panels' options from a session file; a name a panel does not know is ignored,
    /// a value it cannot read leaves its setting as it is.
    mutating func restoreViewOptions(_ options: [String: String]) {
        if let value = options["focus"], let index = Int(value), let focus = Focus(rawValue: index) { self.focus = focus }
        if let value = options["column"], let index = Int(value), let column = GateColumn(rawValue: index) { self.column = column }
        if let value = options["input"], let index = Int(value) { inputIndex = min(max(0, index), session.inputSize - 1) }
    }

    /// A screen state on a session, at a terminal size.
    public init(
        session: Session, teaching: TeachingCommands = TeachingCommands(language: .en),
        width: Int = 80, height: Int = 24, ascii: Bool = false, themeName: String = "default"
    ) {
        self.init(lines: LineSession(session: session, commands: teaching), width: width, height: height, ascii: ascii, themeName: themeName)
    }

    /// A screen state on a line session (a lesson may already be running), at a terminal size.
    public init(
        lines: LineSession<TeachingCommands>, width: Int = 80, height: Int = 24, ascii: Bool = false, themeName: String = "default"
    ) {
        self.lines = lines
        self.width = width
        self.height = height
        self.ascii = ascii
        self.themeName = themeName
        // A lesson started from the command line opens on the unit it is about.
        if isInLesson { followLesson() }
    }

    /// Selects the running lesson's unit (and the first column it highlights), so the story
    /// panel tells the unit the narration is about.
    mutating func followLesson() {
        guard isInLesson else { return }
        unit = min(max(0, teaching.focusUnit), session.hiddenSize - 1)
        inputIndex = min(max(0, inputIndex), session.inputSize - 1)
        focus = .units
        if let column = teaching.highlightedColumns.compactMap({ field in GateColumn.allCases.first { $0.field == field } }).first {
            self.column = column
        }
    }

    /// The teaching layer: language, lesson progress, explanations.
    public var teaching: TeachingCommands { lines.extensionState }

    /// The language of every text on the screen.
    public var language: Language { teaching.language }

    /// Whether a lesson is running (n and p then move through it).
    public var isInLesson: Bool { teaching.progress != nil }

    /// A screen text in the current language, in ASCII under `--ascii` and `LANG=C`.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        glyphs.text(language.text("screen." + key, arguments))
    }

    /// A status text about running work (`work.progress`, `work.busy` …) that fits the
    /// screen's width: its title (the typed line, often a long path) loses its middle, so the
    /// percentage and how to stop the work always show.
    func workText(_ key: String, title: String, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["title"] = ""
        let room = width - DisplayWidth.of(text(key, arguments))
        arguments["title"] = TextLayout.truncateMiddle(title, width: max(1, room), ellipsis: glyphs.ellipsis)
        return text(key, arguments)
    }

    /// Unicode, or ASCII under `--ascii` and `LANG=C`: every label and text on the screen.
    public var glyphs: Glyphs { ascii ? .ascii : .unicode }

    /// Starts or ends presentation mode. Starting fixes every signed scale not fixed yet at a
    /// round value that holds the current step, so bars compare across the steps shown.
    public mutating func setPresenting(_ on: Bool) {
        presenting = on
        if on { scales.fixUnset(for: session.trace) }
        keepSelectionInView()
    }

    /// The cell and its state.
    public var session: Session {
        get { lines.session }
        set { lines.session = newValue }
    }
}
