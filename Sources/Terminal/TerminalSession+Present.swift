import CNcursesw
import Glibc
import Localization
import Themes
import Widgets

extension TerminalSession {
    /// Shows a frame. Only cells that differ from the last frame are handed to ncurses, and
    /// ncurses sends only what differs from the screen; after a resize, resume, a size change
    /// of the grid or a change in what `style` returns (a new theme), every cell is drawn.
    ///
    /// The grid is clipped to the screen; screen cells outside it are blank.
    /// `style` is normally a resolved theme's `resolve`.
    public func present(_ grid: Grid, style resolve: (Style) -> ResolvedStyle) {
        if !styleCache.isEmpty && styleCache.isStale(resolve) {
            styleCache.removeAll()
            previousFrame = nil
        }
        if !draw(grid, resolve: resolve, pairsMayRunOut: true) {
            // Every pair was in use: start the table again and draw the whole frame with it.
            pairs.reset()
            styleCache.removeAll()
            previousFrame = nil
            _ = draw(grid, resolve: resolve, pairsMayRunOut: false)
        }
        wnoutrefresh(window)
        doupdate()
        previousFrame = grid
    }

    /// Draws the changed cells; false when a colour pair could not be had and
    /// `pairsMayRunOut` asked to be told rather than fall back to the default colours.
    private func draw(_ grid: Grid, resolve: (Style) -> ResolvedStyle, pairsMayRunOut: Bool) -> Bool {
        let (screenWidth, screenHeight) = size()
        let previous = previousFrame.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil {
            werase(window)
            if needsClear {
                clearok(shim_curscr(), true)
                needsClear = false
            }
        }
        let width = min(grid.width, screenWidth)
        let height = min(grid.height, screenHeight)
        let cells = grid.cells
        let window = self.window
        // Neighbouring cells mostly share a style: look it up again only when it changes.
        var lastStyle: Style?
        var drawing = CursesStyleCache.Entry(style: .plain, resolved: resolve(.plain), attributes: 0, pair: 0)
        return withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Self.runCapacity) { characters in
            for y in 0..<height {
                let changed = previous.map { grid.changedColumns(inRow: y, columns: width, comparedWith: $0) } ?? [0..<width]
                let rowStart = y * grid.width
                for run in changed {
                    var x = run.lowerBound
                    while x < run.upperBound {
                        let cell = cells[rowStart + x]
                        if cell.isContinuation { x += 1; continue }
                        if cell.style != lastStyle && !(lastStyle != nil && spaceLooksAlike(cell, drawing)) {
                            guard let found = cursesStyle(for: cell.style, resolve: resolve, pairsMayRunOut: pairsMayRunOut) else {
                                return false
                            }
                            drawing = found
                            lastStyle = cell.style
                        }
                        // Narrow single characters in one style (nearly every changed cell) go
                        // to ncurses as a run, with the spaces that look the same in it; anything
                        // else takes the careful way below.
                        var count = 0
                        while x + count < run.upperBound && count < Self.runCapacity {
                            let next = cells[rowStart + x + count]
                            guard !next.isContinuation, next.style == drawing.style || spaceLooksAlike(next, drawing),
                                  let scalar = next.singleScalar, DisplayWidth.of(scalar) == 1 else { break }
                            characters[count] = CellCharacters.isControl(scalar) ? wchar_t(0x20) : wchar_t(bitPattern: scalar.value)
                            count += 1
                        }
                        if count > 0 {
                            shim_put_cells(window, Int32(y), Int32(x), characters.baseAddress, Int32(count), drawing.attributes, drawing.pair)
                            x += count
                            continue
                        }
                        let isWide = DisplayWidth.of(cell.firstScalar) == 2
                        if isWide && x + 1 >= width {
                            // Half of it would hang off a narrower screen: a wide character is never split.
                            Self.put(Cell.blank, x: x, y: y, style: drawing, window: window, characters: characters)
                        } else {
                            Self.put(cell, x: x, y: y, style: drawing, window: window, characters: characters)
                            if isWide, shim_wcwidth(characters[0]) != 2 {
                                // The locale thinks this character is narrow: blank the column we skip.
                                Self.put(Cell.blank, x: x + 1, y: y, style: drawing, window: window, characters: characters)
                            }
                        }
                        x += 1
                    }
                }
            }
            return true
        }
    }

    /// Whether `cell` is a space that, drawn in `drawing`'s style, looks as in its own (see
    /// ``CursesStyleCache/Entry/drawsSpace(like:)``), so the copy need not change style for it.
    /// A style never resolved yet counts as different (it is resolved when drawn).
    private func spaceLooksAlike(_ cell: Cell, _ drawing: CursesStyleCache.Entry) -> Bool {
        guard cell.singleScalar == " ", let own = styleCache[cell.style] else { return false }
        return own.drawsSpace(like: drawing)
    }

    /// Characters handed to ncurses in one call (and the scratch room for one cell's).
    private static let runCapacity = 64

    /// Hands one cell to ncurses; `characters` is scratch room for its wide characters.
    private static func put(
        _ cell: Cell, x: Int, y: Int, style: CursesStyleCache.Entry,
        window: UnsafeMutablePointer<WINDOW>, characters: UnsafeMutableBufferPointer<wchar_t>
    ) {
        let count = CellCharacters.fill(characters, with: cell)
        let result = shim_put_cell(window, Int32(y), Int32(x), characters.baseAddress, style.attributes, style.pair)
        if result == shim_SETCCHAR_FAILED() && count > 1 {
            // ncurses refused the combining marks: show the base character alone.
            characters[1] = 0
            _ = shim_put_cell(window, Int32(y), Int32(x), characters.baseAddress, style.attributes, style.pair)
        }
    }

    /// The attributes and pair of a style, resolving and allocating on first use; nil when a
    /// new pair was needed, none was left and `pairsMayRunOut` is true.
    private func cursesStyle(for style: Style, resolve: (Style) -> ResolvedStyle, pairsMayRunOut: Bool) -> CursesStyleCache.Entry? {
        if let cached = styleCache[style] { return cached }
        let resolved = resolve(style)
        var pair: Int32 = 0
        if colors.colorCount > 0 && colorDepth != .none {
            let foreground = colors.number(for: resolved.foreground, isForeground: true)
            let background = colors.number(for: resolved.background, isForeground: false)
            if let allocation = pairs.pair(foreground: foreground, background: background) {
                if allocation.isNew { init_extended_pair(allocation.pair, foreground, background) }
                pair = allocation.pair
            } else if pairsMayRunOut {
                return nil
            }
        }
        let entry = CursesStyleCache.Entry(style: style, resolved: resolved, attributes: resolved.attributes.cursesAttributes, pair: pair)
        styleCache.store(entry)
        return entry
    }
}
