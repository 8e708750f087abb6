import Foundation
import Localization
import Testing
import Widgets

@Suite struct CellDiagramTests {
    /// Unit 4 of the seed-doc scene at t = 0 (z pinned to 0.5): h = 4, h̃ ≈ 0.995.
    let diagram = CellDiagram(r: 0.42, z: 0.74, candidate: 0.45, old: -0.9, new: -0.549, resetAfter: false)

    func drawnDiagram(_ d: CellDiagram, width: Int? = nil, height: Int? = nil) -> Grid {
        drawn(width: width ?? d.size.width, height: height ?? d.size.height) { d.draw(in: $0.area, into: &$0) }
    }

    @Test func unicodeSnapshot() {
        let grid = drawnDiagram(diagram)
        let path = SnapshotFile.path(named: "cell-diagram-unicode", forTestFile: #filePath)
        let problem = SnapshotFile.check(actual: GridSnapshot.render(grid), path: path)
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func asciiSnapshotIsAllASCII() {
        var ascii = diagram
        ascii.glyphs = .ascii
        let grid = drawnDiagram(ascii)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII }, "\(grid.text)")
        #expect(grid.text.contains("h~ tanh"))
        #expect(grid.text.contains("r sigma"))
        let path = SnapshotFile.path(named: "cell-diagram-ascii", forTestFile: #filePath)
        let problem = SnapshotFile.check(actual: GridSnapshot.render(grid), path: path)
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func theWiresCarryTheLiveNumbers() {
        let text = drawnDiagram(diagram).text
        for label in ["r 0.420", "z 0.740", "h̃ 0.450", "h -0.900", "h′ -0.549"] {
            #expect(text.contains(label), "\(label) missing in\n\(text)")
        }
        #expect(text.contains("h′ = z·h + (1−z)·h̃ = 0.740·(-0.900) + 0.260·0.450 = -0.549"))
    }

    @Test func theFormulaAddsUp() {
        // The mix of the numbers the formula shows equals the h′ it states.
        let z: Float = 0.3, old: Float = 2, candidate: Float = -0.5
        let d = CellDiagram(r: 0.5, z: z, candidate: candidate, old: old, new: z * old + (1 - z) * candidate, resetAfter: true)
        #expect(d.formula == "h′ = z·h + (1−z)·h̃ = 0.300·2.000 + 0.700·(-0.500) = 0.250")
    }

    @Test func resetRuleAndPinsShowInTheBoxes() {
        var d = diagram
        d.resetAfter = true
        d.zPinned = true
        let text = drawnDiagram(d).text
        #expect(text.contains("x, r⊙(U·h)"))
        #expect(text.contains("z ●"))
        #expect(text.contains("r σ"))
    }

    @Test func theMixNameComesFromTheCaller() {
        var d = diagram
        d.mixName = "混合"
        let grid = drawnDiagram(d)
        #expect(grid.text.contains("混合"))
    }

    @Test func aSmallAreaGetsTheNumbersAsLines() {
        let grid = drawnDiagram(diagram, width: 70, height: 3)
        #expect(grid.line(0).hasPrefix("r 0.420 → h̃ = tanh(…) = 0.450"))
        #expect(grid.line(2).hasPrefix("h′ = z·h"))
    }

    @Test func everySizeStaysInsideItsArea() {
        for width in stride(from: 0, through: 80, by: 7) {
            for height in 0...11 {
                for glyphs in Glyphs.allCases {
                    var grid = Grid(width: 90, height: 14)
                    let area = Rect(x: 3, y: 1, width: width, height: height)
                    var d = diagram
                    d.glyphs = glyphs
                    d.draw(in: area, into: &grid)
                    for y in 0..<grid.height {
                        for x in 0..<grid.width where !area.contains(x: x, y: y) {
                            #expect(grid[x, y] == .blank, "\(width)×\(height) wrote (\(x), \(y))")
                        }
                    }
                }
            }
        }
    }
}
