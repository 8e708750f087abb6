import Localization
import Widgets

/// A grid as a standalone SVG picture in a theme's true colours (not reduced to any terminal's
/// depth), for slides and handouts.
///
/// Every cell sits on a fixed grid: backgrounds are rectangles merged along each row; block
/// elements (the bars' ▏…█, ▐, ▕) and box-drawing lines are drawn as rectangles so bars and
/// frames are crisp and gap-free; other characters are `<text>` runs, one per word (so the
/// font's monospace advance can drift at most within a word, and every renderer — browsers,
/// rsvg, Inkscape — places them alike), with each wide character placed on its own two cells. `reverse` swaps the colours, `dim` fades, `bold` and
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
        var backgrounds: [String] = []
        var shapes: [String] = []
        var texts: [String] = []

        for y in 0..<grid.height {
            let top = m.padding + y * m.cellHeight
            let baseline = top + (m.cellHeight * 3 + 2) / 4
            var fill: (start: Int, colour: RGB)?
            func closeFill(at end: Int) {
                guard let open = fill else { return }
                backgrounds.append(rect(x: Double(m.padding + open.start * m.cellWidth), y: Double(top), width: Double((end - open.start) * m.cellWidth), height: Double(m.cellHeight), fill: open.colour))
                fill = nil
            }
            var word: (start: Int, key: TextKey, characters: String)?
            func closeWord() {
                guard let open = word else { return }
                var attributes = "x=\"\(m.padding + open.start * m.cellWidth)\" y=\"\(baseline)\" fill=\"\(open.key.colour.hex)\""
                if open.key.bold { attributes += " font-weight=\"bold\"" }
                if open.key.opacity < 1 { attributes += " fill-opacity=\"\(number(open.key.opacity))\"" }
                texts.append("<text \(attributes)>\(escape(open.characters))</text>")
                word = nil
            }
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let look = palette.look(of: cell.style)
                if look.background != palette.canvas {
                    if let open = fill, open.colour != look.background { closeFill(at: x) }
                    if fill == nil { fill = (x, look.background) }
                } else {
                    closeFill(at: x)
                }
                guard !cell.isContinuation else { continue }
                let columns = max(1, DisplayWidth.of(cell.character))
                let left = Double(m.padding + x * m.cellWidth)
                if look.underline {
                    shapes.append(rect(x: left, y: Double(top + m.cellHeight) - 2, width: Double(m.cellWidth * columns), height: 1, fill: look.foreground, opacity: look.opacity))
                }
                if let pieces = BlockShapes.pieces(for: cell.character) {
                    closeWord()
                    for piece in pieces {
                        shapes.append(rect(
                            x: left + piece.x * Double(m.cellWidth), y: Double(top) + piece.y * Double(m.cellHeight),
                            width: piece.width * Double(m.cellWidth), height: piece.height * Double(m.cellHeight),
                            fill: look.foreground, opacity: look.opacity
                        ))
                    }
                    continue
                }
                if cell.character == " " || DisplayWidth.of(cell.character) == 0 {
                    closeWord()
                    continue
                }
                // A word is one <text> with one x: monospace advances keep narrow characters on
                // the grid, and every wide character starts its own <text> at its own cell.
                let key = TextKey(colour: look.foreground, bold: look.bold, opacity: look.opacity)
                if let open = word, open.key == key, columns == 1, x == open.start + open.characters.count {
                    word?.characters.append(cell.character)
                } else {
                    closeWord()
                    word = (x, key, String(cell.character))
                }
                if columns > 1 { closeWord() }
            }
            closeWord()
            closeFill(at: grid.width)
        }

        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        svg += "<title>\(escape("gruscope (theme \(theme.name))"))</title>\n"
        svg += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(palette.canvas.hex)\"/>\n"
        svg += "<g shape-rendering=\"crispEdges\">\n" + (backgrounds + shapes).map { $0 + "\n" }.joined() + "</g>\n"
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
