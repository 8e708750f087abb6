import Foundation
import Localization
import Testing
import Themes
import Widgets

/// A terminal just large enough to replay what ``ANSIScreen`` sends: cursor position (CSI H),
/// erase display (CSI 2J), SGR and private modes (ignored, but they must be well formed), and
/// printable characters, wide ones taking two columns.
struct ReplayTerminal {
    var rows: [[Character]]
    var x = 0, y = 0
    let width: Int
    var unknown: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    mutating func feed(_ bytes: String) {
        var scalars = Array(bytes.unicodeScalars)[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "\u{1B}" {
                guard scalars.first == "[" else { unknown.append("ESC without ["); continue }
                scalars = scalars.dropFirst()
                var parameters = ""
                while let next = scalars.first, !(0x40...0x7E).contains(next.value) {
                    parameters.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                guard let final = scalars.first else { unknown.append("unterminated"); break }
                scalars = scalars.dropFirst()
                switch final {
                case "H":
                    let parts = parameters.split(separator: ";").compactMap { Int($0) }
                    y = (parts.first ?? 1) - 1
                    x = (parts.count > 1 ? parts[1] : 1) - 1
                case "J" where parameters == "2":
                    for row in rows.indices { rows[row] = Array(repeating: " ", count: width) }
                case "m":
                    if !parameters.split(separator: ";").allSatisfy({ Int($0) != nil }) { unknown.append("SGR " + parameters) }
                case "l" where parameters == "?25":
                    break
                default:
                    unknown.append("CSI \(parameters)\(final)")
                }
                continue
            }
            if scalar.value < 0x20 { unknown.append("control \(scalar.value)"); continue }
            let character = Character(scalar)
            guard y < rows.count, x < width else { continue }
            rows[y][x] = character
            x += DisplayWidth.of(scalar) == 2 ? 2 : 1
            if DisplayWidth.of(scalar) == 2, x - 1 < width { rows[y][x - 1] = "\u{0}" }
        }
    }

    var text: String {
        rows.map { String($0.filter { $0 != "\u{0}" }).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }
}

@Suite struct AsciicastTests {
    let resolved = ResolvedTheme(theme: .default, depth: .trueColor)

    func screen(_ lines: [String], width: Int = 12) -> Grid {
        var grid = Grid(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { grid.put(line, x: 0, y: y, style: Style(y == 0 ? .header : .kept, attributes: y == 0 ? .bold : [])) }
        return grid
    }

    /// Each event line as [time, code, data].
    func events(_ text: String) throws -> [(Double, String, String)] {
        try text.split(separator: "\n").map { line in
            let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(array.count == 3)
            return (try #require(array[0] as? Double), try #require(array[1] as? String), try #require(array[2] as? String))
        }
    }

    /// A recording stops taking frames once its size reaches the limit (64 MiB in use,
    /// `AsciicastRecording.maximumBytes`; a small one here): the frame that reaches it is the
    /// last, and the size counts exactly the bytes the file holds.
    @Test func aRecordingStopsAtItsLimit() throws {
        var recording = AsciicastRecording(width: 12, height: 2, timestamp: 0, limit: 400)
        #expect(recording.limit == 400 && !recording.isFull)
        var file = recording.header
        var frames = 0
        for step in 0..<100 {
            let lines = recording.frame(screen(["step \(step)", String(repeating: "x", count: step % 12)]), at: Double(step), resolve: resolved.resolve)
            if !lines.isEmpty { frames += 1 }
            file += lines
            #expect(recording.size == file.utf8.count)
        }
        #expect(recording.isFull)
        #expect(frames > 1 && frames < 100)
        // Past the limit by at most the one frame that reached it.
        #expect(file.utf8.count >= 400 && file.utf8.count < 400 + 200)
        #expect(recording.frame(screen(["more", "frames"]), at: 200, resolve: resolved.resolve).isEmpty)
        #expect(AsciicastRecording(width: 80, height: 24, timestamp: 0).limit == AsciicastRecording.maximumBytes)
    }

    @Test func theHeaderIsVersion2JSON() throws {
        let recording = AsciicastRecording(width: 80, height: 24, timestamp: 1_700_000_000, title: "class \"1\"")
        #expect(recording.header.hasSuffix("}\n"))
        let header = try #require(try JSONSerialization.jsonObject(with: Data(recording.header.utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        #expect(header["height"] as? Int == 24)
        #expect(header["timestamp"] as? Int == 1_700_000_000)
        #expect(header["title"] as? String == "class \"1\"")
    }

    @Test func framesReplayToTheScreenAndOnlyChangesAreSent() throws {
        var recording = AsciicastRecording(width: 12, height: 3, timestamp: 0)
        var terminal = ReplayTerminal(width: 12, height: 3)
        let first = screen(["gruscope", "h = 0.5 你好", "█▌ │"])
        let second = screen(["gruscope", "h = 0.7 你好", "█▌ │"])
        var all = ""
        for (time, grid) in [(0.0, first), (0.25, first), (1.5, second)] {
            let lines = recording.frame(grid, at: time, resolve: resolved.resolve)
            all += lines
            for (_, code, data) in try events(lines) {
                #expect(code == "o")
                terminal.feed(data)
            }
            #expect(terminal.text == grid.text)
        }
        #expect(terminal.unknown.isEmpty, "\(terminal.unknown)")
        let sent = try events(all)
        // The unchanged frame at 0.25 s sends nothing; the change at 1.5 s only its cells.
        #expect(sent.map(\.0) == [0, 1.5])
        #expect(sent[1].2.contains("\u{1B}[2;7H"))  // "0.5" → "0.7": only the 7, row 2 column 7
        #expect(!sent[1].2.contains("\u{1B}[2J"))
        #expect(sent[1].2.count < sent[0].2.count / 3)
        // Colours are sent as 24-bit SGR: the kept role's blue.
        #expect(sent[0].2.contains("38;2;116;192;252"))
    }

    @Test func aResizeIsAnEventAndAFullFrame() throws {
        var recording = AsciicastRecording(width: 12, height: 2, timestamp: 0)
        _ = recording.frame(screen(["a", "b"]), at: 0, resolve: resolved.resolve)
        let lines = try events(recording.frame(screen(["abc", "d", "e"], width: 20), at: 2, resolve: resolved.resolve))
        #expect(lines.count == 2)
        #expect(lines[0].1 == "r" && lines[0].2 == "20x3")
        #expect(lines[1].1 == "o" && lines[1].2.contains("\u{1B}[2J"))
    }

    @Test func timesHaveMicrosecondsAndNeverGoBack() throws {
        var recording = AsciicastRecording(width: 4, height: 1, timestamp: 0)
        let a = recording.frame(screen(["a"], width: 4), at: 1.2345678, resolve: resolved.resolve)
        #expect(a.hasPrefix("[1.234568, \"o\", "))
        let b = recording.frame(screen(["b"], width: 4), at: 0.5, resolve: resolved.resolve)
        #expect(b.hasPrefix("[1.234568, \"o\", "))
    }

    @Test func controlCharactersAreEscapedNotSent() throws {
        var grid = Grid(width: 6, height: 1)
        grid[0, 0] = Cell(scalar: "\u{7}")
        grid.put("\"\\", x: 1, y: 0)
        var recording = AsciicastRecording(width: 6, height: 1, timestamp: 0)
        let line = recording.frame(grid, at: 0, resolve: resolved.resolve)
        let (_, _, data) = try #require(try events(line).first)
        #expect(!data.unicodeScalars.contains("\u{7}"))
        #expect(data.contains("\"\\"))
        #expect(line.contains("\\u001b["))
    }

    @Test func sgrForEachDepth() {
        #expect(ANSIScreen.sgr(ResolvedStyle(foreground: .indexed(3), background: .indexed(12), attributes: [.bold, .reverse])) == "\u{1B}[0;1;7;33;104m")
        #expect(ANSIScreen.sgr(ResolvedStyle(foreground: .indexed(200), background: .terminalDefault, attributes: .underline)) == "\u{1B}[0;4;38;5;200m")
        #expect(ANSIScreen.sgr(ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: .dim)) == "\u{1B}[0;2m")
    }
}
