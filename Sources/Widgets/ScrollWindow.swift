/// Which part of a long list is on screen: a pure computation from the list's length, the rows
/// (or columns) visible, the selection and the previous offset, so scrolling is testable and the
/// view moves only as much as needed to keep the selection in sight.
public enum ScrollWindow {
    /// The first visible index.
    ///
    /// - Parameters:
    ///   - count: items in the list.
    ///   - visible: items that fit on screen.
    ///   - selection: the item that must stay visible, if any.
    ///   - previous: the offset shown last time (0 when there is none).
    ///   - margin: items of context kept beyond the selection when possible (capped so it can
    ///     always be honoured: at most `(visible − 1) / 2`).
    /// - Returns: an offset in `0...max(0, count − visible)`.
    public static func offset(count: Int, visible: Int, selection: Int?, previous: Int = 0, margin: Int = 0) -> Int {
        guard count > 0, visible > 0 else { return 0 }
        let maxOffset = max(0, count - visible)
        var offset = min(max(0, previous), maxOffset)
        if let selected = selection.map({ min(max(0, $0), count - 1) }) {
            let context = min(max(0, margin), (visible - 1) / 2)
            if selected - context < offset { offset = selected - context }
            if selected + context > offset + visible - 1 { offset = selected + context - visible + 1 }
        }
        return min(max(0, offset), maxOffset)
    }

    /// The visible index range for an offset.
    public static func range(count: Int, visible: Int, offset: Int) -> Range<Int> {
        let start = min(max(0, offset), max(0, count))
        return start..<min(max(0, count), start + max(0, visible))
    }
}
