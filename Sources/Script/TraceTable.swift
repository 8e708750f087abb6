import Foundation
import GRUCore
import Localization

/// Plain-text tables of a step, for `trace --format text` and the repl's `show` and `trace`.
public enum TraceTable {
    /// One row per unit with the six vectors as numbers and bars. Gates draw on [0, 1]; the
    /// others share one scale (the largest magnitude, at least 1) so they can be compared.
    /// The columns are ``TraceField/tableColumns``, titled as on the screen in `language`.
    public static func bars(_ trace: GRUTrace, ascii: Bool = false, language: Language = .en) -> String {
        let scale = max(1, signedScale(trace))
        let titles = TraceField.tableColumns.map { language.text("screen.column." + $0.rawValue) }
        var lines = ["unit" + titles.map { "  " + pad($0, 12) }.joined()]
        for unit in 0..<trace.hiddenSize {
            var line = pad(String(unit), 4, right: true)
            for field in TraceField.tableColumns {
                let value = trace[field][unit]
                let share = field.isGate ? value : abs(value) / scale
                line += "  " + NumberFormat.fit(value, width: 6) + " " + pad(bar(share, width: 5, ascii: ascii), 5)
            }
            lines.append(line)
        }
        if !trace.pinned.isEmpty {
            lines.append("pinned: " + trace.pinned.map(\.rawValue).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// Every vector of the step with full precision, pre-activations included.
    public static func numbers(_ trace: GRUTrace) -> String {
        let width = TraceField.allCases.map(\.rawValue.count).max() ?? 0
        var lines = TraceField.allCases.map { field in
            pad(field.rawValue, width) + " = " + trace[field].map { $0.description }.joined(separator: "  ")
        }
        if !trace.pinned.isEmpty {
            lines.append(pad("pinned", width) + " = " + trace.pinned.map(\.rawValue).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// A plain-text bar for a share in [0, 1]: the widgets' eighth blocks without colour, so
    /// signed values show their magnitude (the number beside it carries the sign).
    static func bar(_ share: Float, width: Int, ascii: Bool) -> String {
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        let clamped = share.isNaN ? 0 : min(max(share, 0), 1)
        let eighths = Int((clamped * Float(width * 8)).rounded())
        let partial = glyphs.leftBlock(eighths: eighths % 8)
        return String(repeating: glyphs.fullBlock, count: eighths / 8) + (partial == " " ? "" : String(partial))
    }

    /// The largest magnitude among the signed columns.
    public static func signedScale(_ trace: GRUTrace) -> Float {
        var largest: Float = 0
        for field in TraceField.tableColumns where !field.isGate {
            for value in trace[field] where abs(value) > largest { largest = abs(value) }
        }
        return largest
    }

    /// Pads text with spaces to a width in terminal columns (on the left when `right` aligns it
    /// right): ``DisplayWidth/padded(_:to:alignRight:)``, the one pad function.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        DisplayWidth.padded(text, to: width, alignRight: right)
    }
}

/// Number spellings for answers and confirmations.
public enum Numbers {}

extension Numbers {
    /// A short readable spelling: up to 4 decimals, trailing zeros dropped (`0.5`, `-0.0332`),
    /// scientific below 10⁻⁴ and from 10⁷ (`1.234e-05`); rounded as every number is (``NumberFormat``).
    public static func short(_ value: Float) -> String {
        if value.isFinite, value != 0, abs(value) < 1e-4 || abs(value) >= 1e7 {
            return NumberFormat.scientific(Double(value), mantissaDecimals: 3)
        }
        return NumberFormat.plain(value, decimals: 4)
    }

    /// The shortest spelling that reads back as the same Float (``ExactFloatText``), a whole
    /// number without its `.0`: `16`, `0.12345`, `9.9999e-05`.
    public static func exact(_ value: Float) -> String {
        let text = ExactFloatText.string(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A vector as `[1, 2, 3.5]`.
    public static func list(_ values: [Float]) -> String {
        "[" + values.map(short).joined(separator: ", ") + "]"
    }
}
