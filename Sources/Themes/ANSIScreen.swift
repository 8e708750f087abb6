import Localization
import Widgets

/// A grid as the bytes a terminal would be sent to show it: cursor moves, SGR colour and
/// attribute changes, and the characters, for recordings (``AsciicastRecording``) that any
/// terminal emulator or web player replays.
///
/// Given the previous frame, only the stretches of cells that changed are sent (the same
/// comparison the terminal's own copy uses); without one, the screen is cleared and every cell
/// drawn. Colours are sent as the resolved style says: 24-bit, 256-colour or the 16 ANSI
/// colours, or none. Control characters never reach the output.
public enum ANSIScreen {
    /// The escape sequences that turn a terminal showing `previous` (or anything, when nil) into
    /// one showing `grid`; empty when nothing changed.
    public static func frame(_ grid: Grid, previous: Grid?, resolve: (Style) -> ResolvedStyle) -> String {
        let earlier = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        var out = ""
        if earlier == nil { out += "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J" }
        var current: ResolvedStyle?
        for y in 0..<grid.height {
            let runs = earlier.map { grid.changedColumns(inRow: y, columns: grid.width, comparedWith: $0) } ?? [0..<grid.width]
            for run in runs {
                var x = run.lowerBound
                // A run that starts on the right half of a wide character starts at its left half.
                while x > 0 && grid[x, y].isContinuation { x -= 1 }
                out += "\u{1B}[\(y + 1);\(x + 1)H"
                while x < run.upperBound {
                    let cell = grid[x, y]
                    if cell.isContinuation { x += 1; continue }
                    let style = resolve(cell.style)
                    if style != current {
                        out += sgr(style)
                        current = style
                    }
                    if let scalar = cell.singleScalar {
                        out.unicodeScalars.append(isControl(scalar) ? " " : scalar)
                    } else {
                        out.append(cell.character)
                    }
                    x += 1
                }
            }
        }
        if !out.isEmpty { out += "\u{1B}[0m" }
        return out
    }

    /// The SGR sequence that sets exactly this style, from a reset.
    public static func sgr(_ style: ResolvedStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let foreground = colour(style.foreground, base: 30) { codes.append(foreground) }
        if let background = colour(style.background, base: 40) { codes.append(background) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// `base` 30 for text, 40 for the cell; nil for the terminal's default.
    private static func colour(_ colour: TerminalColor, base: Int) -> String? {
        switch colour {
        case .terminalDefault:
            return nil
        case let .indexed(index) where index < 8:
            return String(base + index)
        case let .indexed(index) where index < 16:
            return String(base + 60 + index - 8)
        case let .indexed(index):
            return "\(base + 8);5;\(index)"
        case let .rgb(rgb):
            return "\(base + 8);2;\(rgb.red);\(rgb.green);\(rgb.blue)"
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}

/// An asciicast v2 recording of the screen (<https://docs.asciinema.org/manual/asciicast/v2>):
/// a JSON header line, then one `[seconds, "o", "bytes"]` line per frame that changed
/// something, and `[seconds, "r", "COLSxROWS"]` when the terminal is resized. asciinema's
/// players show it on a web page.
///
/// A value: the terminal loop feeds it frames and appends the lines it returns to the file, so
/// it is tested without a terminal.
public struct AsciicastRecording: Sendable {
    /// The largest recording kept, in bytes (README "Limits"): a 20-minute class of mostly small
    /// changes takes a few MB. A recording that reaches it stops by itself.
    public static let maximumBytes = 64 << 20

    /// The first line of the file, newline included.
    public let header: String
    /// The most bytes this recording takes: ``maximumBytes``, or less for a test.
    public let limit: Int
    /// The bytes of the file so far: the header and every line returned.
    public private(set) var size: Int
    private var previous: Grid?
    private var lastTime: Double = 0

    /// A recording of a `width`×`height` screen started at `timestamp` (seconds since 1970).
    public init(width: Int, height: Int, timestamp: Int, title: String = "gruscope", limit: Int = maximumBytes) {
        header = "{\"version\": 2, \"width\": \(max(1, width)), \"height\": \(max(1, height)), \"timestamp\": \(timestamp), "
            + "\"title\": \(QuotedText.basic(title)), \"env\": {\"TERM\": \"xterm-256color\"}}\n"
        self.limit = limit
        size = header.utf8.count
    }

    /// Whether the recording reached its limit: it takes no more frames, and the one that
    /// reached it is the last.
    public var isFull: Bool { size >= limit }

    /// The event lines for a frame shown `seconds` after the start: a resize event when the
    /// size changed, and an output event unless nothing changed (nothing once ``isFull``).
    /// Times never go backwards.
    public mutating func frame(_ grid: Grid, at seconds: Double, resolve: (Style) -> ResolvedStyle) -> String {
        guard !isFull else { return "" }
        let time = max(lastTime, seconds.isFinite ? seconds : lastTime)
        var lines = ""
        if let previous, previous.width != grid.width || previous.height != grid.height {
            lines += "[\(Self.time(time)), \"r\", \"\(grid.width)x\(grid.height)\"]\n"
        }
        let bytes = ANSIScreen.frame(grid, previous: previous, resolve: resolve)
        if !bytes.isEmpty { lines += "[\(Self.time(time)), \"o\", \(QuotedText.basic(bytes))]\n" }
        previous = grid
        lastTime = time
        size += lines.utf8.count
        return lines
    }

    /// Seconds with six decimals (microseconds), as asciinema writes them.
    static func time(_ seconds: Double) -> String {
        let micro = Int64((max(0, seconds) * 1_000_000).rounded())
        let fraction = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
