import Foundation
import GRUCore
import Localization

/// Plain-text tables of a step, for `trace --format text` and the repl's `show` and `trace`.
public enum TraceTable {
    /// The columns of the bar table, in the order the cell computes them.
    public static let barColumns: [(field: TraceField, title: String, isGate: Bool)] = [
        (.r, "r", true), (.z, "z", true), (.kept, "kept z·h", false),
        (.candidate, "cand h̃", false), (.added, "add (1−z)h̃", false), (.h, "new h′", false),
    ]

    /// One row per unit with the six vectors as numbers and bars. Gates draw on [0, 1]; the
    /// others share one scale (the largest magnitude, at least 1) so they can be compared.
    public static func bars(_ trace: GRUTrace, ascii: Bool = false) -> String {
        let scale = max(1, signedScale(trace))
        var lines = ["unit" + barColumns.map { "  " + pad($0.title, 12) }.joined()]
        for unit in 0..<trace.hiddenSize {
            var line = pad(String(unit), 4, right: true)
            for column in barColumns {
                let value = trace[column.field][unit]
                let share = column.isGate ? value : abs(value) / scale
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
        for column in barColumns where !column.isGate {
            for value in trace[column.field] where abs(value) > largest { largest = abs(value) }
        }
        return largest
    }

    /// Pads text with spaces to a width (on the left when `right` aligns it right).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let spaces = String(repeating: " ", count: width - count)
        return right ? spaces + text : text + spaces
    }
}

/// Number spellings for answers and confirmations.
public enum Numbers {}

extension Numbers {
    /// A short readable spelling: up to 4 decimals, trailing zeros dropped (`0.5`, `-0.0332`).
    public static func short(_ value: Float) -> String {
        if value != 0, abs(value) < 1e-4 || abs(value) >= 1e7 {
            return String(format: "%.3e", Double(value))
        }
        var text = String(format: "%.4f", Double(value))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A vector as `[1, 2, 3.5]`.
    public static func list(_ values: [Float]) -> String {
        "[" + values.map(short).joined(separator: ", ") + "]"
    }
}
