import GRUCore
import Localization

/// What one unit remembers at one step of a sequence, computed exactly (``GRUSequence``'s
/// retention and influence): the numbers the memory panel draws and ``MemoryStory`` tells.
public struct UnitMemory: Sendable, Equatable {
    /// The unit, from 0.
    public var unit: Int
    /// The step t, from 0.
    public var step: Int
    /// Retention for s = 0…t: ∏_{k=s+1..t} z_k, the share of h_s the gate path still carries
    /// at t (element t is 1).
    public var retention: [Float]
    /// ‖∂h_t[unit]/∂x_s‖₂ for s = 0…t, through the whole recurrence; nil until computed.
    public var influence: [Float]?
    /// The gates pinned in the sequence.
    public var pinned: [Gate]

    /// A unit's memory from its parts.
    public init(unit: Int, step: Int, retention: [Float], influence: [Float]?, pinned: [Gate]) {
        self.unit = unit
        self.step = step
        self.retention = retention
        self.influence = influence
        self.pinned = pinned
    }

    /// How many steps back from t half of a value is gone (``GRUSequence/halfLife(retention:)``).
    public var halfLife: Int? { GRUSequence.halfLife(retention: retention) }

    /// The earlier step whose input moves the unit most now, and by how much; nil until
    /// influence is computed.
    public var strongestInput: (step: Int, value: Float)? {
        guard let influence, let index = influence.indices.max(by: { influence[$0] < influence[$1] }) else { return nil }
        return (index, influence[index])
    }

    /// An earlier step the gate path has all but lost (retention below ``lostShare``) whose
    /// input still moves the unit by at least ``stillMovesShare`` of the strongest input's
    /// influence: the one moving it most. This is memory carried by the candidate's recurrent
    /// weights, not by z.
    public var memoryBesideTheGate: (step: Int, retention: Float, influence: Float)? {
        guard let influence, let strongest = strongestInput, strongest.value > 0 else { return nil }
        var best: Int?
        for s in 0..<step where retention[s] < Self.lostShare && influence[s] >= Self.stillMovesShare * strongest.value {
            if best.map({ influence[s] > influence[$0] }) ?? true { best = s }
        }
        return best.map { ($0, retention[$0], influence[$0]) }
    }

    /// Retention below this is "all but lost" for ``memoryBesideTheGate``.
    public static let lostShare: Float = 0.05
    /// Influence of at least this share of the strongest still "moves" the unit.
    public static let stillMovesShare: Float = 0.2
}

/// The memory panel's words: retention and its half-life, influence, and why the two differ,
/// each sentence chosen by the numbers it states (so a unit with nothing to compare gets no
/// comparison).
public enum MemoryStory {
    /// The paragraph about `memory` in `language`.
    public static func text(_ memory: UnitMemory, language: Language) -> String {
        let t = memory.step
        var values: [String: String] = ["unit": String(memory.unit), "t": String(t)]
        var sentences: [String] = []
        if t == 0 {
            sentences.append(language.text("time.memory.first_step", values))
        } else {
            values["first%"] = NumberText.percent(memory.retention[0])
            if let n = memory.halfLife {
                values["n"] = String(n)
                sentences.append(language.text(n == 1 ? "time.memory.half_life_one" : "time.memory.half_life", values))
            } else {
                sentences.append(language.text("time.memory.no_half_life", values))
            }
        }
        if let strongest = memory.strongestInput, let influence = memory.influence {
            values["s"] = String(strongest.step)
            values["value"] = NumberText.value(strongest.value, decimals: 3)
            values["first"] = NumberText.value(influence[0], decimals: 3)
            if t == 0 {
                sentences.append(language.text("time.memory.influence_now", values))
            } else {
                let key = strongest.step == t ? "influence_now_most" : (strongest.step == 0 ? "influence_first_most" : "influence")
                sentences.append(language.text("time.memory." + key, values))
            }
            if let beside = memory.memoryBesideTheGate {
                values["s"] = String(beside.step)
                values["retention"] = NumberText.value(beside.retention, decimals: 3)
                values["influence"] = NumberText.value(beside.influence, decimals: 3)
                sentences.append(language.text("time.memory.beside_the_gate", values))
            }
        } else {
            sentences.append(language.text("time.memory.influence_pending", values))
        }
        if memory.pinned.contains(.z) { sentences.append(language.text("time.memory.z_pinned", values)) }
        if memory.pinned.contains(.r) { sentences.append(language.text("time.memory.r_pinned", values)) }
        return sentences.joined(separator: language.text("sentence.space"))
    }

    /// What the timeline, retention and influence are, and why the last two differ: the `?`
    /// panel on the timeline and `help timeline`.
    public static func explanation(language: Language) -> String {
        ["time.explain.timeline", "time.explain.retention", "time.explain.influence", "time.explain.differ"]
            .map { language.text($0) }.joined(separator: "\n\n")
    }
}
