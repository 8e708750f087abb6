import GRUCore
import Localization
import Script

/// How a timeline column that holds several steps shows them.
public enum TimelineFold: String, Sendable, CaseIterable, Equatable {
    /// Their mean.
    case mean
    /// The smallest of them.
    case min
    /// The largest of them.
    case max

    /// The word `timeline` takes.
    public var word: String { rawValue }

    /// The chosen fold of every column for one unit (column-major storage, read across).
    public func row(of summary: GRUFieldSummary, unit: Int) -> [Float] {
        let source: [Float]
        switch self {
        case .mean: source = summary.mean
        case .min: source = summary.minimum
        case .max: source = summary.maximum
        }
        return (0..<summary.columns).map { source[$0 * summary.width + unit] }
    }

    /// Values of steps 0…t folded into the summary's columns: the columns after t's are left
    /// out, and t's column folds only its steps up to t (retention and influence, which exist
    /// for s ≤ t only).
    public func fold(_ values: [Float], into summary: GRUFieldSummary) -> [Float] {
        var result: [Float] = []
        let last = values.count - 1
        for column in 0..<summary.columns {
            let steps = summary.steps(inColumn: column)
            guard steps.lowerBound <= last else { break }
            let part = values[steps.lowerBound...Swift.min(last, steps.upperBound - 1)]
            switch self {
            case .mean: result.append(part.reduce(0, +) / Float(part.count))
            case .min: result.append(part.min() ?? 0)
            case .max: result.append(part.max() ?? 0)
            }
        }
        return result
    }
}

/// What `timeline` asks for: a quantity, a unit (every unit when nil) and how columns fold.
public struct TimelineQuery: Sendable, Equatable {
    /// The quantity (nil: h′).
    public var field: TraceField?
    /// The unit (nil: every unit).
    public var unit: Int?
    /// How a column holding several steps shows them (nil: as before, the mean at first).
    public var fold: TimelineFold?

    public init(field: TraceField? = nil, unit: Int? = nil, fold: TimelineFold? = nil) {
        self.field = field
        self.unit = unit
        self.fold = fold
    }

    /// How `help` writes it.
    static let usage = "timeline [h|z|r|kept|added|candidate] [UNIT] [mean|min|max]"

    /// The quantities by the words `timeline` takes.
    public static let quantities: [(word: String, field: TraceField)] = [
        ("h", .h), ("z", .z), ("r", .r), ("kept", .kept), ("added", .added), ("candidate", .candidate),
    ]

    /// Reads the words in any order: a quantity, a unit number, a fold.
    init(_ words: [Substring], context: ParseContext) throws(UserError) {
        for word in words {
            let lower = word.lowercased()
            if let quantity = Self.quantities.first(where: { $0.word == lower }), field == nil {
                field = quantity.field
            } else if let fold = TimelineFold(rawValue: lower), self.fold == nil {
                self.fold = fold
            } else if unit == nil, word.first.map({ $0.isNumber || $0 == "-" }) ?? false {
                unit = try TeachingCommand.unit(word, context)
            } else {
                throw UserError(key: "error.timeline.usage", ["text": EchoText.printable(String(word))])
            }
        }
    }
}

/// The repl's (and the ':' line's) words for time: `timeline`, `memory` and `influence` on
/// the session's sequence at its cursor, with the same strips the screen draws, as text.
public enum TimeExplanations {
    /// The most characters a strip takes in the repl; longer sequences fold into this many.
    public static let stripWidth = 64

    /// The strips glyphs: the repl's answers use blocks, like its bar tables.
    static let glyphs = Glyphs.unicode

    /// `timeline`: one strip per unit (or the one asked for) over every step, with a legend and
    /// the cursor's column marked.
    public static func timeline(_ query: TimelineQuery, session: Session, language: Language) throws(UserError) -> String {
        let sequence = session.sequence, t = session.t
        if let unit = query.unit { try UnitCheck.check(unit, hiddenSize: session.hiddenSize) }
        let field = query.field ?? .h
        let work = field == .h ? sequence.count * session.hiddenSize : sequence.count * 3 * session.hiddenSize * (session.hiddenSize + session.inputSize)
        try ComputeContext.allow(work: work)
        let summary: GRUFieldSummary
        do {
            summary = try sequence.summary(of: field, in: 0..<sequence.count, columns: stripWidth, ComputeContext.shouldContinue)
        } catch {
            throw .cancelled
        }
        let fold = query.fold ?? .mean
        let scale: StripScale = field == .z || field == .r ? .unit : .signed(bound: signedBound(summary))
        let column = summary.column(of: t)
        var lines = [language.text("time.repl.timeline", [
            "quantity": quantityName(field, language: language), "last": String(sequence.count - 1),
            "fold": foldText(summary, fold: fold, language: language), "legend": legend(scale, language: language),
            "mark": "▲", "t": String(t),
        ])]
        let units = query.unit.map { [$0] } ?? Array(0..<session.hiddenSize)
        let labelWidth = String(session.hiddenSize - 1).count + 2
        for unit in units {
            lines.append(DisplayWidth.padded(String(unit), to: labelWidth, alignRight: true) + " " + glyphs.strip(fold.row(of: summary, unit: unit), scale: scale))
        }
        lines.append(String(repeating: " ", count: labelWidth + 1 + column) + "▲")
        return lines.joined(separator: "\n")
    }

