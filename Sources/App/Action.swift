import Localization
import TerminalInput

/// What a key does, independent of which key it is; the ``KeyMap`` binds keys to actions.
public enum Action: Hashable, Sendable {
    // The screen.
    /// Move the selection.
    case moveUp, moveDown, moveLeft, moveRight
    /// Move the selection a page (of units, or of values in the x row).
    case pageUp, pageDown
    /// Select the first or last unit (or input). The time cursor takes these over for steps.
    case first, last
    /// Cycle focus x → h → units (or back).
    case nextFocus, previousFocus
    /// Start editing the focused value, empty.
    case edit
    /// Start editing the focused value with the character typed (a digit, `.` or `-`).
    case editStartingWith
    /// Add to the focused value.
    case nudge(Float)
    /// Take one step: h ← h′.
    case step
    /// Undo one step.
    case back
    /// Draw new random weights from a new seed.
    case newWeights
    /// Take back the last change (vim's `u`), or make the last undone one again (Ctrl-R).
    case undo, redo
    /// Set the focused vector to zeros.
    case zeroVector
    /// Pin or unpin the focused gate column.
    case togglePin
    /// Open the ':' command line.
    case commandLine
    /// Show the keys; on a focused column, explain it.
    case help
    /// Leave.
    case quit
    /// Clear the terminal and draw everything again.
    case redraw
    // Time (a sequence of more than one step).
    /// Move the time cursor one step back or forward, within the recorded steps.
    case previousStep, nextStep
    /// Move the time cursor to the first or last step.
    case firstStep, lastStep
    /// Open the ':' line with `goto ` typed, to jump to a step.
    case gotoStep
    /// Show the next quantity on the timeline.
    case cycleTimeline
    /// Show fewer or more steps on the timeline.
    case zoomIn, zoomOut
    /// Scroll the timeline half a window back or forward.
    case scrollBack, scrollForward
    // A lesson.
    /// The next or previous step of the running lesson.
    case nextLessonStep, previousLessonStep
    // Typing a value or a ':' line.
    /// Enter: set the value, or run the line.
    case confirm
    /// Esc: leave the value as it was, or close the line.
    case cancel
    /// Type the character.
    case insert
    /// Move the cursor in the text.
    case cursorLeft, cursorRight, cursorStart, cursorEnd
    /// Delete before or after the cursor, or everything before it.
    case deleteBackward, deleteForward, deleteToStart
    // The ':' line.
    /// Earlier or later lines typed.
    case historyPrevious, historyNext
    /// Complete the command's name.
    case complete
    // A panel.
    /// Close the panel and do nothing else.
    case closePanel
    /// Scroll a panel taller than the screen a line or a page.
    case panelUp, panelDown, panelPageUp, panelPageDown
    /// Stop the background work that is running.
    case cancelWork
}

/// Where keys are read. The state decides which contexts are active, most specific first
/// (``AppState/keyContexts``); a key does what the first binding for it in them says.
///
/// To give keys a new meaning while something is shown (the time cursor taking Home and End for
/// the first and last step), add a context, make ``AppState/keyContexts`` put it before
/// `normal` while it applies, and bind the keys in it: they are shadowed in `normal` there, and
/// the footer, the `?` panel and `--help` follow.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    /// The screen with nothing open.
    case normal
    /// A lesson is running: its keys come before the screen's.
    case lesson
    /// The session holds a sequence of more than one step: Home and End go to its first and
    /// last step instead of the first and last unit.
    case time
    /// The timeline has the focus: ← and → move through time.
    case timeline
    /// A value is being typed.
    case editing
    /// The ':' line is open.
    case commandLine
    /// A panel is open: Esc closes it; any other key closes it and then does what it does.
    case panel
    /// The open panel is taller than the screen: the keys that scroll it (as in less) come
    /// before the panel's.
    case longPanel
    /// The terminal is too small to draw the screen: only quitting, redrawing and Esc act (Esc
    /// still closes what is open, unseen, so `Esc Esc q` quits whenever the screen is resized).
    case tooSmall
    /// Background work is running: Esc, q and Ctrl-C cancel it; other keys wait.
    case working
}

/// Which keys a binding answers to.
public enum KeyPattern: Hashable, Sendable {
    /// One key.
    case key(Key)
    /// Any printable character.
    case printable
    /// A character a number starts with: a digit, `.` or `-`.
    case numberStart

    /// How help and the footer write it.
    func label(ascii: Bool) -> String {
        switch self {
        case let .key(key): return key.label(ascii: ascii)
        case .printable: return "abc"
        case .numberStart: return "0-9 . -"
        }
    }

    /// Whether a key matches.
    public func matches(_ key: Key) -> Bool {
        switch self {
        case let .key(bound): return bound == key
        case .printable:
            if case .character = key { return true }
            return false
        case .numberStart:
            guard case let .character(character) = key else { return false }
            return character.isASCII && (character.isNumber || character == "." || character == "-")
        }
    }
}

