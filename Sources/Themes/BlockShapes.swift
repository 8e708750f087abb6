/// Block elements and box-drawing lines as rectangles in cell units (0…1), so the SVG export
/// draws bars and frames exactly instead of trusting a font to fill the cell.
enum BlockShapes {
    /// A rectangle in cell units.
    struct Piece: Hashable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// The rectangles for a character, or nil when it is ordinary text.
    static func pieces(for character: Character) -> [Piece]? {
        if let eighths = leftEighths[character] { return [Piece(x: 0, y: 0, width: Double(eighths) / 8, height: 1)] }
        switch character {
        case "▐": return [Piece(x: 0.5, y: 0, width: 0.5, height: 1)]
        case "▕": return [Piece(x: 0.875, y: 0, width: 0.125, height: 1)]
        case "─": return [horizontal(from: 0, to: 1)]
        case "│": return [vertical(from: 0, to: 1)]
        case "┌": return [horizontal(from: 0.5, to: 1), vertical(from: 0.5, to: 1)]
        case "┐": return [horizontal(from: 0, to: 0.5), vertical(from: 0.5, to: 1)]
        case "└": return [horizontal(from: 0.5, to: 1), vertical(from: 0, to: 0.5)]
        case "┘": return [horizontal(from: 0, to: 0.5), vertical(from: 0, to: 0.5)]
        default: return nil
        }
    }

    private static let leftEighths: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8]

    /// Line thickness in cell units (about one pixel at the default size).
    private static let stroke = 0.1

    private static func horizontal(from start: Double, to end: Double) -> Piece {
        Piece(x: start == 0 ? 0 : start - stroke / 2, y: 0.5 - stroke / 4, width: end - start + (start == 0 ? 0 : stroke / 2), height: stroke / 2)
    }

    private static func vertical(from start: Double, to end: Double) -> Piece {
        Piece(x: 0.5 - stroke / 2, y: start, width: stroke, height: end - start)
    }
}
