import GRUCore
import Localization

/// A number a lesson's narration names, such as `{z[4]}`, `{kept%[4]}`, `{prev.candidate[2]}`,
/// `{bug.h[0]}` or `{t}`, resolved from the live trace once the step's commands have run.
///
/// Grammar: `[prev.]NAME[%][INDEX][:DECIMALS]` where NAME is a trace field (`x`, `h_prev`,
/// `r_pre`, `r`, `z_pre`, `z`, `kept`, `candidate_pre`, `candidate`, `added`, `h`), a derived
/// value (`forget` = 1 − z, `rh` = r·h_prev, `delta` = h − h_prev) or a bug what-if value
/// (`bug.h`, `bug.u`, `bug.sigma`, `bug.mix` = 1 − u, `bug.sum` = σ(u) + 1 − u); `%` shows the value as a percentage;
/// `prev.` reads the trace as it was at the end of the previous lesson step; `t` is the step
/// counter and takes no index.
public struct LessonPlaceholder: Sendable, Equatable {
    /// What a placeholder reads.
    public enum Source: Sendable, Equatable {
        /// A vector of the trace.
        case field(TraceField)
        /// 1 − z.
        case forget
        /// r·h_prev.
        case resetState
        /// h − h_prev.
        case delta
        /// The demo's new state σ(u)·h + (1 − u)·h̃.
        case bugH
        /// u, the update gate's raw pre-activation.
        case bugU
        /// σ(u).
        case bugSigma
        /// 1 − u.
        case bugMix
        /// σ(u) + 1 − u, what the demo's two weights add up to.
        case bugSum
        /// The step counter t.
        case time
    }

    /// The text between the braces.
    public let spelling: String
    /// What it reads.
    public let source: Source
    /// Whether it reads the previous lesson step's trace.
    public let previous: Bool
    /// Whether to show it as a percentage.
    public let percent: Bool
    /// The unit or input position, from 0 (nil only for `t`).
    public let index: Int?
    /// Decimals to show, when given.
    public let decimals: Int?

    /// The names a placeholder may start with, for error messages.
    public static let names = TraceField.allCases.map(\.rawValue)
        + ["forget", "rh", "delta", "bug.h", "bug.u", "bug.sigma", "bug.mix", "bug.sum", "t"]

    /// Parses the text between braces; nil when it is not a placeholder this grammar knows.
    public init?(_ spelling: String) {
        self.spelling = spelling
        var rest = Substring(spelling)
        if let colon = rest.lastIndex(of: ":") {
            guard let decimals = Int(rest[rest.index(after: colon)...]), (0...6).contains(decimals) else { return nil }
            self.decimals = decimals
            rest = rest[..<colon]
        } else {
            decimals = nil
        }
        previous = rest.hasPrefix("prev.")
        if previous { rest = rest.dropFirst("prev.".count) }
        if rest.hasSuffix("]") {
            guard let open = rest.lastIndex(of: "["),
                  let index = Int(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]), index >= 0
            else { return nil }
            self.index = index
            rest = rest[..<open]
        } else {
            index = nil
        }
        percent = rest.hasSuffix("%")
        if percent { rest = rest.dropLast() }
        let name = String(rest)
        if let field = TraceField(rawValue: name) {
            source = .field(field)
        } else {
            switch name {
            case "forget": source = .forget
            case "rh": source = .resetState
            case "delta": source = .delta
            case "bug.h": source = .bugH
            case "bug.u": source = .bugU
            case "bug.sigma": source = .bugSigma
            case "bug.mix": source = .bugMix
            case "bug.sum": source = .bugSum
            case "t": source = .time
            default: return nil
            }
        }
        // t stands alone; everything else needs a unit or position.
        guard (source == .time) == (index == nil), !(source == .time && percent) else { return nil }
    }

    /// Whether the index counts inputs (x) rather than hidden units.
    public var isPerInput: Bool { source == .field(.x) }

    /// The value from a trace, or nil when the index is past the end.
    public func value(in trace: GRUTrace, t: Int) -> Float? {
        guard let index else { return Float(t) }
        let count = isPerInput ? trace.x.count : trace.hiddenSize
        guard index < count else { return nil }
        switch source {
        case let .field(field): return trace[field][index]
        case .forget: return 1 - trace.z[index]
        case .resetState: return trace.r[index] * trace.hPrev[index]
        case .delta: return trace.h[index] - trace.hPrev[index]
        case .bugH, .bugU, .bugSigma, .bugMix, .bugSum:
            let unit = BugWhatIf(trace: trace).units[index]
            switch source {
            case .bugH: return unit.buggy
            case .bugU: return unit.u
            case .bugSigma: return unit.sigma
            case .bugMix: return unit.mix
            default: return unit.sigma + unit.mix
            }
        case .time: return Float(t)
        }
    }

    /// The value as narration shows it.
    public func spell(_ value: Float) -> String {
        if source == .time { return String(Int(value)) }
        if percent {
            guard let decimals else { return NumberText.percent(value) }
            return NumberText.value(value * 100, decimals: decimals) + "%"
        }
        return NumberText.value(value, decimals: decimals ?? 2)
    }

    /// Every placeholder spelling in a text, in order.
    public static func spellings(in text: String) -> [String] {
        Catalogue.placeholders(in: text)
    }
}
