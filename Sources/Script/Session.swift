import GRUCore
import Localization
import WeightFiles

/// Everything the cell is looking at — weights, x, h, pinned gates, the step counter and the
/// steps that can be undone — with the trace of the step it is about to take.
///
/// A value type: every change goes through a method that validates first and changes nothing
/// when it throws, then recomputes ``trace``. The repl, `trace` and the screen share it.
public struct Session: Sendable {
    /// The cell's weights.
    public private(set) var weights: GRUWeights
    /// Where they came from.
    public private(set) var origin: WeightsOrigin
    /// The scene the session started from, if any.
    public private(set) var sceneName: String?
    /// The input vector.
    public private(set) var x: [Float]
    /// The current state.
    public private(set) var h: [Float]
    /// Gates fixed to given values.
    public private(set) var pins: GatePins
    /// Steps taken since the start (or the last reset or setup change).
    public private(set) var t: Int
    /// The step the cell would take now, for the current x, h and pins.
    public private(set) var trace: GRUTrace

    private var cell: GRUCell
    private var undo: [Snapshot]
    private var start: Snapshot

    /// x, h and pins at one moment, for `back` and `reset`.
    private struct Snapshot: Sendable {
        var x: [Float]
        var h: [Float]
        var pins: GatePins
    }

    /// A session on given weights, starting from x, h and pins (checked against the sizes).
    public init(
        weights: GRUWeights, origin: WeightsOrigin, sceneName: String? = nil,
        x: [Float]? = nil, h: [Float]? = nil, pins: GatePins = GatePins()
    ) throws(UserError) {
        let x = x ?? [Float](repeating: 0, count: weights.inputSize)
        let h = h ?? [Float](repeating: 0, count: weights.hiddenSize)
        try NumberList.expectCount(x, weights.inputSize, what: "x")
        try NumberList.expectCount(h, weights.hiddenSize, what: "h")
        for gate in pins.gates {
            try NumberList.expectCount(pins[gate] ?? [], weights.hiddenSize, what: "pinned \(gate.rawValue)")
        }
        self.weights = weights
        self.origin = origin
        self.sceneName = sceneName
        self.x = x
        self.h = h
        self.pins = pins
        t = 0
        cell = GRUCell(weights: weights)
        trace = GRUTrace(inputSize: weights.inputSize, hiddenSize: weights.hiddenSize)
        undo = []
        start = Snapshot(x: x, h: h, pins: pins)
        recompute()
    }

    /// A session set up from a scene with random weights.
    public init(scene: Scene, seed: UInt64 = WeightInitializer.defaultSeed) throws(UserError) {
        let weights = try Self.randomWeights(
            variant: scene.variant, inputSize: scene.inputSize, hiddenSize: scene.hiddenSize, seed: seed)
        var pins = GatePins()
        if let z = scene.pinnedZ { try Self.pin(&pins, .z, z, hiddenSize: scene.hiddenSize) }
        try self.init(
            weights: weights, origin: .random(variant: scene.variant, seed: seed), sceneName: scene.name,
            x: scene.x, h: scene.h, pins: pins)
    }

    /// I.
    public var inputSize: Int { weights.inputSize }
    /// H.
    public var hiddenSize: Int { weights.hiddenSize }
    /// How many steps `back` can undo.
    public var undoableSteps: Int { undo.count }

    // MARK: Editing x and h

    /// Replaces the whole input vector.
    public mutating func setX(_ values: [Float]) throws(UserError) {
        try NumberList.expectCount(values, inputSize, what: "x")
        x = values
        recompute()
    }

    /// Replaces the whole state.
    public mutating func setH(_ values: [Float]) throws(UserError) {
        try NumberList.expectCount(values, hiddenSize, what: "h")
        h = values
        recompute()
    }

    /// Sets one input value; positions count from 0.
    public mutating func setX(at index: Int, to value: Float) throws(UserError) {
        try Self.checkIndex(index, count: inputSize, what: "x")
        try Self.checkValue(value, what: "x[\(index)]")
        x[index] = value
        recompute()
    }