    /// `memory UNIT`: the unit's retention and influence at the cursor as strips, and what they
    /// say (``MemoryStory``).
    public static func memory(unit: Int, session: Session, language: Language) throws(UserError) -> String {
        try UnitCheck.check(unit, hiddenSize: session.hiddenSize)
        let sequence = session.sequence, t = session.t
        try ComputeContext.allow(work: (t + 1) * session.hiddenSize * (session.hiddenSize + session.inputSize))
        let memory: UnitMemory
        do {
            memory = UnitMemory(
                unit: unit, step: t, retention: sequence.retention(at: t, unit: unit),
                influence: try sequence.unitInfluence(at: t, unit: unit, ComputeContext.shouldContinue), pinned: sequence.pins.gates)
        } catch {
            throw .cancelled
        }
        let summary = try stepColumns(sequence, through: t)
        let influence = memory.influence ?? []
        let largest = influence.max() ?? 0
        let labels = [language.text("screen.time.retention"), language.text("screen.time.influence")]
        let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
        return [
            language.text("time.repl.memory", ["unit": String(unit), "t": String(t)]),
            "  " + DisplayWidth.padded(labels[0], to: width) + "  "
                + glyphs.strip(TimelineFold.mean.fold(memory.retention, into: summary), scale: .unit)
                + "  " + legend(.unit, language: language),
            "  " + DisplayWidth.padded(labels[1], to: width) + "  "
                + glyphs.strip(TimelineFold.mean.fold(influence, into: summary), scale: .magnitude(bound: largest))
                + "  " + legend(.magnitude(bound: largest), language: language),
            MemoryStory.text(memory, language: language),
        ].joined(separator: "\n")
    }

    /// `influence [UNIT]`: ‖∂h_t/∂x_s‖ for every s ≤ t, of the whole state (Frobenius norm of
    /// the H×I Jacobian) or of one unit, as a strip and as numbers.
    public static func influence(unit: Int?, session: Session, language: Language) throws(UserError) -> String {
        if let unit { try UnitCheck.check(unit, hiddenSize: session.hiddenSize) }
        let sequence = session.sequence, t = session.t
        let rows = unit == nil ? session.hiddenSize : 1
        try ComputeContext.allow(work: (t + 1) * rows * session.hiddenSize * (session.hiddenSize + session.inputSize))
        let values: [Float]
        do {
            if let unit {
                values = try sequence.unitInfluence(at: t, unit: unit, ComputeContext.shouldContinue)
            } else {
                values = try sequence.influence(at: t, ComputeContext.shouldContinue).total
            }
        } catch {
            throw .cancelled
        }
        let largest = values.max() ?? 0
        let summary = try stepColumns(sequence, through: t)
        let what = unit.map { language.text("time.repl.of_unit", ["unit": String($0)]) } ?? language.text("time.repl.of_state")
        var lines = [
            language.text("time.repl.influence", ["what": what, "t": String(t), "legend": legend(.magnitude(bound: largest), language: language)]),
            "  " + glyphs.strip(TimelineFold.mean.fold(values, into: summary), scale: .magnitude(bound: largest)),
        ]
        // Every number when there are few; else the strongest, with their steps.
        let shown = values.count <= stripWidth
            ? Array(values.indices)
            : Array(values.indices.sorted { values[$0] > values[$1] }.prefix(8)).sorted()
        if values.count > stripWidth { lines.append(language.text("time.repl.strongest", ["count": String(shown.count)])) }
        lines.append(shown.map { "  s=\($0): " + NumberText.value(values[$0], decimals: 4) }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }

    // MARK: Pieces

    /// The steps 0…t folded into at most ``stripWidth`` columns (the h summary, straight from
    /// storage, serves as the column layout).
    static func stepColumns(_ sequence: GRUSequence, through t: Int) throws(UserError) -> GRUFieldSummary {
        do {
            return try sequence.summary(of: .h, in: 0..<(t + 1), columns: stripWidth)
        } catch {
            throw .cancelled
        }
    }

    /// The bound of a signed strip: 1, or the largest magnitude beyond it.
    public static func signedBound(_ summary: GRUFieldSummary) -> Float {
        var largest: Float = 1
        for value in summary.minimum where -value > largest { largest = -value }
        for value in summary.maximum where value > largest { largest = value }
        return largest
    }

    /// "1 step per column" or "the mean of n steps per column".
    public static func foldText(_ summary: GRUFieldSummary, fold: TimelineFold, language: Language, prefix: String = "screen.time.") -> String {
        let n = summary.range.count, columns = max(1, summary.columns)
        guard n > columns else { return language.text(prefix + "fold_one") }
        let low = n / columns, high = (n + columns - 1) / columns
        return language.text(prefix + "fold_" + fold.word, ["n": low == high ? String(low) : "\(low)–\(high)"])
    }

    /// What the lowest and highest blocks stand for.
    public static func legend(_ scale: StripScale, language: Language, glyphs: Glyphs = .unicode) -> String {
        let low = String(glyphs.levelScalar(1)), high = String(glyphs.levelScalar(StripScale.levels))
        switch scale {
        case .unit:
            return language.text("time.repl.legend_unit", ["low": low, "high": high])
        case let .magnitude(bound):
            return language.text("time.repl.legend_magnitude", ["low": low, "high": high, "bound": NumberText.value(bound, decimals: 3)])
        case let .signed(bound):
            return language.text("time.repl.legend_signed", [
                "low": low, "high": high, "bound": NumberText.value(bound),
                "below": String(glyphs.levelScalar(StripScale.levels / 2)), "above": String(glyphs.levelScalar(StripScale.levels / 2 + 1)),
            ])
        }
    }

    /// The quantity's name as the table's column titles say it.
    static func quantityName(_ field: TraceField, language: Language) -> String {
        let key: String
        switch field {
        case .h: key = "new_state"
        case .candidate: key = "candidate"
        default: key = field.rawValue
        }
        return language.text("screen.column." + key)
    }
}
