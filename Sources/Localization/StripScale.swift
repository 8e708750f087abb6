/// How a strip — a unit's row of the timeline, a retention or influence row — shows a value by
/// its shape alone: one of eight levels, drawn as a block of that height (▁▂▃▄▅▆▇█) or, in
/// ASCII, a character of that density (`.:-=+*#@`). Colour, where there is colour, only adds
/// to the shape, so a strip reads the same under NO_COLOR, on paper and in the repl.
///
/// The scale is cut into eight equal bins and the lowest level is still drawn, so every step of
/// a strip shows something and a strip always reads as a row:
/// - ``unit``: [0, 1] (gates, retention): 0 is ▁, 1 is █, one bin per eighth;
/// - ``signed(bound:)``: [−bound, bound] (h, kept, added, the candidate): −bound is ▁, +bound
///   is █, and zero lies exactly between ▄ and ▅, so ▄ and below are negative;
/// - ``magnitude(bound:)``: [0, bound] (norms such as influence).
///
/// Values beyond the scale take its end level; NaN has no level.
public enum StripScale: Sendable, Hashable {
    /// On [0, 1].
    case unit
    /// On [−bound, bound].
    case signed(bound: Float)
    /// On [0, bound].
    case magnitude(bound: Float)

    /// The number of levels.
    public static let levels = 8

    /// Where `value` lies, clamped: −1…1 on a signed scale, 0…1 otherwise; nil for NaN. A bound
    /// that is zero, negative or NaN counts as 1.
    public func position(of value: Float) -> Float? {
        guard !value.isNaN else { return nil }
        switch self {
        case .unit: return min(max(value, 0), 1)
        case let .signed(bound): return min(max(value / Self.usable(bound), -1), 1)
        case let .magnitude(bound): return min(max(value / Self.usable(bound), 0), 1)
        }
    }

    /// The level, 1…``levels``, of a value; nil for NaN.
    public func level(of value: Float) -> Int? {
        guard let position = position(of: value) else { return nil }
        let share: Float
        switch self {
        case .signed: share = (position + 1) / 2
        case .unit, .magnitude: share = position
        }
        return 1 + min(Self.levels - 1, Int((share * Float(Self.levels)).rounded(.down)))
    }

    /// How strongly a value stands out, 0…1: its distance from zero on the scale (the same
    /// for +0.8 and −0.8 on a signed scale), for colours that brighten with it.
    public func strength(of value: Float) -> Float {
        guard let position = position(of: value) else { return 0 }
        return abs(position)
    }

    /// Whether a value is drawn as negative (a signed scale, below zero).
    public func isNegative(_ value: Float) -> Bool {
        if case .signed = self { return value < 0 }
        return false
    }

    private static func usable(_ bound: Float) -> Float {
        bound > 0 && bound.isFinite ? bound : 1
    }
}

extension Glyphs {
    /// The character of a strip level (1…``StripScale/levels``): a lower block of that many
    /// eighths, or an ASCII character of that density; a space for 0 (no value).
    public func levelScalar(_ level: Int) -> Unicode.Scalar {
        switch self {
        case .unicode:
            switch level {
            case 1: return "▁"
            case 2: return "▂"
            case 3: return "▃"
            case 4: return "▄"
            case 5: return "▅"
            case 6: return "▆"
            case 7: return "▇"
            case 8...: return "█"
            default: return " "
            }
        case .ascii:
            switch level {
            case 1: return "."
            case 2: return ":"
            case 3: return "-"
            case 4: return "="
            case 5: return "+"
            case 6: return "*"
            case 7: return "#"
            case 8...: return "@"
            default: return " "
            }
        }
    }

    /// A strip as plain text: one character per value (the repl's `timeline`, exports).
    public func strip(_ values: some Sequence<Float>, scale: StripScale) -> String {
        var text = ""
        for value in values {
            text.unicodeScalars.append(scale.level(of: value).map(levelScalar) ?? notANumberScalar)
        }
        return text
    }

    /// Marks the cursor's column above a timeline.
    public var cursorMarkScalar: Unicode.Scalar { self == .unicode ? "▼" : "v" }
}