    /// Sets one state value; units count from 0.
    public mutating func setH(at index: Int, to value: Float) throws(UserError) {
        try Self.checkIndex(index, count: hiddenSize, what: "h")
        try Self.checkValue(value, what: "h[\(index)]")
        h[index] = value
        recompute()
    }

    // MARK: Stepping

    /// The most steps one command takes (`step N`, `back N`): enough to watch a state settle or
    /// fade, few enough that a command answers at once.
    public static let largestStepCount = 100_000

    /// Takes `count` steps with the current x: h ← h′ each time.
    public mutating func step(_ count: Int = 1) throws(UserError) {
        guard (1...Self.largestStepCount).contains(count) else { throw Self.countError("step", count) }
        for _ in 0..<count {
            undo.append(Snapshot(x: x, h: h, pins: pins))
            h = trace.h
            t += 1
            recompute()
        }
    }

    /// Undoes up to `count` steps, restoring x, h and pins from before them.
    public mutating func back(_ count: Int = 1) throws(UserError) {
        guard (1...Self.largestStepCount).contains(count) else { throw Self.countError("back", count) }
        guard !undo.isEmpty else { throw UserError(key: "error.script.no_undo") }
        for _ in 0..<min(count, undo.count) {
            let previous = undo.removeLast()
            x = previous.x
            h = previous.h
            pins = previous.pins
            t -= 1
        }
        recompute()
    }

    /// Returns to the starting x, h and pins with t = 0.
    public mutating func reset() {
        x = start.x
        h = start.h
        pins = start.pins
        t = 0
        undo.removeAll()
        recompute()
    }

    // MARK: Gates

    /// Fixes a gate to given values, one per unit, each in [0, 1].
    public mutating func pin(_ gate: Gate, to values: [Float]) throws(UserError) {
        try Self.pin(&pins, gate, values, hiddenSize: hiddenSize)
        recompute()
    }

    /// Computes a gate again (or both when `gate` is nil).
    public mutating func unpin(_ gate: Gate? = nil) {
        for g in gate.map({ [$0] }) ?? Gate.allCases { pins.unpin(g) }
        recompute()
    }

    // MARK: Changing the cell

    /// Uses weights read from a file. x and h are kept when the sizes still fit, zeroed otherwise;
    /// pins are kept only when H is unchanged. The step counter starts again.
    public mutating func load(_ loaded: LoadedWeights) {
        replaceWeights(loaded.weights, origin: WeightsOrigin(loaded))
    }

    /// Draws random weights in a framework's convention, keeping sizes and seed.
    public mutating func setVariant(_ variant: GRUVariant) throws(UserError) {
        let weights = try Self.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        replaceWeights(weights, origin: .random(variant: variant, seed: seed))
    }

    /// Draws random weights of new sizes, keeping the convention and seed.
    public mutating func resize(inputSize: Int, hiddenSize: Int) throws(UserError) {
        let weights = try Self.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        replaceWeights(weights, origin: .random(variant: variant, seed: seed))
    }

    /// Draws random weights from a new seed, keeping sizes and convention.
    public mutating func reseed(_ seed: UInt64) throws(UserError) {
        let weights = try Self.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        replaceWeights(weights, origin: .random(variant: variant, seed: seed))
    }

    /// Applies the reset gate before (`false`, TensorFlow GRUCell) or after (`true`,
    /// PyTorch/cuDNN) the recurrent product, on the SAME weights: the one way to compare the
    /// two rules number for number (``setVariant(_:)`` draws new weights). x, h, pins, t and
    /// the steps that `back` can undo are kept; only the pending and later steps change.
    public mutating func setResetAfter(_ resetAfter: Bool) {
        guard resetAfter != weights.resetAfter else { return }
        weights.resetAfter = resetAfter
        cell = GRUCell(weights: weights)
        recompute()
    }

