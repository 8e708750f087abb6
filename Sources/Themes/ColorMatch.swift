import Foundation

/// Finding the nearest colour a terminal can show.
///
/// Distance is CIE76 ΔE in CIELAB (squared): much closer to how different two colours look than
/// RGB distance — a dark grey is nearest to grey, not to a dark red that happens to be
/// numerically close. Matching runs only when a theme is resolved, never per cell.
public enum ColorMatch {
    /// The six channel levels of the xterm 6×6×6 colour cube (indices 16–231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a palette index 0–255 (indices outside clamp).
    public static func xtermRGB(index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        if i < 16 { return ANSIColor.rgb[i] }
        if i < 232 {
            let cube = i - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        }
        let grey = UInt8(8 + 10 * (i - 232))
        return RGB(grey, grey, grey)
    }

    /// The nearest of the 240 fixed colours of the 256-colour palette (16–255: the cube and the
    /// grey ramp; 0–15 are left out because terminals let users change them).
    public static func nearest256(_ colour: RGB) -> Int {
        nearest(colour, among: 16..<256)
    }

    /// The nearest ANSI colour among the first `count` (8 or 16), skipping `excluded` (the
    /// background the text will sit on, so text never vanishes into it).
    public static func nearestANSI(_ colour: RGB, count: Int, excluding excluded: Int? = nil) -> Int {
        nearest(colour, among: 0..<min(max(count, 1), 16), excluding: excluded)
    }

    /// A perceptual distance between two colours: squared ΔE in CIELAB (only for comparing).
    public static func distance(_ a: RGB, _ b: RGB) -> Double {
        distance(Lab(a), Lab(b))
    }

    /// A colour in CIELAB (D65 white).
    struct Lab {
        var l: Double
        var a: Double
        var b: Double

        init(_ rgb: RGB) {
            func linear(_ channel: UInt8) -> Double {
                let c = Double(channel) / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            let r = linear(rgb.red), g = linear(rgb.green), b = linear(rgb.blue)
            let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
            let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
            func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
            l = 116 * f(y) - 16
            a = 500 * (f(x) - f(y))
            self.b = 200 * (f(y) - f(z))
        }
    }

    static func distance(_ p: Lab, _ q: Lab) -> Double {
        let dl = p.l - q.l, da = p.a - q.a, db = p.b - q.b
        return dl * dl + da * da + db * db
    }

    /// The palette in CIELAB, computed once.
    private static let paletteLab: [Lab] = (0..<256).map { Lab(xtermRGB(index: $0)) }

    private static func nearest(_ colour: RGB, among indices: Range<Int>, excluding excluded: Int? = nil) -> Int {
        let target = Lab(colour)
        var best = indices.lowerBound
        var bestDistance = Double.infinity
        for index in indices where index != excluded {
            let d = distance(target, paletteLab[index])
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }
}
