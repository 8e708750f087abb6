/// Gates fixed to given values instead of computed, as in the seed article's worked example,
/// which states z directly.
public struct GatePins: Sendable, Equatable {
    /// Values for the reset gate, or nil when it is computed.
    public private(set) var r: [Float]?
    /// Values for the update gate, or nil when it is computed.
    public private(set) var z: [Float]?

    /// No gate pinned.
    public init() {}

    /// The pinned values of one gate, if any.
    public subscript(gate: Gate) -> [Float]? {
        gate == .r ? r : z
    }

    /// The pinned gates in order r, z.
    public var gates: [Gate] {
        Gate.allCases.filter { self[$0] != nil }
    }

    /// Pins a gate after checking that there is one value per unit, each in [0, 1].
    public mutating func pin(_ gate: Gate, to values: [Float], hiddenSize: Int) throws(GatePinError) {
        guard values.count == hiddenSize else {
            throw .wrongCount(gate: gate, expected: hiddenSize, actual: values.count)
        }
        // Written as a negated range test so that NaN, which fails every comparison, is refused.
        if let index = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .outOfRange(gate: gate, index: index, value: values[index])
        }
        if gate == .r { r = values } else { z = values }
    }

    /// Computes a gate again.
    public mutating func unpin(_ gate: Gate) {
        if gate == .r { r = nil } else { z = nil }
    }
}

/// Why a gate could not be pinned.
public enum GatePinError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not one value per hidden unit.
    case wrongCount(gate: Gate, expected: Int, actual: Int)
    /// A value outside [0, 1].
    case outOfRange(gate: Gate, index: Int, value: Float)

    public var description: String {
        switch self {
        case let .wrongCount(gate, expected, actual):
            return "pinned \(gate.rawValue) needs \(expected) numbers, one per unit, got \(actual)"
        case let .outOfRange(gate, index, value):
            return "pinned \(gate.rawValue)[\(index)] = \(value) is outside [0, 1]; a gate is a share between 0 and 1"
        }
    }
}
