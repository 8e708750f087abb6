import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Themes
import Widgets

/// Collects elements while parsing, to show the SVG is well-formed XML and inspect it.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { texts.append(current) }
        current = ""
    }
}

func parseSVG(_ svg: String) -> (ok: Bool, collector: SVGCollector, error: String) {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = SVGCollector()
    parser.delegate = collector
    let ok = parser.parse()
    return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
}

@Suite struct SVGExportTests {
    @Test(arguments: shippedThemeNames) func wellFormedForEveryTheme(name: String) throws {
        let theme = try ThemeLibrary.loadFile(themesDirectory + "/\(name).toml").get().theme
        let svg = SVGExport.render(grid: demoGrid(), theme: theme)
        let (ok, collector, error) = parseSVG(svg)
        #expect(ok, "\(error)")
        #expect(collector.elements.first?.name == "svg")
        #expect(collector.elements.first?.attributes["width"] == String(44 * 9 + 24))
        #expect(collector.elements.first?.attributes["height"] == String(8 * 20 + 24))
        if let directory = ProcessInfo.processInfo.environment["GRUSCOPE_SVG_OUT"] {
            try svg.write(toFile: directory + "/\(name).svg", atomically: true, encoding: .utf8)
        }
    }

    @Test func containsTheThemesTrueColours() {
        let svg = SVGExport.render(grid: demoGrid(), theme: ResolvedTheme(theme: .default, depth: .ansi8))
        let (_, collector, _) = parseSVG(svg)
        let fills = Set(collector.elements.compactMap { $0.attributes["fill"] })
        #expect(fills.contains("#ffa94d"))  // reset-gate, not reduced to 8 colours
        #expect(fills.contains("#5cb8ff"))  // update-gate
        #expect(fills.contains("#2f3650"))  // selection background
        #expect(fills.contains("#ffd166"))  // header text / focus background
        #expect(fills.contains("#1d1f24"))  // the dark canvas behind a theme without its own background
    }

    @Test func escapesText() {
        let svg = SVGExport.render(grid: demoGrid(), theme: Theme.default)
        let (_, collector, _) = parseSVG(svg)
        #expect(svg.contains("&lt;x&amp;h&gt;"))
        #expect(collector.texts.contains { $0.contains("<x&h>") })
        #expect(SVGExport.escape("a<b>&\"'\u{1}") == "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}")
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(width: 6, height: 1)
        grid.put("你a", x: 0, y: 0)
        let (_, collector, _) = parseSVG(SVGExport.render(grid: grid, theme: Theme.mono))
        let xs = collector.elements.filter { $0.name == "text" }.compactMap { $0.attributes["x"] }
        #expect(xs == ["12", "30"])  // padding 12, then two cells of 9
    }

    @Test func reverseSwapsColoursAndBlocksAreRectangles() {
        var grid = Grid(width: 2, height: 1)
        grid[0, 0] = Cell("█", style: Style(.resetGate))
        grid[1, 0] = Cell("▎", style: Style(.resetGate, attributes: .reverse))
        let (_, collector, _) = parseSVG(SVGExport.render(grid: grid, theme: Theme.default))
        let rects = collector.elements.filter { $0.name == "rect" }
        // Canvas, the reversed cell's background in the bar colour, the full block, and the
        // reversed sliver in the canvas colour.
        #expect(rects.contains { $0.attributes["x"] == "21" && $0.attributes["fill"] == "#ffa94d" && $0.attributes["width"] == "9" })
        #expect(rects.contains { $0.attributes["x"] == "12" && $0.attributes["fill"] == "#ffa94d" && $0.attributes["width"] == "9" })
        #expect(rects.contains { $0.attributes["x"] == "21" && $0.attributes["fill"] == "#1d1f24" && $0.attributes["width"] == "2.25" })
        #expect(!collector.elements.contains { $0.name == "text" })
    }

    @Test func emptyGrid() {
        let (ok, _, _) = parseSVG(SVGExport.render(grid: Grid(width: 0, height: 0), theme: Theme.default))
        #expect(ok)
    }
}
