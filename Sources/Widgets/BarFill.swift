/// The arithmetic shared by the bars: how many eighths of a cell a fraction of a run of cells
/// covers, rounded to the nearest eighth.
///
/// Rounding (rather than always showing a sliver for any non-zero value) keeps equal values the
/// same length everywhere; a value under 1/16 of a cell draws nothing, and the number printed
/// beside the bar tells the rest.
enum BarFill {
    /// Eighths covered by `fraction` (clamped to [0, 1]) of `cells` cells.
    static func eighths(fraction: Float, cells: Int) -> Int {
        guard cells > 0, fraction.isFinite || fraction == .infinity else { return 0 }
        let clamped = Double(min(max(fraction, 0), 1))
        let exact = clamped * Double(cells) * 8
        return min(cells * 8, max(0, Int(exact.rounded(.toNearestOrAwayFromZero))))
    }

    /// A fraction beyond 1 (allowing for rounding noise in the caller's arithmetic) is clipped.
    static func isBeyond(_ fraction: Float) -> Bool {
        fraction > 1 + 1e-6
    }
}

/// One cell of a bar: the character, and whether it is drawn with foreground and background
/// swapped (how a right-aligned partial block is faked from a left-aligned one).
struct BarCell: Hashable {
    var character: Unicode.Scalar
    var reversed: Bool = false
    var isMarker: Bool = false
}
