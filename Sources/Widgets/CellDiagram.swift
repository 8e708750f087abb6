import Localization

/// A small diagram of the cell for one unit: boxes for r, z, the candidate and the mix, with the
/// live numbers on the wires between them, and the mix's arithmetic underneath.
///
/// ```
///          ┌─────┐ r 0.420   ┌────────┐ h̃ 0.450   ┌───────┐
/// x, h ─┬─▶│ r σ ├──────────▶│ h̃ tanh ├──────────▶│       │ h′ -0.549
///       │  └─────┘  ┌───────▶│ x, r⊙h │           │       ├──────────▶
///       ├───────────┘        └────────┘           │       │
///       │  ┌─────┐ z 0.740                        │  mix  │
///       ├─▶│ z σ ├───────────────────────────────▶│       │
///       │  └─────┘ h -0.900                       │       │
///       └────────────────────────────────────────▶│       │
///                                                 └───────┘
/// h′ = z·h + (1−z)·h̃ = 0.740·(-0.900) + 0.260·0.450 = -0.549
/// ```
///
/// Every label passes through the glyph set, so ASCII draws `+-|>` boxes and says `h~`, `h'`
/// and `sigma`. The columns follow the labels' widths, so both sets line up. A pinned gate's
/// box says so with the pin mark instead of σ. An area smaller than ``size(glyphs:)`` gets the
/// same numbers as lines of text.
public struct CellDiagram: Sendable, Hashable {
    /// The unit's reset gate.
    public var r: Float
    /// The unit's update gate.
    public var z: Float
    /// The unit's candidate.
    public var candidate: Float
    /// The unit's old state.
    public var old: Float
    /// The unit's new state.
    public var new: Float
    /// Whether r acts after the recurrent product (PyTorch) rather than before it (TensorFlow).
    public var resetAfter: Bool
    /// Whether r is pinned rather than computed.
    public var rPinned: Bool
    /// Whether z is pinned rather than computed.
    public var zPinned: Bool
    /// The mix box's name in the screen's language.
    public var mixName: String
    /// Unicode or ASCII.
    public var glyphs: Glyphs

    /// A diagram from a unit's numbers.
    public init(
        r: Float, z: Float, candidate: Float, old: Float, new: Float, resetAfter: Bool,
        rPinned: Bool = false, zPinned: Bool = false, mixName: String = "mix", glyphs: Glyphs = .unicode
    ) {
        self.r = r
        self.z = z
        self.candidate = candidate
        self.old = old
        self.new = new
        self.resetAfter = resetAfter
        self.rPinned = rPinned
        self.zPinned = zPinned
        self.mixName = mixName
        self.glyphs = glyphs
    }

    /// Columns and rows the full diagram needs, its formula line included.
    public var size: (width: Int, height: Int) {
        let plan = Plan(self)
        return (max(plan.width, DisplayWidth.of(formula)), Plan.rows + 1)
    }

    /// The mix's arithmetic: `h′ = z·h + (1−z)·h̃ = 0.740·(-0.900) + 0.260·0.450 = -0.549`.
    public var formula: String {
        let weights = "\(number(z))·\(parenthesised(old)) + \(number(1 - z))·\(parenthesised(candidate))"
        return glyphs.text("h′ = z·h + (1−z)·h̃ = " + weights + " = " + number(new))
    }

    /// The numbers as lines, for an area too small for the boxes.
    public var lines: [String] {
        [
            glyphs.text("r \(number(r)) → h̃ = tanh(…) = \(number(candidate))"),
            glyphs.text("z \(number(z)), h \(number(old))"),
            formula,
        ]
    }