    /// Starts again from a built-in scene (with this session's seed).
    public mutating func loadScene(_ scene: Scene) throws(UserError) {
        self = try Session(scene: scene, seed: seed)
    }

    /// The convention of the current weights.
    public var variant: GRUVariant { weights.variant }

    /// The seed of random weights, or the default seed for weights from a file.
    public var seed: UInt64 {
        if case let .random(_, seed) = origin { return seed }
        return WeightInitializer.defaultSeed
    }

    /// Draws random weights in another convention but keeps x, h, pins and the scene name: the
    /// same scene seen through another framework's rule.
    mutating func setVariantKeepingState(_ variant: GRUVariant) throws(UserError) {
        let scene = sceneName, keptPins = pins
        try setVariant(variant)
        pins = keptPins
        sceneName = scene
        self = startingHere()
    }

    /// Names the scene this session shows.
    mutating func markScene(_ name: String) {
        sceneName = name
        self = startingHere()
    }

    /// This session with its current x, h and pins as the start that `reset` returns to.
    public func startingHere() -> Session {
        var copy = self
        copy.t = 0
        copy.undo.removeAll()
        copy.start = Snapshot(x: x, h: h, pins: pins)
        copy.recompute()
        return copy
    }

    // MARK: Internals

    private mutating func replaceWeights(_ newWeights: GRUWeights, origin newOrigin: WeightsOrigin) {
        let keepX = newWeights.inputSize == inputSize, keepH = newWeights.hiddenSize == hiddenSize
        weights = newWeights
        origin = newOrigin
        sceneName = nil
        cell = GRUCell(weights: newWeights)
        if !keepX { x = [Float](repeating: 0, count: newWeights.inputSize) }
        if !keepH {
            h = [Float](repeating: 0, count: newWeights.hiddenSize)
            pins = GatePins()
        }
        trace = GRUTrace(inputSize: newWeights.inputSize, hiddenSize: newWeights.hiddenSize)
        t = 0
        undo.removeAll()
        start = Snapshot(x: x, h: h, pins: pins)
        recompute()
    }

    private mutating func recompute() {
        cell.step(x: x, h: h, pins: pins, into: &trace)
    }

    /// The largest I and H of random weights (`size I H`, `--input-size`, `--hidden-size`): their
    /// weights are drawn at once, and a screen of more units than this shows little of them.
    public static let largestRandomSize = 4096

    static func randomWeights(
        variant: GRUVariant, inputSize: Int, hiddenSize: Int, seed: UInt64
    ) throws(UserError) -> GRUWeights {
        guard (1...largestRandomSize).contains(inputSize), (1...largestRandomSize).contains(hiddenSize) else {
            throw UserError(key: "error.script.sizes", ["max": String(largestRandomSize), "i": String(inputSize), "h": String(hiddenSize)])
        }
        do {
            return try WeightInitializer.weights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        } catch {
            throw UserError(error.description)
        }
    }

    static func pin(_ pins: inout GatePins, _ gate: Gate, _ values: [Float], hiddenSize: Int) throws(UserError) {
        do {
            try pins.pin(gate, to: values, hiddenSize: hiddenSize)
        } catch {
            throw UserError(error.description)
        }
    }

    private static func countError(_ command: String, _ count: Int) -> UserError {
        UserError(key: "error.script.step_count", ["command": command, "count": String(count), "max": String(largestStepCount)])
    }

    private static func checkIndex(_ index: Int, count: Int, what: String) throws(UserError) {
        guard (0..<count).contains(index) else {
            throw UserError(key: "error.script.index", ["what": what, "index": String(index), "count": String(count), "last": String(count - 1)])
        }
    }

    private static func checkValue(_ value: Float, what: String) throws(UserError) {
        guard value.isFinite, abs(value) <= NumberList.largestMagnitude else {
            throw NumberList.outOfRange(what: what, text: "\(value)")
        }
    }
}
