import Widgets

/// A grid as a standalone SVG picture in a theme's true colours (not reduced to any terminal's
/// depth), for slides and handouts.
///
/// Every cell sits on a fixed grid: backgrounds are rectangles merged along each row; block
/// elements (the bars' ▏…█, ▐, ▕) and box-drawing lines are drawn as rectangles so bars and
/// frames are crisp and gap-free; other characters are `<text>` with one x position per
/// character, so a font whose glyphs are slightly wider or narrower cannot drift, and a wide
/// character simply takes two cells. `reverse` swaps the colours, `dim` fades, `bold` and
/// `underline` are drawn as such.
public enum SVGExport {
    /// Sizes in SVG user units (pixels).
    public struct Metrics: Sendable, Hashable {
        /// Width of a cell.
        public var cellWidth: Int
        /// Height of a cell (a line).
        public var cellHeight: Int
        /// Font size; about 1.65 × cellWidth suits common monospace fonts.
        public var fontSize: Int
        /// Margin around the grid.
        public var padding: Int

        /// Metrics from their parts.
        public init(cellWidth: Int = 9, cellHeight: Int = 20, fontSize: Int = 15, padding: Int = 12) {
            self.cellWidth = max(1, cellWidth)
            self.cellHeight = max(1, cellHeight)
            self.fontSize = max(1, fontSize)
            self.padding = max(0, padding)
        }
    }

    /// The SVG text for `grid` drawn in `theme`'s colours.
    public static func render(grid: Grid, theme: ResolvedTheme, metrics: Metrics = Metrics()) -> String {
        render(grid: grid, theme: theme.theme, metrics: metrics)
    }

    /// The SVG text for `grid` drawn in `theme`'s colours.
    public static func render(grid: Grid, theme: Theme, metrics: Metrics = Metrics()) -> String {
        let palette = SVGPalette(theme: theme)
        let m = metrics
        let width = grid.width * m.cellWidth + 2 * m.padding
        let height = grid.height * m.cellHeight + 2 * m.padding
        var shapes: [String] = []
        var texts: [String] = []

        for y in 0..<grid.height {
            let top = m.padding + y * m.cellHeight
            var run: (start: Int, colour: RGB)?
            func closeRun(at end: Int) {
                guard let open = run else { return }
                shapes.append(rect(x: Double(m.padding + open.start * m.cellWidth), y: Double(top), width: Double((end - open.start) * m.cellWidth), height: Double(m.cellHeight), fill: open.colour))
                run = nil
            }
            var textRuns: [TextKey: [(x: Int, character: Character)]] = [:]
            var textOrder: [TextKey] = []
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let look = palette.look(of: cell.style)
                if look.background != palette.canvas {
                    if let open = run, open.colour != look.background { closeRun(at: x) }
                    if run == nil { run = (x, look.background) }
                } else {
                    closeRun(at: x)
                }
                guard !cell.isContinuation else { continue }
                let left = Double(m.padding + x * m.cellWidth)
                let cellWidth = Double(m.cellWidth * max(1, DisplayWidth.of(cell.character)))
                if look.underline {
                    shapes.append(rect(x: left, y: Double(top + m.cellHeight) - 2, width: cellWidth, height: 1, fill: look.foreground, opacity: look.opacity))
                }
                if let pieces = BlockShapes.pieces(for: cell.character) {
                    for piece in pieces {
                        shapes.append(rect(
                            x: left + piece.x * Double(m.cellWidth), y: Double(top) + piece.y * Double(m.cellHeight),
                            width: piece.width * Double(m.cellWidth), height: piece.height * Double(m.cellHeight),
                            fill: look.foreground, opacity: look.opacity
                        ))
                    }
                    continue
                }
                if cell.character == " " || DisplayWidth.of(cell.character) == 0 { continue }
                let key = TextKey(colour: look.foreground, bold: look.bold, opacity: look.opacity)
                if textRuns[key] == nil { textOrder.append(key) }
                textRuns[key, default: []].append((m.padding + x * m.cellWidth, cell.character))
            }
            closeRun(at: grid.width)
            let baseline = top + (m.cellHeight * 3 + 2) / 4
            for key in textOrder {
                guard let characters = textRuns[key] else { continue }
                var attributes = "x=\"\(characters.map { String($0.x) }.joined(separator: " "))\" y=\"\(baseline)\" fill=\"\(key.colour.hex)\""
                if key.bold { attributes += " font-weight=\"bold\"" }
                if key.opacity < 1 { attributes += " fill-opacity=\"\(number(key.opacity))\"" }
                texts.append("<text \(attributes)>\(escape(String(characters.map(\.character))))</text>")
            }
        }

        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        svg += "<title>\(escape("gruscope (theme \(theme.name))"))</title>\n"
        svg += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(palette.canvas.hex)\"/>\n"
        svg += "<g shape-rendering=\"crispEdges\">\n" + shapes.map { $0 + "\n" }.joined() + "</g>\n"
        svg += "<g font-family=\"'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Noto Sans Mono CJK SC', monospace\" font-size=\"\(m.fontSize)\">\n"
        svg += texts.map { $0 + "\n" }.joined()
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 forbids become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    private struct TextKey: Hashable {
        var colour: RGB
        var bold: Bool
        var opacity: Double
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, fill: RGB, opacity: Double = 1) -> String {
        var text = "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill.hex)\""
        if opacity < 1 { text += " fill-opacity=\"\(number(opacity))\"" }
        return text + "/>"
    }

    /// Up to three decimals, no trailing zeros.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
