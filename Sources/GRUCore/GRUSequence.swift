/// A whole input sequence through one cell: x_t for t = 0…T−1, the starting state h0 and the
/// pinned gates, with the state h_t after every step.
///
/// Memory stays bounded: of each step the sequence keeps only x_t and h_t, never the full trace
/// (eleven vectors); ``trace(at:)`` recomputes a step's every vector from h_{t−1} on demand, bit
/// for bit as it was first computed, and ``forEachTrace(in:_:)`` does so for a range with the
/// inputs projected in bulk. At most ``maximumSteps`` steps and ``maximumStoredValues`` stored
/// numbers (T×(I+H)).
///
/// Edits only mark what must be computed again: ``setInput(_:at:)`` at step k invalidates steps
/// k…T−1 (the earlier ones stay), ``setH0(_:)`` and ``setPins(_:)`` all of them, and ``append(_:)``
/// adds steps to compute. ``compute(_:)`` then runs the steps not yet computed, in order, and
/// may be stopped between steps; a stopped sequence keeps every step it finished, and a later
/// ``compute(_:)`` carries on from there. Steps from ``computedCount`` on have no state yet.
///
/// Pinned gates are constants at every step, as in one step of ``GRUCell``.
///
/// A value type: copies share their storage until one of them changes. Keep one copy and
/// mutate it in place; changing a copy that is still shared copies x and h of every step.
public struct GRUSequence: Sendable {
    /// The most steps a sequence holds.
    public static let maximumSteps = 1_000_000
    /// The most numbers a sequence stores, T×(I+H): 2^26 floats, 256 MiB (e.g. 100 000 steps
    /// at I = H = 256, or 10 000 steps at H = 1024 with I up to 5 000).
    public static let maximumStoredValues = 1 << 26

    /// The cell every step runs on (its weights and kernel path).
    public private(set) var cell: GRUCell
    /// The state before step 0.
    public private(set) var h0: [Float]
    /// The gates fixed at every step.
    public private(set) var pins: GatePins
    /// x_t at `inputs[t·I ..< (t+1)·I]`.
    public private(set) var inputs: [Float]
    /// h_t at `states[t·H ..< (t+1)·H]` for t < computedCount (the rest is room).
    private(set) var states: [Float]
    /// Steps 0..<computedCount have their state.
    public private(set) var computedCount: Int

    /// A sequence of `inputs` (row-major, I values per step) from `h0`, nothing computed yet.
    public init(weights: GRUWeights, h0: [Float], pins: GatePins = GatePins(), inputs: [Float] = []) throws(GRUSequenceError) {
        try Self.check(vector: h0, count: weights.hiddenSize, what: .h0)
        try Self.checkPins(pins, hiddenSize: weights.hiddenSize)
        cell = GRUCell(weights: weights)
        self.h0 = h0
        self.pins = pins
        self.inputs = []
        states = []
        computedCount = 0
        try append(contentsOf: inputs)
    }

    /// ``init(weights:h0:pins:inputs:)`` with one array per step.
    public init(weights: GRUWeights, h0: [Float], pins: GatePins = GatePins(), steps: [[Float]]) throws(GRUSequenceError) {
        try self.init(weights: weights, h0: h0, pins: pins)
        for x in steps { try append(x) }
    }

    /// The weights.
    public var weights: GRUWeights { cell.weights }
    /// I.
    public var inputSize: Int { cell.inputSize }
    /// H.
    public var hiddenSize: Int { cell.hiddenSize }
    /// T, the number of steps.
    public var count: Int { inputs.count / inputSize }
    /// Whether every step has its state.
    public var isComputed: Bool { computedCount == count }

    /// The kernels the steps run on (see ``GRUCell/kernelPath``). Changing it keeps the states:
    /// every path computes the same formulas.
    public var kernelPath: GRUKernelPath {
        get { cell.kernelPath }
        set { cell.kernelPath = newValue }
    }

    // MARK: Edits

    /// Replaces x_k; steps k…T−1 are to be computed again.
    public mutating func setInput(_ x: [Float], at k: Int) throws(GRUSequenceError) {
        try Self.check(step: k, count: count)
        try Self.check(vector: x, count: inputSize, what: .input(step: k))
        inputs.replaceSubrange(k * inputSize..<(k + 1) * inputSize, with: x)
        invalidate(from: k)
    }

    /// Replaces one value of x_k; steps k…T−1 are to be computed again.
    public mutating func setInput(_ value: Float, at k: Int, index: Int) throws(GRUSequenceError) {
        var x = input(at: k)
        guard index >= 0 && index < inputSize else { throw .indexOutOfRange(index: index, count: inputSize) }
        x[index] = value
        try setInput(x, at: k)
    }