/// One row of the key map: the keys, what they do, where, and how help and the footer name them.
public struct KeyBinding: Sendable {
    /// The keys that trigger the action.
    public let keys: [KeyPattern]
    /// What happens.
    public let action: Action
    /// Where the keys do it.
    public let contexts: Set<KeyContext>
    /// The help text, `screen.key.HELP` in the catalogues; nil when the row above describes this
    /// binding too (the row's label names the keys of both).
    public let help: String?
    /// The footer's short word, `screen.hint.HINT`; nil to leave it out of the footer.
    public let hint: String?
    /// Whether the footer always shows it, at its right end, however narrow the screen.
    public let isEssential: Bool

    init(
        _ keys: [KeyPattern], _ action: Action, in contexts: Set<KeyContext> = [.normal],
        help: String?, hint: String? = nil, essential: Bool = false
    ) {
        self.keys = keys
        self.action = action
        self.contexts = contexts
        self.help = help
        self.hint = hint
        isEssential = essential
    }
}

/// The one table of keys: `update` dispatches through it, and the footer, the `?` panel and the
/// key list of `gruscope --help` are read from it, so none of them can disagree.
///
/// Vim and less habits: hjkl, C-f/C-b a page, C-a/C-x add and subtract 1 (vim's increment),
/// C-l redraws, `:` the command line, `?` help, `q` quits. A digit, `.` or `-` starts typing the
/// focused value (so `-0.5`, `0.5` and `.5` type as they read); the small nudges are `<` and `>`,
/// and zeroing a vector is `D`, which no number starts with.
public enum KeyMap {
    static let text: [KeyPattern] = [.printable]
    static let typing: Set<KeyContext> = [.editing, .commandLine]
    static let everywhere = Set(KeyContext.allCases)

