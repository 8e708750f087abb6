import Themes

/// The xterm 256-colour palette as RGB, used to fit colours to what a terminal can show.
enum XtermPalette {
    /// xterm's default colours 0–15.
    private static let basic: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The colour of palette index 0–255 (indices outside are clamped).
    static func rgb(ofIndex index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        if i < 16 { return basic[i] }
        if i < 232 {
            let cube = i - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        }
        let grey = UInt8(8 + 10 * (i - 232))
        return RGB(grey, grey, grey)
    }

    /// The palette index closest to a colour among the first `paletteSize` entries (8, 16 or 256).
    static func nearestIndex(to colour: RGB, paletteSize: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<paletteSize {
            let distance = distanceSquared(colour, rgb(ofIndex: index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// A perceptually weighted ("redmean") squared distance: cheap and good enough for fitting.
    /// (Swift's `>>` binds tighter than `*`, hence the parentheses.)
    private static func distanceSquared(_ a: RGB, _ b: RGB) -> Int {
        let meanRed = (Int(a.red) + Int(b.red)) / 2
        let dr = Int(a.red) - Int(b.red)
        let dg = Int(a.green) - Int(b.green)
        let db = Int(a.blue) - Int(b.blue)
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