    /// Replaces h0; every step is to be computed again.
    public mutating func setH0(_ h: [Float]) throws(GRUSequenceError) {
        try Self.check(vector: h, count: hiddenSize, what: .h0)
        h0 = h
        invalidate(from: 0)
    }

    /// Replaces the pinned gates; every step is to be computed again.
    public mutating func setPins(_ newPins: GatePins) throws(GRUSequenceError) {
        try Self.checkPins(newPins, hiddenSize: hiddenSize)
        guard newPins != pins else { return }
        pins = newPins
        invalidate(from: 0)
    }

    /// Adds a step at the end (to be computed).
    public mutating func append(_ x: [Float]) throws(GRUSequenceError) {
        try Self.check(vector: x, count: inputSize, what: .input(step: count))
        try checkRoom(for: count + 1)
        inputs.append(contentsOf: x)
    }

    /// Adds steps at the end from row-major inputs, I values per step (to be computed).
    public mutating func append(contentsOf flat: [Float]) throws(GRUSequenceError) {
        try insert(contentsOf: flat, at: count)
    }

    /// Inserts steps (row-major, I values each) before step k (k = T appends); steps k… are to
    /// be computed again.
    public mutating func insert(contentsOf flat: [Float], at k: Int) throws(GRUSequenceError) {
        guard k >= 0 && k <= count else { throw .stepOutOfRange(step: k, count: count) }
        guard flat.count % inputSize == 0 else {
            throw .wrongLength(what: .input(step: k), expected: inputSize, actual: flat.count % inputSize)
        }
        try checkRoom(for: count + flat.count / inputSize)
        if let bad = flat.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(what: .input(step: k + bad / inputSize), index: bad % inputSize, value: flat[bad])
        }
        inputs.insert(contentsOf: flat, at: k * inputSize)
        invalidate(from: k)
    }

    /// Removes the steps in `range`; the steps after it are to be computed again.
    public mutating func removeSteps(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "steps \(range) are outside the sequence of \(count)")
        inputs.removeSubrange(range.lowerBound * inputSize..<range.upperBound * inputSize)
        invalidate(from: range.lowerBound)
        states.removeSubrange(min(states.count, range.lowerBound * hiddenSize)...)
    }

    /// Removes the last `n` steps (the earlier ones keep their states).
    public mutating func removeLast(_ n: Int = 1) {
        precondition(n >= 0 && n <= count, "cannot remove \(n) of \(count) steps")
        removeSteps((count - n)..<count)
    }

    /// Steps from `k` on are to be computed again.
    private mutating func invalidate(from k: Int) {
        computedCount = min(computedCount, k)
    }

    // MARK: Computing

    /// Computes the steps not yet computed (from ``computedCount`` to T−1), with the inputs
    /// projected in bulk. Every ``stepsPerCheck`` steps it asks `shouldContinue` (on the calling
    /// thread) whether to go on, telling it how far it is; `false` stops it with
    /// ``GRUInterrupted``, keeping the steps done. Returns at once when nothing is to be done.
    public mutating func compute(_ shouldContinue: (GRUProgress) -> Bool = { _ in true }) throws(GRUInterrupted) {
        let total = count, n = hiddenSize
        guard computedCount < total else { return }
        // Storage grows a chunk at a time, so stopping early leaves only what was computed
        // touched (a generic append of T·H zeros took seconds before the first check).
        if states.capacity < total * n { states.reserveCapacity(total * n) }
        let chunk = stepsPerCheck
        while computedCount < total {
            let range = computedCount..<min(total, computedCount + chunk)
            if states.count < range.upperBound * n {
                states.append(contentsOf: [Float](repeating: 0, count: range.upperBound * n - states.count))
            }
            let cell = self.cell, pins = self.pins
            inputs.withUnsafeBufferPointer { x in
                states.withUnsafeMutableBufferPointer { h in
                    let out = h.baseAddress! + range.lowerBound * n
                    if range.lowerBound == 0 {
                        h0.withUnsafeBufferPointer { start in
                            cell.runKeepingStates(inputs: x.baseAddress!, range: range, before: start.baseAddress!, pins: pins, out: out)
                        }
                    } else {
                        cell.runKeepingStates(
                            inputs: x.baseAddress!, range: range, before: UnsafePointer(out - n), pins: pins, out: out)
                    }
                }
            }
            computedCount = range.upperBound
            if computedCount < total && !shouldContinue(GRUProgress(done: computedCount, total: total)) {
                throw GRUInterrupted(done: computedCount, total: total)
            }
        }
    }

    /// Steps computed between two calls of `shouldContinue`: about 2^24 multiply-adds, a few
    /// milliseconds, whatever the size of the cell.
    public var stepsPerCheck: Int {
        max(1, min(1 << 16, (1 << 24) / (3 * hiddenSize * (hiddenSize + inputSize))))
    }

    // MARK: Reading

    /// x_t.
    public func input(at t: Int) -> [Float] {
        precondition(t >= 0 && t < count, "step \(t) is outside the sequence of \(count)")
        return Array(inputs[t * inputSize..<(t + 1) * inputSize])
    }

    /// h_t, the state after step t (which must be computed).
    public func state(after t: Int) -> [Float] {
        precondition(t >= 0 && t < computedCount, "step \(t) is not computed (\(computedCount) of \(count) are)")
        return Array(states[t * hiddenSize..<(t + 1) * hiddenSize])
    }

    /// h_{t−1}, the state step t starts from: h0 for t = 0.
    public func state(before t: Int) -> [Float] {
        t == 0 ? h0 : state(after: t - 1)
    }

    /// The state after the last computed step (h0 when none is).
    public var lastState: [Float] {
        computedCount == 0 ? h0 : state(after: computedCount - 1)
    }

    /// h_t[unit] for every computed step t: a unit's state over time, straight from storage.
    public func stateHistory(unit: Int, in range: Range<Int>? = nil) -> [Float] {
        let range = range ?? 0..<computedCount
        precondition(unit >= 0 && unit < hiddenSize, "unit \(unit) is outside 0..<\(hiddenSize)")
        precondition(range.lowerBound >= 0 && range.upperBound <= computedCount, "steps \(range) are not all computed")
        return range.map { states[$0 * hiddenSize + unit] }
    }

    /// Every vector of step t, recomputed from h_{t−1} (the step must be computed): O(H·(H+I)).
    public func trace(at t: Int) -> GRUTrace {
        var result: GRUTrace?
        forEachTrace(in: t..<(t + 1)) { _, trace in result = trace }
        return result!
    }

    /// Every vector of each step in `range` (all computed), recomputed in order with the inputs
    /// projected in bulk; the trace handed to `body` is reused from step to step.
    public func forEachTrace(in range: Range<Int>, _ body: (Int, GRUTrace) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= computedCount, "steps \(range) are not all computed")
        var trace = GRUTrace(inputSize: inputSize, hiddenSize: hiddenSize)
        trace.pinned = pins.gates
        forEachBlock(in: range) { block in
            for t in block.first..<(block.first + block.count) {
                copy(inputs, from: t * inputSize, count: inputSize, into: &trace.x)
                if t == 0 {
                    copy(h0, from: 0, count: hiddenSize, into: &trace.hPrev)
                } else {
                    copy(states, from: (t - 1) * hiddenSize, count: hiddenSize, into: &trace.hPrev)
                }
                let at = (t - block.first) * hiddenSize
                copy(block.rPre, from: at, count: hiddenSize, into: &trace.rPre)
                copy(block.r, from: at, count: hiddenSize, into: &trace.r)
                copy(block.zPre, from: at, count: hiddenSize, into: &trace.zPre)
                copy(block.z, from: at, count: hiddenSize, into: &trace.z)
                copy(block.candidatePre, from: at, count: hiddenSize, into: &trace.candidatePre)
                copy(block.candidate, from: at, count: hiddenSize, into: &trace.candidate)
                copy(block.kept, from: at, count: hiddenSize, into: &trace.kept)
                copy(block.added, from: at, count: hiddenSize, into: &trace.added)
                copy(block.h, from: at, count: hiddenSize, into: &trace.h)
                body(t, trace)
            }
        }
    }

    /// Recomputes the steps in `range` block by block, in order.
    func forEachBlock(in range: Range<Int>, _ body: (GRUStepBlock) -> Void) {
        var block = GRUStepBlock(hiddenSize: hiddenSize)
        for first in stride(from: range.lowerBound, to: range.upperBound, by: GRUCell.chunkSteps) {
            let part = first..<min(range.upperBound, first + GRUCell.chunkSteps)
            withStored { stored in cell.replay(stored, range: part, pins: pins, into: &block) }
            body(block)
        }
    }

    /// The kernels' view of the stored inputs and states.
    func withStored<R>(_ body: (GRUCell.StoredSteps) -> R) -> R {
        inputs.withUnsafeBufferPointer { x in
            states.withUnsafeBufferPointer { h in
                h0.withUnsafeBufferPointer { start in
                    // An empty array may have no storage; the kernels then read nothing from it.
                    let empty = start.baseAddress!
                    return body(GRUCell.StoredSteps(
                        inputs: x.baseAddress ?? empty, states: h.baseAddress ?? empty, h0: empty))
                }
            }
        }
    }

    /// One field of every unit over the steps in `range` (all computed), step-major
    /// (`result[(t − range.lowerBound)·H + unit]`); x is I values a step instead.
    public func values(of field: TraceField, in range: Range<Int>) -> [Float] {
        precondition(range.lowerBound >= 0 && range.upperBound <= computedCount, "steps \(range) are not all computed")
        let width = field.isPerInput ? inputSize : hiddenSize
        switch field {
        case .x: return Array(inputs[range.lowerBound * width..<range.upperBound * width])
        case .h: return Array(states[range.lowerBound * width..<range.upperBound * width])
        case .hPrev:
            guard !range.isEmpty else { return [] }
            return (range.lowerBound == 0 ? h0 : state(after: range.lowerBound - 1))
                + Array(states[range.lowerBound * width..<(range.upperBound - 1) * width])
        default:
            var result: [Float] = []
            result.reserveCapacity(range.count * width)
            forEachBlock(in: range) { block in
                for t in block.first..<(block.first + block.count) { result.append(contentsOf: block.values(field, step: t)) }
            }
            return result
        }
    }

    // MARK: Checks

    private func checkRoom(for steps: Int) throws(GRUSequenceError) {
        let perStep = inputSize + hiddenSize
        guard steps <= Self.maximumSteps, steps <= Self.maximumStoredValues / perStep else {
            throw .tooLong(steps: steps, limit: min(Self.maximumSteps, Self.maximumStoredValues / perStep))
        }
    }

    private static func check(step: Int, count: Int) throws(GRUSequenceError) {
        guard step >= 0 && step < count else { throw .stepOutOfRange(step: step, count: count) }
    }

    private static func check(vector: [Float], count: Int, what: GRUSequenceError.Vector) throws(GRUSequenceError) {
        guard vector.count == count else { throw .wrongLength(what: what, expected: count, actual: vector.count) }
        if let bad = vector.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(what: what, index: bad, value: vector[bad])
        }
    }

    private static func checkPins(_ pins: GatePins, hiddenSize: Int) throws(GRUSequenceError) {
        for gate in pins.gates {
            let count = pins[gate]?.count ?? hiddenSize
            guard count == hiddenSize else { throw .wrongLength(what: .pins(gate), expected: hiddenSize, actual: count) }
        }
    }
}

