import GRUCore

/// What the seed article's demo program would make of a step.
///
/// The demo computes `u_s = sigmoid(u)` but then writes `new_h = u_s*state + (1-u)*_c`: the
/// second weight uses the raw pre-activation u instead of σ(u). The weights σ(u) and 1 − u no
/// longer add up to 1, so h′ is no longer a mix of the old state and the candidate and can
/// leave the range between them. The engine stays correct; this is only the what-if.
public struct BugWhatIf: Sendable, Equatable {
    /// One unit under both formulas.
    public struct Unit: Sendable, Equatable {
        /// The unit, from 0.
        public let unit: Int
        /// u, the update gate's raw pre-activation.
        public let u: Float
        /// σ(u), the demo's `u_s` (the computed update gate, even when z is pinned).
        public let sigma: Float
        /// 1 − u, the demo's weight on the candidate.
        public let mix: Float
        /// The old state.
        public let hPrev: Float
        /// The candidate.
        public let candidate: Float
        /// The correct new state σ(u)·h + (1 − σ(u))·h̃.
        public let correct: Float
        /// The demo's new state σ(u)·h + (1 − u)·h̃.
        public let buggy: Float

        /// The smaller of old state and candidate: a true mix never goes below it.
        public var low: Float { min(hPrev, candidate) }
        /// The larger of old state and candidate: a true mix never goes above it.
        public var high: Float { max(hPrev, candidate) }
        /// Whether the demo's value leaves the range a mix must stay in.
        public var isOutsideRange: Bool { buggy < low || buggy > high }
    }

    /// Every unit of the step.
    public let units: [Unit]

    /// The what-if for a step. It uses σ(z_pre) as the demo does, so a pinned z is ignored.
    public init(trace: GRUTrace) {
        units = (0..<trace.hiddenSize).map { j in
            let u = trace.zPre[j]
            let sigma = Activation.sigmoid(u)
            let h = trace.hPrev[j], c = trace.candidate[j]
            return Unit(
                unit: j, u: u, sigma: sigma, mix: 1 - u, hPrev: h, candidate: c,
                correct: sigma * h + (1 - sigma) * c, buggy: sigma * h + (1 - u) * c)
        }
    }

    /// The units whose demo value leaves the range between old state and candidate.
    public var unitsOutsideRange: [Int] { units.filter(\.isOutsideRange).map(\.unit) }
}
