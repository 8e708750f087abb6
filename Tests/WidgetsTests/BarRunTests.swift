import Localization
import Testing
@testable import Widgets

/// The bars draw run by run; their cell-by-cell definitions (``GateBar/cell`` and
/// ``SignedBar/Shape/cell``) must give the same grid for every value.
@Suite struct BarRunTests {
    static let values: [Float] = [0, -0, 0.001, 0.06, 0.0625, 0.5, 0.55, 0.999, 1, 1.0000001, 1.5, -0.2, -1, -3, 7,
                                  .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]

    @Test func gateBarRunsMatchTheCellDefinition() {
        for glyphs in Glyphs.allCases {
            for width in 1...14 {
                for value in Self.values + (0..<40).map({ _ in Float.random(in: -0.3...1.3) }) {
                    let bar = GateBar(value: value, style: Style(.resetGate), trackStyle: Style(.dim, background: .dim), glyphs: glyphs)
                    let area = Rect(x: 1, y: 0, width: width, height: 2)
                    let fast = drawn(width: 16, height: 2) { bar.draw(in: area, into: &$0) }
                    let slow = drawn(width: 16, height: 2) { grid in
                        let eighths = BarFill.eighths(fraction: value, cells: width)
                        for y in 0..<2 {
                            for i in 0..<width {
                                let cell = GateBar.cell(i, value: value, width: width, eighths: eighths, glyphs: glyphs)
                                var style = cell.character == " " ? bar.trackStyle : bar.style
                                if cell.isMarker && value.isNaN { style = Style(.error, attributes: .bold) }
                                if cell.reversed { style.attributes.insert(.reverse) }
                                grid[1 + i, y] = Cell(scalar: cell.character, style: style)
                            }
                        }
                    }
                    #expect(fast == slow, "\(value) in \(width), \(glyphs)")
                }
            }
        }
    }

    @Test func signedBarRunsMatchTheCellDefinition() {
        for glyphs in Glyphs.allCases {
            for width in 1...15 {
                for scale: Float in [1, 0.3, 0, -1, .nan, .infinity] {
                    for value in Self.values + (0..<30).map({ _ in Float.random(in: -2...2) }) {
                        let bar = SignedBar(value: value, scale: scale, positiveStyle: Style(.positive), negativeStyle: Style(.negative),
                                            zeroLineStyle: Style(.zeroLine), trackStyle: Style(.text, background: .dim), glyphs: glyphs)
                        let area = Rect(x: 1, y: 0, width: width, height: 2)
                        let fast = drawn(width: 17, height: 2) { bar.draw(in: area, into: &$0) }
                        let slow = drawn(width: 17, height: 2) { grid in
                            let side = SignedBar.sideLength(width: width)
                            let shape = SignedBar.Shape(value: value, scale: scale, side: side)
                            for y in 0..<2 {
                                for x in 0..<width { grid[1 + x, y] = Cell(" ", style: bar.trackStyle) }
                                for i in 0...(2 * side) {
                                    let cell = shape.cell(i, glyphs: glyphs)
                                    var style: Style
                                    if i == side {
                                        style = cell.isMarker ? Style(.error, attributes: .bold) : bar.zeroLineStyle
                                    } else if cell.character == " " {
                                        style = bar.trackStyle
                                    } else {
                                        style = i < side ? bar.negativeStyle : bar.positiveStyle
                                    }
                                    if cell.reversed { style.attributes.insert(.reverse) }
                                    grid[1 + i, y] = Cell(scalar: cell.character, style: style)
                                }
                            }
                        }
                        #expect(fast == slow, "\(value) on \(scale) in \(width), \(glyphs)")
                    }
                }
            }
        }
    }
}
