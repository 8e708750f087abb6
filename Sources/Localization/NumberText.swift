import Foundation

/// How numbers are spelled in explanations: short enough to read aloud from a projector,
/// never rounded to something false (a non-zero value never shows as 0, a share below 1
/// never as 100%).
public enum NumberText {
    /// A value with `decimals` decimals (2 unless told); tiny non-zero values get two
    /// significant digits instead of turning into 0.00, huge ones scientific notation.
    public static func value(_ value: Float, decimals: Int = 2) -> String {
        let magnitude = abs(Double(value))
        if value == 0 { return fixed(0.0, decimals: decimals) }
        if magnitude >= 1e6 { return String(format: "%.3g", Double(value)) }
        if magnitude < 0.5 * pow(10, -Double(decimals)) { return String(format: "%.2g", Double(value)) }
        return fixed(Double(value), decimals: decimals)
    }

    /// `value` with `decimals` decimals by the one rounding rule (``FixedPointText``); the C
    /// library's `printf`, which rounds the same way, only where that cannot.
    static func fixed(_ value: Double, decimals: Int) -> String {
        FixedPointText.text(value, decimals: decimals) ?? String(format: "%.\(decimals)f", value)
    }

    /// A share in [0, 1] as a percentage: whole percents, with decimals only where whole
    /// percents would say 0% or 100% of something that is not exactly 0 or 1.
    public static func percent(_ share: Float) -> String {
        let percent = Double(share) * 100
        if share == 0 || share == 1 || !percent.isFinite { return fixed(percent, decimals: 0) + "%" }
        for decimals in 0...8 {
            let text = fixed(percent, decimals: decimals)
            let rounded = Double(text) ?? percent
            if rounded != 0 && rounded != 100 { return text + "%" }
        }
        return "\(percent)%"
    }

    /// A list of unit numbers in a language: `0, 3 and 5` / `0、3 和 5`.
    public static func list(_ items: [String], language: Language) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        // A plain loop: `joined(separator:)` on a slice runs the standard library's unspecialised
        // generic code, slow enough to show in every frame's summary of 64 units.
        let separator = language.text("list.separator")
        var text = ""
        for (index, item) in items.dropLast().enumerated() {
            if index > 0 { text += separator }
            text += item
        }
        return text + language.text("list.last") + last
    }
}

extension NumberText {
    /// A change with its sign always written: `+0.25`, `-1.90`, `0.00`.
    public static func signed(_ change: Float, decimals: Int = 2) -> String {
        let text = value(abs(change), decimals: decimals)
        if change > 0 { return "+" + text }
        if change < 0 { return "-" + text }
        return text
    }
}
