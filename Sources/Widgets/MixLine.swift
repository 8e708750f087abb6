import Localization

/// The mix h′ = z·h + (1−z)·h̃ as geometry: a number line from h to the candidate h̃ with h′
/// marked at its point, a share 1−z of the way from h toward h̃. "Keep z of the old, replace
/// 1−z with the new" then reads as a distance.
///
/// The line is a true number line: smaller values on the left, so h sits at the left end when
/// h < h̃ and at the right end otherwise. The stretch from h to h′ (the share 1−z the candidate
/// took over) is drawn heavy in the candidate's role; the stretch from h′ on to h̃ (the share z
/// the old state held back) light in the update gate's role.
///
/// Rows, by the height it is given:
/// - 3 rows: the two shares above their stretches, the line, the values below the ends and h′;
/// - 2 rows: the line and the values;
/// - 1 row: the line with the end values beside it.
///
/// When h = h̃ there is nothing to mix: h′ equals both whatever z is, and one line says so.
/// A value that is not finite is said in words instead of drawn.
public struct MixLine: Sendable, Hashable {
    /// The old state h.
    public var old: Float
    /// The candidate h̃.
    public var candidate: Float
    /// The update gate z: the share of the old state kept.
    public var z: Float
    /// The new state h′ (z·h + (1−z)·h̃, from the trace).
    public var new: Float
    /// What to say after `h = h̃ = …: h′ = …` when the two ends coincide, in the screen's
    /// language (e.g. "whatever z is").
    public var sameEndsNote: String
    /// Unicode or ASCII.
    public var glyphs: Glyphs

    /// A mix line from the unit's numbers.
    public init(old: Float, candidate: Float, z: Float, new: Float, sameEndsNote: String = "", glyphs: Glyphs = .unicode) {
        self.old = old
        self.candidate = candidate
        self.z = z
        self.new = new
        self.sameEndsNote = sameEndsNote
        self.glyphs = glyphs
    }

    /// The share of the way from h to h̃ at which h′ lies: 1 − z, kept inside [0, 1].
    public var fraction: Float { min(max(1 - z, 0), 1) }

    /// Whether h is at the left end (h ≤ h̃).
    var oldIsLeft: Bool { old <= candidate }

    /// The names of the three points in this glyph set.
    var oldName: String { "h" }
    var candidateName: String { glyphs.text("h̃") }
    var newName: String { glyphs.text("h′") }

    /// The column of h′ on a track of `width` cells (0 = the left end's cell).
    public func markerColumn(trackWidth width: Int) -> Int {
        guard width > 1 else { return 0 }
        let fromOld = Double(fraction) * Double(width - 1)
        let column = Int((oldIsLeft ? fromOld : Double(width - 1) - fromOld).rounded(.toNearestOrAwayFromZero))
        return min(max(column, 0), width - 1)
    }

    /// Draws into `area` (see the type's rows).
    public func draw(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let values = [old, candidate, z, new]
        guard values.allSatisfy(\.isFinite) else {
            let words = "h = \(Self.number(old)), \(candidateName) = \(Self.number(candidate)), z = \(Self.number(z)), \(newName) = \(Self.number(new))"
            grid.put(words, x: area.x, y: area.y, style: Style(.error, attributes: .bold), maxWidth: area.width)
            return
        }
        if old == candidate {
            var words = "h = \(candidateName) = \(Self.number(old)): \(newName) = \(Self.number(new))"
            if !sameEndsNote.isEmpty { words += " " + glyphs.text(sameEndsNote) }
            grid.put(words, x: area.x, y: area.y + (area.height >= 3 ? 1 : 0),
                     style: Style(.newState, attributes: .bold), maxWidth: area.width)
            return
        }
        switch area.height {
        case 1:
            drawInline(in: area, into: &grid)
        case 2:
            let track = drawLine(y: area.y, in: area, into: &grid)
            drawValues(y: area.y + 1, track: track, area: area, into: &grid)
        default:
            let track = drawLine(y: area.y + 1, in: area, into: &grid)
            drawShares(y: area.y, track: track, into: &grid)
            drawValues(y: area.y + 2, track: track, area: area, into: &grid)
        }
    }

    /// The cells of the track: its first column and width.
    struct Track {
        var x: Int
        var width: Int
        var marker: Int
        var maxX: Int { x + width }
        /// The columns of the stretch from h to h′ and from h′ to h̃, left to right.
        var oldEnd: Int
        var candidateEnd: Int
    }

    /// The line row: end names, end ticks, the two stretches and the h′ marker.
    @discardableResult
    func drawLine(y: Int, in area: Rect, into grid: inout Grid) -> Track {
        let leftName = oldIsLeft ? oldName : candidateName
        let rightName = oldIsLeft ? candidateName : oldName
        let leftWidth = DisplayWidth.of(leftName) + 1
        let rightWidth = DisplayWidth.of(rightName) + 1
        let trackX = area.x + leftWidth
        let trackWidth = max(0, area.width - leftWidth - rightWidth)
        grid.put(leftName, x: area.x, y: y, style: nameStyle(left: true), maxWidth: area.width)
        grid.put(rightName, x: trackX + trackWidth + 1, y: y, style: nameStyle(left: false), maxWidth: max(0, area.maxX - trackX - trackWidth - 1))
        let marker = trackX + markerColumn(trackWidth: trackWidth)
        let track = Track(x: trackX, width: trackWidth, marker: marker,
                          oldEnd: oldIsLeft ? trackX : trackX + trackWidth - 1,
                          candidateEnd: oldIsLeft ? trackX + trackWidth - 1 : trackX)
        drawBareTrack(in: Rect(x: trackX, y: y, width: trackWidth, height: 1), into: &grid)
        return track
    }