    /// Every binding, in the order help lists them (a lesson's keys first).
    public static let bindings: [KeyBinding] = [
        // Lesson: n and p move through it, P pins (p is taken).
        KeyBinding([.key(.character("n"))], .nextLessonStep, in: [.lesson], help: "next", hint: "next"),
        KeyBinding([.key(.character("p"))], .previousLessonStep, in: [.lesson], help: "prev", hint: "prev"),
        KeyBinding([.key(.character("P"))], .togglePin, in: [.lesson], help: "pin", hint: "pin"),
        // Time: on the timeline ← → move the cursor; Home and End take it to the ends.
        KeyBinding([.key(.left)], .previousStep, in: [.timeline], help: "time.cursor"),
        KeyBinding([.key(.right)], .nextStep, in: [.timeline], help: nil),
        KeyBinding([.key(.home)], .firstStep, in: [.time], help: "time.ends"),
        KeyBinding([.key(.end)], .lastStep, in: [.time], help: nil),
        KeyBinding([.key(.character("(")), .key(.modified(.left, .shift))], .previousStep, in: [.time], help: "time.step", hint: "time.step"),
        KeyBinding([.key(.character(")")), .key(.modified(.right, .shift))], .nextStep, in: [.time], help: nil),
        KeyBinding([.key(.character("g"))], .gotoStep, in: [.time], help: "time.goto"),
        KeyBinding([.key(.character("t"))], .cycleTimeline, in: [.time], help: "time.quantity", hint: "time.quantity"),
        KeyBinding([.key(.character("+"))], .zoomIn, in: [.time], help: "time.zoom"),
        KeyBinding([.key(.character("_"))], .zoomOut, in: [.time], help: nil),
        KeyBinding([.key(.character("{"))], .scrollBack, in: [.time], help: "time.scroll"),
        KeyBinding([.key(.character("}"))], .scrollForward, in: [.time], help: nil),
        // The screen.
        KeyBinding([.key(.up), .key(.character("k"))], .moveUp, help: "up"),
        KeyBinding([.key(.down), .key(.character("j"))], .moveDown, help: "down"),
        KeyBinding([.key(.left), .key(.character("h"))], .moveLeft, help: "left"),
        KeyBinding([.key(.right), .key(.character("l"))], .moveRight, help: "right"),
        KeyBinding([.key(.pageUp), .key(.control("b"))], .pageUp, help: "page_up"),
        KeyBinding([.key(.pageDown), .key(.control("f"))], .pageDown, help: "page_down"),
        KeyBinding([.key(.home)], .first, help: "first_last"),
        KeyBinding([.key(.end)], .last, help: nil),
        KeyBinding([.key(.tab)], .nextFocus, help: "focus", hint: "focus"),
        KeyBinding([.key(.backTab)], .previousFocus, help: "focus_back"),
        KeyBinding([.key(.enter)], .edit, help: "edit", hint: "edit"),
        KeyBinding([.numberStart], .editStartingWith, help: "edit_typed"),
        KeyBinding([.key(.character("<"))], .nudge(-0.1), help: "nudge_small", hint: "nudge"),
        KeyBinding([.key(.character(">"))], .nudge(0.1), help: nil),
        KeyBinding([.key(.character("[")), .key(.control("x"))], .nudge(-1), help: "nudge_large"),
        KeyBinding([.key(.character("]")), .key(.control("a"))], .nudge(1), help: nil),
        KeyBinding([.key(.character(" ")), .key(.character("s"))], .step, help: "step", hint: "step"),
        KeyBinding([.key(.character("b"))], .back, help: "back", hint: "back"),
        KeyBinding([.key(.character("p")), .key(.character("P"))], .togglePin, help: "pin", hint: "pin"),
        KeyBinding([.key(.character("r"))], .newWeights, help: "weights", hint: "weights"),
        KeyBinding([.key(.character("u"))], .undo, help: "undo", hint: "undo"),
        KeyBinding([.key(.control("r"))], .redo, help: "redo", hint: "redo"),
        KeyBinding([.key(.character("D"))], .zeroVector, help: "zero"),
        KeyBinding([.key(.character(":"))], .commandLine, help: "command", hint: "command", essential: true),
        KeyBinding([.key(.character("?")), .key(.function(1))], .help, help: "help", hint: "help", essential: true),
        // Everywhere, even on a screen too small to draw.
        KeyBinding([.key(.escape), .key(.character("q")), .key(.control("c"))], .cancelWork, in: [.working], help: "cancel_work", hint: "cancel"),
        KeyBinding([.key(.control("l"))], .redraw, in: everywhere, help: "redraw"),
        KeyBinding([.key(.character("q"))], .quit, in: [.normal, .tooSmall], help: "quit", hint: "quit", essential: true),
        KeyBinding([.key(.control("c"))], .quit, in: everywhere.subtracting([.working]), help: nil),
        // A panel: Esc only closes it (any other key closes it and acts); one taller than the
        // screen scrolls as less does.
        KeyBinding([.key(.escape)], .closePanel, in: [.panel], help: "close_panel"),
        KeyBinding([.key(.down), .key(.character("j"))], .panelDown, in: [.longPanel], help: "panel_scroll", hint: "panel_scroll", essential: true),
        KeyBinding([.key(.up), .key(.character("k"))], .panelUp, in: [.longPanel], help: nil),
        KeyBinding([.key(.pageDown), .key(.character(" ")), .key(.control("f"))], .panelPageDown, in: [.longPanel], help: "panel_page"),
        KeyBinding([.key(.pageUp), .key(.character("b")), .key(.control("b"))], .panelPageUp, in: [.longPanel], help: nil),
        // Typing a value or a ':' line.
        KeyBinding([.key(.enter)], .confirm, in: typing, help: "confirm", hint: "confirm"),
        KeyBinding([.key(.escape)], .cancel, in: typing.union([.tooSmall]), help: "cancel", hint: "cancel"),
        KeyBinding([.key(.left)], .cursorLeft, in: typing, help: "cursor"),
        KeyBinding([.key(.right)], .cursorRight, in: typing, help: nil),
        KeyBinding([.key(.home), .key(.control("a"))], .cursorStart, in: typing, help: "cursor_ends"),
        KeyBinding([.key(.end), .key(.control("e"))], .cursorEnd, in: typing, help: nil),
        KeyBinding([.key(.backspace)], .deleteBackward, in: typing, help: "delete"),
        KeyBinding([.key(.delete)], .deleteForward, in: typing, help: nil),
        KeyBinding([.key(.control("u"))], .deleteToStart, in: typing, help: "delete_start"),
        KeyBinding([.key(.up)], .historyPrevious, in: [.commandLine], help: "history"),
        KeyBinding([.key(.down)], .historyNext, in: [.commandLine], help: nil),
        KeyBinding([.key(.tab)], .complete, in: [.commandLine], help: "complete"),
        KeyBinding(text, .insert, in: typing, help: "insert"),
    ]

    /// The binding a key triggers in the active contexts (most specific first), if any: the
    /// first in table order that the key matches in the first context that binds it.
    public static func binding(for key: Key, in contexts: [KeyContext]) -> KeyBinding? {
        for context in contexts {
            guard let table = lookup[context] else { continue }
            let exact = table.keys[key]
            let pattern = table.patterns.first { bindings[$0].keys.contains { $0.matches(key) } }
            if let index = [exact, pattern].compactMap({ $0 }).min() { return bindings[index] }
        }
        return nil
    }

