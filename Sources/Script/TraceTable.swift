import Foundation
import GRUCore

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
                let bar = column.isGate
                    ? Bars.magnitude(value, width: 5, ascii: ascii)
                    : Bars.magnitude(abs(value) / scale, width: 5, ascii: ascii)
                line += "  " + Numbers.fixed(value, width: 6) + " " + pad(bar, 5)
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

/// Number spellings that fit a fixed width.
public enum Numbers {
    /// `value` in at most `width` characters, right-aligned: 3 decimals when they fit, fewer
    /// for larger values, scientific notation past that.
    public static func fixed(_ value: Float, width: Int) -> String {
        for decimals in stride(from: 3, through: 0, by: -1) {
            let text = String(format: "%.\(decimals)f", Double(value))
            if text.count <= width { return TraceTable.pad(text, width, right: true) }
        }
        return TraceTable.pad(String(format: "%.0e", Double(value)), width, right: true)
    }
}

/// Bars drawn with characters.
public enum Bars {
    /// A bar for a share in [0, 1] over `width` cells: eighth blocks, or `#`/`=` in ASCII.
    public static func magnitude(_ share: Float, width: Int, ascii: Bool) -> String {
        let clamped = share.isNaN ? 0 : min(max(share, 0), 1)
        let eighths = Int((clamped * Float(width * 8)).rounded())
        let full = eighths / 8, partial = eighths % 8
        if ascii {
            return String(repeating: "#", count: full) + (partial >= 4 ? "=" : (partial > 0 ? "-" : ""))
        }
        let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: full) + (partial > 0 ? String(partials[partial - 1]) : "")
    }
}

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