    /// Draws the diagram from the area's top left, or its lines when it does not fit.
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let plan = Plan(self)
        guard area.width >= plan.width, area.height >= Plan.rows else {
            for (index, line) in lines.enumerated() where index < area.height {
                grid.put(line, x: area.x, y: area.y + index, style: Style(.text), maxWidth: area.width)
            }
            return
        }
        // The canvas borrows the grid (a swap, not a copy) for the drawing.
        var canvas = Canvas(grid: Grid(width: 0, height: 0), origin: (area.x, area.y), glyphs: glyphs)
        swap(&canvas.grid, &grid)
        plan.draw(self, on: &canvas)
        swap(&canvas.grid, &grid)
        if area.height > Plan.rows {
            grid.put(formula, x: area.x, y: area.y + Plan.rows, style: Style(.newState, attributes: .bold), maxWidth: area.width)
        }
    }

    func number(_ value: Float) -> String { NumberText.value(value, decimals: 3) }

    private func parenthesised(_ value: Float) -> String {
        let text = number(value)
        return text.hasPrefix("-") ? "(" + text + ")" : text
    }

    /// The columns of every part, worked out from the labels' widths.
    struct Plan {
        static let rows = 9
        let inputLabel: String
        let rLabel, zLabel, candidateLabel, candidateInputs, mixLabel: String
        let trunk, rBox, rWidth, candidateBox, candidateWidth, branch, mixBox, mixWidth, outWire: Int
        let rWire, candidateWire, zWire, hWire, outLabel: String

        var width: Int { mixBox + mixWidth + outWire }

        init(_ d: CellDiagram) {
            let g = d.glyphs
            let pin = g == .unicode ? "●" : "*"
            inputLabel = "x, h"
            rLabel = g.text("r " + (d.rPinned ? pin : "σ"))
            zLabel = g.text("z " + (d.zPinned ? pin : "σ"))
            candidateLabel = g.text("h̃ tanh")
            candidateInputs = g.text(d.resetAfter ? "x, r⊙(U·h)" : "x, r⊙h")
            mixLabel = d.mixName
            rWire = "r " + d.number(d.r)
            zWire = "z " + d.number(d.z)
            candidateWire = g.text("h̃ ") + d.number(d.candidate)
            hWire = "h " + d.number(d.old)
            outLabel = g.text("h′ ") + d.number(d.new)
            trunk = DisplayWidth.of(inputLabel) + 2
            rBox = trunk + 3
            rWidth = max(DisplayWidth.of(rLabel), DisplayWidth.of(zLabel)) + 4
            let rToCandidate = max(DisplayWidth.of(rWire) + 4, 8)
            candidateBox = rBox + rWidth + rToCandidate
            branch = rBox + rWidth + 2
            candidateWidth = max(DisplayWidth.of(candidateLabel), DisplayWidth.of(candidateInputs)) + 4
            let candidateToMix = max(DisplayWidth.of(candidateWire) + 4, 8)
            mixBox = candidateBox + candidateWidth + candidateToMix
            mixWidth = DisplayWidth.of(mixLabel) + 6
            outWire = max(DisplayWidth.of(outLabel) + 2, 8)
        }

        func draw(_ d: CellDiagram, on canvas: inout Canvas) {
            let wire = Style(.dim)
            let rStyle = Style(.resetGate, attributes: .bold), zStyle = Style(.updateGate, attributes: .bold)
            let cStyle = Style(.candidate, attributes: .bold), mStyle = Style(.newState, attributes: .bold)
            // The inputs and the trunk that carries them down to every box.
            canvas.text(inputLabel, x: 0, y: 1, style: Style(.text, attributes: .bold))
            canvas.horizontal(y: 1, from: trunk - 1, to: trunk - 1, style: wire)
            canvas.vertical(x: trunk, from: 1, to: 7, style: wire)
            canvas.joint(.topTee, x: trunk, y: 1, style: wire)
            canvas.joint(.leftTee, x: trunk, y: 3, style: wire)
            canvas.joint(.leftTee, x: trunk, y: 5, style: wire)
            canvas.joint(.bottomLeft, x: trunk, y: 7, style: wire)
            // r: its box, and its wire into the candidate.
            canvas.arrow(y: 1, from: trunk + 1, to: rBox - 1, style: wire)
            canvas.box(x: rBox, y: 0, width: rWidth, height: 3, lines: [rLabel], style: rStyle)
            canvas.joint(.leftTee, x: rBox + rWidth - 1, y: 1, style: rStyle)
            canvas.arrow(y: 1, from: rBox + rWidth, to: candidateBox - 1, style: rStyle)
            canvas.text(rWire, x: rBox + rWidth + 1, y: 0, style: rStyle)
            // x and h into the candidate, around under r's box.
            canvas.horizontal(y: 3, from: trunk + 1, to: branch - 1, style: wire)
            canvas.joint(.bottomRight, x: branch, y: 3, style: wire)
            canvas.joint(.topLeft, x: branch, y: 2, style: wire)
            canvas.arrow(y: 2, from: branch + 1, to: candidateBox - 1, style: wire)
            // The candidate, and its wire into the mix.
            canvas.box(x: candidateBox, y: 0, width: candidateWidth, height: 4, lines: [candidateLabel, candidateInputs], style: cStyle)
            canvas.joint(.leftTee, x: candidateBox + candidateWidth - 1, y: 1, style: cStyle)
            canvas.arrow(y: 1, from: candidateBox + candidateWidth, to: mixBox - 1, style: cStyle)
            canvas.text(candidateWire, x: candidateBox + candidateWidth + 1, y: 0, style: cStyle)
            // z: its box and its wire into the mix.
            canvas.arrow(y: 5, from: trunk + 1, to: rBox - 1, style: wire)
            canvas.box(x: rBox, y: 4, width: rWidth, height: 3, lines: [zLabel], style: zStyle)
            canvas.joint(.leftTee, x: rBox + rWidth - 1, y: 5, style: zStyle)
            canvas.arrow(y: 5, from: rBox + rWidth, to: mixBox - 1, style: zStyle)
            canvas.text(zWire, x: rBox + rWidth + 1, y: 4, style: zStyle)
            // The old state straight into the mix.
            canvas.arrow(y: 7, from: trunk + 1, to: mixBox - 1, style: Style(.text))
            canvas.text(hWire, x: rBox + rWidth + 1, y: 6, style: Style(.text, attributes: .bold))
            // The mix and the new state out of it.
            canvas.box(x: mixBox, y: 0, width: mixWidth, height: Self.rows, lines: [], style: mStyle)
            canvas.text(mixLabel, x: mixBox + 3, y: 4, style: mStyle)
            canvas.joint(.leftTee, x: mixBox + mixWidth - 1, y: 2, style: mStyle)
            canvas.arrow(y: 2, from: mixBox + mixWidth, to: mixBox + mixWidth + outWire - 1, style: mStyle)
            canvas.text(outLabel, x: mixBox + mixWidth + 1, y: 1, style: mStyle)
        }
    }

    /// Line drawing relative to the diagram's top left.
    struct Canvas {
        var grid: Grid
        let origin: (x: Int, y: Int)
        let glyphs: Glyphs

        enum Joint { case topTee, leftTee, bottomLeft, bottomRight, topLeft }

        mutating func text(_ text: String, x: Int, y: Int, style: Style) {
            grid.put(text, x: origin.x + x, y: origin.y + y, style: style)
        }

        mutating func put(_ character: Character, x: Int, y: Int, style: Style) {
            grid.put(character, x: origin.x + x, y: origin.y + y, style: style)
        }

        mutating func horizontal(y: Int, from: Int, to: Int, style: Style) {
            guard from <= to else { return }
            for x in from...to { put(glyphs.box.horizontal, x: x, y: y, style: style) }
        }

        mutating func vertical(x: Int, from: Int, to: Int, style: Style) {
            guard from <= to else { return }
            for y in from...to { put(glyphs.box.vertical, x: x, y: y, style: style) }
        }

        /// A wire ending in an arrowhead at `to`.
        mutating func arrow(y: Int, from: Int, to: Int, style: Style) {
            horizontal(y: y, from: from, to: to - 1, style: style)
            put(glyphs == .unicode ? "▶" : ">", x: to, y: y, style: style)
        }

        mutating func joint(_ joint: Joint, x: Int, y: Int, style: Style) {
            let unicode: Character
            switch joint {
            case .topTee: unicode = "┬"
            case .leftTee: unicode = "├"
            case .bottomLeft: unicode = "└"
            case .bottomRight: unicode = "┘"
            case .topLeft: unicode = "┌"
            }
            put(glyphs == .unicode ? unicode : "+", x: x, y: y, style: style)
        }

        /// A frame with lines of text centred inside, from the second row down.
        mutating func box(x: Int, y: Int, width: Int, height: Int, lines: [String], style: Style) {
            let b = glyphs.box
            put(b.topLeft, x: x, y: y, style: style)
            horizontal(y: y, from: x + 1, to: x + width - 2, style: style)
            put(b.topRight, x: x + width - 1, y: y, style: style)
            for row in (y + 1)..<(y + height - 1) {
                put(b.vertical, x: x, y: row, style: style)
                put(b.vertical, x: x + width - 1, y: row, style: style)
            }
            put(b.bottomLeft, x: x, y: y + height - 1, style: style)
            horizontal(y: y + height - 1, from: x + 1, to: x + width - 2, style: style)
            put(b.bottomRight, x: x + width - 1, y: y + height - 1, style: style)
            for (index, line) in lines.enumerated() {
                let inner = width - 2
                let left = x + 1 + max(0, (inner - DisplayWidth.of(line)) / 2)
                text(line, x: left, y: y + 1 + index, style: style)
            }
        }
    }
}