/// Copies `count` values of `source` from `offset` over the start of `target` (which is at
/// least that long), without reallocating it.
@inline(__always)
private func copy(_ source: [Float], from offset: Int, count: Int, into target: inout [Float]) {
    source.withUnsafeBufferPointer { s in
        target.withUnsafeMutableBufferPointer { t in t.baseAddress!.update(from: s.baseAddress! + offset, count: count) }
    }
}

/// How far a long computation is, for a progress line and for deciding whether to stop it.
public struct GRUProgress: Sendable, Equatable {
    /// Units of work done (steps, or step pairs for the influence matrix).
    public var done: Int
    /// Units of work in all.
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// done / total, in [0, 1].
    public var fraction: Double { total == 0 ? 1 : Double(done) / Double(total) }
}

/// A computation stopped because its caller said so; whatever it had finished is kept.
public struct GRUInterrupted: Error, Sendable, Equatable {
    /// Units of work done when it stopped.
    public var done: Int
    /// Units of work in all.
    public var total: Int
}

/// Why a sequence refused a change; nothing was changed.
public enum GRUSequenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which vector a message is about.
    public enum Vector: Sendable, Equatable, CustomStringConvertible {
        case h0
        case input(step: Int)
        case pins(Gate)

        public var description: String {
            switch self {
            case .h0: return "h0"
            case let .input(step): return "x at step \(step)"
            case let .pins(gate): return "pinned \(gate.rawValue)"
            }
        }
    }

    /// Not one value per input or unit.
    case wrongLength(what: Vector, expected: Int, actual: Int)
    /// NaN or an infinity.
    case notFinite(what: Vector, index: Int, value: Float)
    /// More steps than the sequence can hold.
    case tooLong(steps: Int, limit: Int)
    /// A step that does not exist.
    case stepOutOfRange(step: Int, count: Int)
    /// An input position that does not exist.
    case indexOutOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case let .wrongLength(what, expected, actual):
            return "\(what) needs \(expected) numbers, got \(actual)"
        case let .notFinite(what, index, value):
            return "\(what)[\(index)] = \(value) is not a finite number"
        case let .tooLong(steps, limit):
            return "a sequence of \(steps) steps is too long; at this size it holds at most \(limit) steps"
        case let .stepOutOfRange(step, count):
            return "step \(step) does not exist; the sequence has steps 0 to \(count - 1)"
        case let .indexOutOfRange(index, count):
            return "position \(index) does not exist; x has positions 0 to \(count - 1)"
        }
    }
}