    /// Per context, the first binding of each key and the bindings of key patterns (every key
    /// pressed looks here, so a paste of thousands of characters is quick).
    private static let lookup: [KeyContext: (keys: [Key: Int], patterns: [Int])] = {
        var tables: [KeyContext: (keys: [Key: Int], patterns: [Int])] = [:]
        for context in KeyContext.allCases {
            var keys: [Key: Int] = [:], patterns: [Int] = []
            for (index, binding) in bindings.enumerated() where binding.contexts.contains(context) {
                for pattern in binding.keys {
                    if case let .key(key) = pattern {
                        if keys[key] == nil { keys[key] = index }
                    } else if !patterns.contains(index) {
                        patterns.append(index)
                    }
                }
            }
            tables[context] = (keys, patterns)
        }
        return tables
    }()

    /// The bindings that act in the active contexts, in table order: those of a context a key is
    /// shadowed in by an earlier one are left out (in a lesson, `p` goes back, so the screen's
    /// `p P` pin is not listed; the lesson's `P` is).
    public static func active(in contexts: [KeyContext]) -> [KeyBinding] {
        bindings.filter { !activeKeys(of: $0, in: contexts).isEmpty }
    }

    /// The keys of a binding that act in the active contexts: not shadowed by an earlier context.
    static func activeKeys(of entry: KeyBinding, in contexts: [KeyContext]) -> [KeyPattern] {
        guard let context = contexts.first(where: entry.contexts.contains) else { return [] }
        let earlier = Array(contexts.prefix { $0 != context })
        return entry.keys.filter { pattern in
            guard case let .key(key) = pattern else { return true }
            return binding(for: key, in: earlier) == nil
        }
    }

    /// The bindings a help row stands for: the binding and those after it without help.
    static func row(of entry: KeyBinding) -> [KeyBinding] {
        guard let index = bindings.firstIndex(where: { $0.action == entry.action && $0.contexts == entry.contexts }) else { return [entry] }
        return [entry] + bindings[(index + 1)...].prefix { $0.help == nil }
    }

    /// How the `?` panel and `--help` write a row's keys: every key of the bindings it stands for
    /// (`↑ k`, `< >`, `q C-c`), in ASCII (`Up k`) when the screen draws ASCII.
    public static func label(of entry: KeyBinding, ascii: Bool = false) -> String {
        let members = row(of: entry)
        let longest = members.map(\.keys.count).max() ?? 0
        // First keys first: `[ ] C-x C-a`, not `[ C-x ] C-a`.
        let keys = (0..<longest).flatMap { index in members.compactMap { index < $0.keys.count ? $0.keys[index] : nil } }
        return keys.map { $0.label(ascii: ascii) }.joined(separator: " ")
    }

    /// How the footer writes a row's keys: its first active key (`Space`; `P` for pinning during a
    /// lesson, where `p` goes back), or the pair when the row's keys are single characters (`<>`).
    public static func footerLabel(of entry: KeyBinding, in contexts: [KeyContext], ascii: Bool = false) -> String {
        let labels = row(of: entry).compactMap { activeKeys(of: $0, in: contexts).first?.label(ascii: ascii) }
        guard labels.allSatisfy({ $0.count == 1 }) else { return labels.first ?? "" }
        return labels.joined()
    }

    /// The rows of help for the active contexts: each binding with a help text, its label naming
    /// the bindings it stands for.
    public static func helpRows(in contexts: [KeyContext]) -> [KeyBinding] {
        active(in: contexts).filter { $0.help != nil }
    }

    /// The footer's hints for the active contexts, in table order.
    public static func hints(in contexts: [KeyContext]) -> [KeyBinding] {
        active(in: contexts).filter { $0.hint != nil }
    }

    /// The key list of `gruscope --help`: the screen's keys, then a lesson's, then typing's.
    public static func helpText(_ language: Language = .en) -> String {
        let sections: [(title: String?, contexts: [KeyContext])] = [
            (nil, [.normal]), (language.text("screen.key.time.section"), [.time, .timeline]),
            (language.text("screen.key.section_lesson"), [.lesson]),
            (language.text("screen.key.section_typing"), [.editing, .commandLine]),
            (language.text("screen.key.section_working"), [.working]),
            (language.text("screen.key.section_panel"), [.panel, .longPanel]),
        ]
        var lines: [String] = []
        for section in sections {
            let rows = helpRows(in: section.contexts).filter { !$0.contexts.isDisjoint(with: section.contexts) }
                .filter { section.title == nil || !$0.contexts.contains(.normal) }
            guard !rows.isEmpty else { continue }
            if let title = section.title { lines.append(title) }
            let labels = rows.map { label(of: $0) }
            let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
            for (row, label) in zip(rows, labels) {
                lines.append("  " + DisplayWidth.padded(label, to: width) + "  " + language.text("screen.key." + (row.help ?? "")))
            }
        }
        return lines.joined(separator: "\n")
    }
}
