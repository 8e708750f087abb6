import CNcursesw
import Themes
import Widgets

/// What each ``Widgets/Style`` became in ncurses terms (attribute bits and a colour pair), in
/// an array indexed by ``Widgets/Style/index`` so a frame's cells find theirs without hashing.
struct CursesStyleCache {
    /// A style as last resolved, with what it became in ncurses terms.
    struct Entry {
        var style: Style
        var resolved: ResolvedStyle
        var attributes: attr_t
        var pair: Int32

        /// Whether a space drawn in this style looks as one drawn in `other`: the same
        /// background (the foreground too when reversed, which makes it the background) and the
        /// same reverse and underline; bold, dim and the foreground colour do not show on a
        /// space. The terminal copy draws such a space in the style around it, sparing the
        /// terminal two changes of colour and attributes for nothing it would show.
        func drawsSpace(like other: Entry) -> Bool {
            let shown = shim_A_REVERSE() | shim_A_UNDERLINE()
            guard attributes & shown == other.attributes & shown else { return false }
            if pair == other.pair { return true }
            guard resolved.background == other.resolved.background else { return false }
            return attributes & shim_A_REVERSE() == 0 || resolved.foreground == other.resolved.foreground
        }
    }

    private var entries: [Entry?] = Array(repeating: nil, count: Style.count)
    /// The indices that hold an entry, so checking and clearing touch only those.
    private var used: [Int] = []

    /// Whether nothing is cached.
    var isEmpty: Bool { used.isEmpty }

    /// The entry of a style, if cached.
    subscript(style: Style) -> Entry? {
        entries[style.index]
    }

    /// Caches the entry of a style.
    mutating func store(_ entry: Entry) {
        let index = entry.style.index
        if entries[index] == nil { used.append(index) }
        entries[index] = entry
    }

    /// Whether some cached style now resolves differently (the theme changed).
    func isStale(_ resolve: (Style) -> ResolvedStyle) -> Bool {
        used.contains { index in
            guard let entry = entries[index] else { return false }
            return resolve(entry.style) != entry.resolved
        }
    }

    /// Forgets every entry.
    mutating func removeAll() {
        for index in used { entries[index] = nil }
        used.removeAll(keepingCapacity: true)
    }
}