    private func nameStyle(left: Bool) -> Style {
        left == oldIsLeft ? Style(.text, attributes: .bold) : Style(.candidate, attributes: .bold)
    }

    /// The values row: the left end's value, h′ under its marker, the right end's value.
    func drawValues(y: Int, track: Track, area: Rect, into grid: inout Grid) {
        guard track.width > 0 else { return }
        let leftValue = Self.number(oldIsLeft ? old : candidate)
        let rightValue = Self.number(oldIsLeft ? candidate : old)
        let middle = "\(newName) \(Self.number(new))"
        let middleWidth = DisplayWidth.of(middle)
        let leftWidth = DisplayWidth.of(leftValue), rightWidth = DisplayWidth.of(rightValue)
        // h′'s label centred under its marker, between the end values when there is room, else
        // alone (the end values are the line's names' numbers; h′ is what the picture is for).
        let centred = track.marker - middleWidth / 2
        let lowest = track.x + leftWidth + 1, highest = track.maxX - rightWidth - 1 - middleWidth
        let withEnds = lowest <= highest
        let middleX = withEnds ? min(max(centred, lowest), highest) : max(area.x, min(centred, area.maxX - middleWidth))
        grid.put(middle, x: middleX, y: y, style: Style(.newState, attributes: .bold), maxWidth: area.maxX - middleX)
        guard withEnds else { return }
        grid.put(leftValue, x: track.x, y: y, style: nameStyle(left: true))
        grid.put(rightValue, x: track.maxX - rightWidth, y: y, style: nameStyle(left: false))
    }

    /// The shares row: 1−z above the stretch h…h′, z above h′…h̃.
    func drawShares(y: Int, track: Track, into grid: inout Grid) {
        guard track.width > 0 else { return }
        let replaced = glyphs.text("1−z = ") + Self.number(1 - z, decimals: 2)
        let kept = "z = " + Self.number(z, decimals: 2)
        let oldSpan = (min(track.oldEnd, track.marker), max(track.oldEnd, track.marker))
        let candidateSpan = (min(track.candidateEnd, track.marker), max(track.candidateEnd, track.marker))
        // Left label first, then the right one after it, each centred over its stretch as far
        // as room allows; a label that cannot fit is left out (the values row still holds h′).
        let labels: [(text: String, span: (Int, Int), style: Style)] = [
            (replaced, oldSpan, Style(.candidate, attributes: .bold)),
            (kept, candidateSpan, Style(.updateGate, attributes: .bold)),
        ].sorted { $0.span.0 < $1.span.0 }
        var nextFree = track.x
        for label in labels {
            let width = DisplayWidth.of(label.text)
            let centre = (label.span.0 + label.span.1) / 2
            let x = max(nextFree, min(centre - width / 2, track.maxX - width))
            guard x + width <= track.maxX, x >= track.x else { continue }
            grid.put(label.text, x: x, y: y, style: label.style)
            nextFree = x + width + 1
        }
    }

    /// One row: `h -0.90 ├━━◆───┤ h̃ 0.45`.
    func drawInline(in area: Rect, into grid: inout Grid) {
        let leftText = (oldIsLeft ? oldName : candidateName) + " " + Self.number(oldIsLeft ? old : candidate)
        let rightText = (oldIsLeft ? candidateName : oldName) + " " + Self.number(oldIsLeft ? candidate : old)
        let leftWidth = DisplayWidth.of(leftText) + 1
        let rightWidth = DisplayWidth.of(rightText) + 1
        guard area.width - leftWidth - rightWidth >= 5 else {
            let words = "\(newName) \(Self.number(new)) = " + glyphs.text("\(Self.number(z, decimals: 2))·h + \(Self.number(1 - z, decimals: 2))·h̃")
            grid.put(words, x: area.x, y: area.y, style: Style(.newState, attributes: .bold), maxWidth: area.width)
            return
        }
        grid.put(leftText, x: area.x, y: area.y, style: nameStyle(left: true))
        let line = Rect(x: area.x + leftWidth, y: area.y, width: area.width - leftWidth - rightWidth, height: 1)
        drawBareTrack(in: line, into: &grid)
        grid.put(rightText, x: line.maxX + 1, y: area.y, style: nameStyle(left: false))
    }

    /// The track alone across `area`'s first row: end ticks, the heavy stretch h…h′, the
    /// light stretch h′…h̃ and the marker.
    private func drawBareTrack(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let marker = area.x + markerColumn(trackWidth: area.width)
        for column in area.x..<area.maxX {
            let travelled = oldIsLeft ? column < marker : column > marker
            grid.put(travelled ? (glyphs == .unicode ? "━" : "=") : (glyphs == .unicode ? "─" : "-"), x: column, y: area.y,
                     style: travelled ? Style(.candidate, attributes: .bold) : Style(.updateGate))
        }
        grid.put(glyphs == .unicode ? "├" : "|", x: area.x, y: area.y, style: nameStyle(left: true))
        grid.put(glyphs == .unicode ? "┤" : "|", x: area.maxX - 1, y: area.y, style: nameStyle(left: false))
        grid.put(glyphs == .unicode ? "◆" : "*", x: marker, y: area.y, style: Style(.newState, attributes: .bold))
    }

    /// A value as the explanations spell it.
    static func number(_ value: Float, decimals: Int = 3) -> String {
        NumberText.value(value, decimals: decimals)
    }
}
