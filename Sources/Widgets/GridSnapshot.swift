/// A grid as reviewable text: the rows between `|` bars (so trailing spaces show), then the
/// style runs of every row that has anything but plain text, e.g.
///
/// ```
/// |r  z  h'     |
/// |▌  █▊ -0.120 |
/// --
/// row 0: 0-12 header+bold
/// row 1: 0 reset-gate, 1-2 text, 3-4 update-gate, 5-12 text
/// ```
///
/// Columns in the runs are cell columns (a wide character covers two). A style is written as its
/// foreground role, ` on ` its background role, then `+` each attribute.
public enum GridSnapshot {
    /// The snapshot text of a grid, ending in a newline.
    public static func render(_ grid: Grid) -> String {
        var out = ""
        for y in 0..<grid.height { out += "|" + grid.line(y) + "|\n" }
        out += "--\n"
        for y in 0..<grid.height {
            let runs = styleRuns(grid, row: y)
            if runs.count == 1, runs[0].style == .plain { continue }
            let described = runs.map { run in
                let columns = run.columns.count == 1 ? "\(run.columns.lowerBound)" : "\(run.columns.lowerBound)-\(run.columns.upperBound - 1)"
                return columns + " " + describe(run.style)
            }
            out += "row \(y): " + described.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// One style run: a stretch of a row's columns in the same style.
    public struct Run: Sendable, Hashable {
        /// The columns covered.
        public var columns: Range<Int>
        /// Their style.
        public var style: Style
    }

    /// The runs of one row, left to right, covering every column.
    public static func styleRuns(_ grid: Grid, row y: Int) -> [Run] {
        var runs: [Run] = []
        for x in 0..<grid.width {
            let style = grid[x, y].style
            if let last = runs.last, last.style == style, last.columns.upperBound == x {
                runs[runs.count - 1].columns = last.columns.lowerBound..<(x + 1)
            } else {
                runs.append(Run(columns: x..<(x + 1), style: style))
            }
        }
        return runs
    }

    /// `kept on selection+bold+reverse`.
    public static func describe(_ style: Style) -> String {
        var text = style.foreground.rawValue
        if let background = style.background { text += " on " + background.rawValue }
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse")]
        for (attribute, name) in names where style.attributes.contains(attribute) { text += "+" + name }
        return text
    }
}
