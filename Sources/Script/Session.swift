import GRUCore
import Localization
import WeightFiles

/// Everything the cell is looking at: a sequence with a time cursor, and the changes that can
/// be undone. The repl, `trace`, lessons and the screen share it (docs/architecture.md, "The
/// session").
///
/// - The sequence: the weights, h0, the inputs x_0 … x_{T−1} (T ≥ 1) and pinned gates (the same
///   at every step), with h_t after every step (``sequence``, from GRUCore's `GRUSequence`).
/// - The cursor ``t`` in 0 … T−1. What is shown is step t: ``x`` is x_t, ``h`` the state entering
///   step t (h0 at t = 0), ``trace`` every vector of step t (its `h` is h_t).
/// - Stepping moves the cursor; past the end it records a new step (x repeated from the last
///   step). `back` moves it back and keeps the recorded future. Editing x changes x_t and
///   re-runs steps t … T−1 only. Editing h at t = 0 changes h0. h, pins and the reset rule
///   hold for the whole sequence, so changing one of them at t > 0 starts the sequence at t:
///   the steps before t are dropped (undo brings them back), h0 becomes the state entering t
///   (or the typed one) and the cursor is at 0, still on the same x — "what if, from this step
///   on, …". The step shown keeps its state: pinning a gate at its current values changes
///   nothing on screen.
/// - Every change is recorded in ``history`` and can be undone (``undo()``) and redone.
///
/// A value type: every change validates first and throws without changing anything; it then
/// computes the steps that must be computed again, under the ``ComputeContext`` in force (on
/// the screen's own thread a long computation throws ``UserError/needsBackgroundWork`` and the
/// screen runs the change again as background work). A session handed to a user is always
/// computed: every step has its state and ``trace`` is step t's.
public struct Session: Sendable {
    /// The cell's weights.
    public var weights: GRUWeights { sequence.weights }
    /// Where they came from.
    public private(set) var origin: WeightsOrigin
    /// The scene the session started from, if any (cleared by new weights).
    public private(set) var sceneName: String?
    /// The whole sequence: h0, every x_t and h_t, pins.
    public private(set) var sequence: GRUSequence
    /// The time cursor: the step shown, 0 … T−1.
    public private(set) var t: Int
    /// Every vector of step t.
    public private(set) var trace: GRUTrace
    /// The changes that can be undone and redone.
    public private(set) var history = SessionHistory()
    /// Where a lesson is, kept here so that undo and redo move lessons too.
    public private(set) var lessonMark: LessonMark?
    /// Where the inputs came from, for headers and session files.
    public private(set) var inputsSource: InputsSource = .typed
    /// Counts every change made, undone or redone: a host compares it to see that something
    /// changed (autosave).
    public private(set) var revision = 0
    /// Names the sequence's content (weights, h0, inputs, pins; not the cursor) with a number
    /// no other content in this process had: equal numbers mean equal sequences, so a cache of
    /// values over the steps (the timeline, retention) keeps them while only the cursor moves.
    public private(set) var sequenceID = SequenceID.next()
    /// Whether the inputs were changed since they came from ``inputsSource``.
    public private(set) var inputsEdited = false
    /// Whether the inputs are still exactly what ``inputsSource`` gave.
    public var inputsFromSourceUnchanged: Bool { !inputsEdited }

    /// A session on given weights: one step with input x from state h, and pins (checked
    /// against the sizes; a single number stands for every position).
    public init(
        weights: GRUWeights, origin: WeightsOrigin, sceneName: String? = nil,
        x: [Float]? = nil, h: [Float]? = nil, pins: GatePins = GatePins()
    ) throws(UserError) {
        let x = try Self.fitted(x ?? [0], count: weights.inputSize, what: "x")
        let h = try Self.fitted(h ?? [0], count: weights.hiddenSize, what: "h")
        for gate in pins.gates {
            try NumberList.expectCount(pins[gate] ?? [], weights.hiddenSize, what: "pinned \(gate.rawValue)")
        }
        do {
            sequence = try GRUSequence(weights: weights, h0: h, pins: pins, inputs: x)
        } catch {
            throw Self.userError(error)
        }
        self.origin = origin
        self.sceneName = sceneName
        t = 0
        trace = GRUTrace(inputSize: weights.inputSize, hiddenSize: weights.hiddenSize)
        try settle()
    }

    /// A session set up from a scene: its weights (random, or a trained example's), x, h, pins
    /// and, for an example, its first suggested sequence.
    public init(scene: Scene, seed: UInt64 = WeightInitializer.defaultSeed) throws(UserError) {
        let weights = try scene.weights(seed: seed)
        var pins = GatePins()
        if let z = scene.pinnedZ { try Self.pin(&pins, .z, z, hiddenSize: scene.hiddenSize) }
        try self.init(
            weights: weights, origin: scene.origin(seed: seed), sceneName: scene.name,
            x: scene.x, h: scene.h, pins: pins)
        if let first = scene.sequences.first {
            try replaceInputs(first.rows, source: .scene(scene: scene.name, sequence: first.name), recording: false)
        }
    }

    // MARK: Reading

    /// I.
    public var inputSize: Int { sequence.inputSize }
    /// H.
    public var hiddenSize: Int { sequence.hiddenSize }
    /// T, the number of steps.
    public var count: Int { sequence.count }
    /// x_t, the input of the step shown.
    public var x: [Float] { trace.x }
    /// The state entering step t: h0 at t = 0, else h_{t−1}.
    public var h: [Float] { trace.hPrev }
    /// The state before step 0.
    public var h0: [Float] { sequence.h0 }
    /// Gates fixed to given values, at every step.
    public var pins: GatePins { sequence.pins }
    /// The scene this session shows, if any.
    public var scene: Scene? { sceneName.flatMap { try? Scene.named($0) } }
    /// The characters of a one-hot model's inputs (a trained example with a vocabulary).
    public var vocabulary: Vocabulary? { scene?.vocabulary }
    /// The character x_t stands for, for a model with a vocabulary (nil when x_t is not one-hot).
    public func character(at step: Int) -> Character? {
        guard let vocabulary, step >= 0, step < count else { return nil }
        return vocabulary.character(of: sequence.input(at: step))
    }

    /// How many steps `back` can go: t.
    public var undoableSteps: Int { t }

    // MARK: Editing x and h

    /// Replaces x_t (one number stands for every input); steps t … T−1 are run again.
    public mutating func setX(_ values: [Float]) throws(UserError) {
        let values = try Self.fitted(values, count: inputSize, what: "x")
        try replaceRow(values, description: Message(key: "history.x", ["t": String(t)]))
    }

    /// Sets one input of x_t; positions count from 0.
    public mutating func setX(at index: Int, to value: Float) throws(UserError) {
        try Self.checkIndex(index, count: inputSize, what: "x")
        try Self.checkValue(value, what: "x[\(index)]")
        var row = x
        row[index] = value
        try replaceRow(row, description: Message(key: "history.x_element", ["index": String(index), "t": String(t), "value": Numbers.short(value)]))
    }

    /// Sets x_t to the one-hot vector of a character of the vocabulary.
    public mutating func setX(character: Character) throws(UserError) {
        guard let vocabulary else { throw UserError(key: "error.text.no_vocabulary") }
        let row = try vocabulary.oneHot(String(character)).first!
        try replaceRow(row, description: Message(key: "history.x_character", ["t": String(t), "character": String(character)]))
    }

    /// Replaces the state entering step t (one number stands for every unit): h0 at t = 0; at
    /// t > 0 the sequence then starts at step t (see the type's notes).
    public mutating func setH(_ values: [Float]) throws(UserError) {
        let values = try Self.fitted(values, count: hiddenSize, what: "h")
        try replaceState(values, description: Message(key: "history.h", ["t": String(t)]))
    }

    /// Sets one unit of the state entering step t; units count from 0.
    public mutating func setH(at index: Int, to value: Float) throws(UserError) {
        try Self.checkIndex(index, count: hiddenSize, what: "h")
        try Self.checkValue(value, what: "h[\(index)]")
        var state = h
        state[index] = value
        try replaceState(state, description: Message(key: "history.h_element", ["index": String(index), "t": String(t), "value": Numbers.short(value)]))
    }

    private mutating func replaceRow(_ row: [Float], description: Message) throws(UserError) {
        guard row != x else { return }
        inputsEdited = true
        try change(description,
            forward: [.rows(start: t, removing: 1, rows: StepRows(values: row, width: inputSize)), .cursor(t)],
            backward: [.rows(start: t, removing: 1, rows: StepRows(values: x, width: inputSize)), .cursor(t)])
    }

    private mutating func replaceState(_ state: [Float], description: Message) throws(UserError) {
        guard state != h else { return }
        try changeFromCursor(description, forward: [.h0(state)], backward: [.h0(h)])
    }

    /// A change of what holds at every step (h0, pins, the reset rule) made at the cursor: at
    /// t = 0 it is made as it is; at t > 0 the sequence first starts at t (the steps before t
    /// are dropped, h0 becomes the state entering t, the cursor goes to 0 on the same x), so the
    /// step shown keeps its state and the change holds from there on. Undo brings the past back.
    private mutating func changeFromCursor(_ description: Message, forward: [SessionPatch], backward: [SessionPatch]) throws(UserError) {
        guard t > 0 else {
            try change(description, forward: forward, backward: backward)
            return
        }
        let past = StepRows(values: Array(sequence.inputs[0..<(t * inputSize)]), width: inputSize)
        let start: [SessionPatch] = [.rows(start: 0, removing: t, rows: StepRows(values: [], width: inputSize)), .h0(h), .cursor(0)]
        let restore: [SessionPatch] = [.h0(h0), .rows(start: 0, removing: 0, rows: past), .cursor(t)]
        let edited = inputsEdited
        inputsEdited = true
        do throws(UserError) {
            try change(description, forward: start + forward, backward: backward + restore)
        } catch {
            inputsEdited = edited
            throw error
        }
    }

    // MARK: Moving in time

    /// The most steps one command takes (`step N`, `back N`): enough to watch a state settle or
    /// fade, few enough that a command answers at once.
    public static let largestStepCount = 100_000

    /// Moves the cursor `count` steps forward; past the end each step is recorded into the
    /// sequence with the last step's x. Refused, saying the limit, when the sequence would grow
    /// past what it may hold (``GRUSequence/maximumStoredValues``).
    public mutating func step(_ count: Int = 1) throws(UserError) {
        guard (1...Self.largestStepCount).contains(count) else { throw Self.countError("step", count) }
        let target = t + count, last = self.count - 1
        guard target > last else {
            try change(Message(key: "history.step", ["from": String(t), "to": String(target)]), forward: [.cursor(target)], backward: [.cursor(t)])
            return
        }
        let added = target - last
        try checkRoom(for: self.count + added)
        inputsEdited = true
        let rows = StepRows(repeating: sequence.input(at: last), count: added)
        try change(Message(key: "history.step_recorded", ["from": String(t), "to": String(target), "added": String(added)]),
            forward: [.rows(start: self.count, removing: 0, rows: rows), .cursor(target)],
            backward: [.cursor(t), .rows(start: self.count, removing: added, rows: StepRows(values: [], width: inputSize))])
    }

    /// Moves the cursor up to `count` steps back (never before step 0) and returns how many it
    /// moved; the recorded future stays. At t = 0 it is refused.
    @discardableResult
    public mutating func back(_ count: Int = 1) throws(UserError) -> Int {
        guard (1...Self.largestStepCount).contains(count) else { throw Self.countError("back", count) }
        guard t > 0 else { throw UserError(key: "error.script.no_undo") }
        let moved = min(count, t)
        try change(Message(key: "history.back", ["from": String(t), "to": String(t - moved)]), forward: [.cursor(t - moved)], backward: [.cursor(t)])
        return moved
    }

    /// Moves the cursor to step `step` (0 … T−1). Moves made one after another are undone
    /// together (scrubbing through time is one change).
    public mutating func goto(_ step: Int) throws(UserError) {
        guard (0..<count).contains(step) else {
            throw UserError(key: "error.time.step", ["step": String(step), "last": String(count - 1)])
        }
        guard step != t else { return }
        try change(Message(key: "history.goto", ["from": String(t), "to": String(step)]), forward: [.cursor(step)], backward: [.cursor(t)])
        history.coalesceCursorMoves()
    }

    /// Returns to step 0; the sequence stays.
    public mutating func reset() throws(UserError) {
        guard t != 0 else { return }
        try change(Message(key: "history.reset", ["from": String(t)]), forward: [.cursor(0)], backward: [.cursor(t)])
    }

    // MARK: Gates

    /// Fixes a gate to given values, one per unit (or one for every unit), each in [0, 1].
    public mutating func pin(_ gate: Gate, to values: [Float]) throws(UserError) {
        var pins = self.pins
        try Self.pin(&pins, gate, try Self.fitted(values, count: hiddenSize, what: "pinned \(gate.rawValue)"), hiddenSize: hiddenSize)
        guard pins != self.pins else { return }
        try changeFromCursor(Message(key: "history.pin", ["gate": gate.rawValue]), forward: [.pins(pins)], backward: [.pins(self.pins)])
    }

    /// Computes a gate again (or both when `gate` is nil).
    public mutating func unpin(_ gate: Gate? = nil) throws(UserError) {
        var pins = self.pins
        for g in gate.map({ [$0] }) ?? Gate.allCases { pins.unpin(g) }
        guard pins != self.pins else { return }
        try changeFromCursor(Message(key: "history.unpin", ["gate": gate?.rawValue ?? "r, z"]), forward: [.pins(pins)], backward: [.pins(self.pins)])
    }

    // MARK: The sequence

    /// Replaces every input (row-major, I values a step) and puts the cursor at step 0; h0 and
    /// the pins stay. Refused, saying the limit, past what a sequence may hold.
    public mutating func setInputs(_ rows: StepRows, source: InputsSource) throws(UserError) {
        try replaceInputs(rows, source: source, recording: true)
    }

    private mutating func replaceInputs(_ rows: StepRows, source: InputsSource, recording: Bool) throws(UserError) {
        guard rows.width == inputSize else {
            throw UserError(key: "error.inputs.width", ["width": String(rows.width), "i": String(inputSize)])
        }
        guard rows.count >= 1 else { throw UserError(key: "error.inputs.empty") }
        try checkRoom(for: rows.count)
        let old = StepRows(values: sequence.inputs, width: inputSize)
        let forward: [SessionPatch] = [.rows(start: 0, removing: count, rows: rows), .cursor(0)]
        let backward: [SessionPatch] = [.rows(start: 0, removing: rows.count, rows: old), .cursor(t)]
        let oldSource = inputsSource
        inputsSource = source
        inputsEdited = false
        do throws(UserError) {
            if recording {
                try change(Message(key: "history.inputs", ["source": source.summary, "count": String(rows.count)]), forward: forward, backward: backward)
            } else {
                try apply(forward)
            }
        } catch {
            inputsSource = oldSource
            throw error
        }
    }

    // MARK: Changing the cell

    /// Uses weights read from a file. The sequence stays when I still fits (one step of zeros
    /// otherwise), h0 and pins when H does; the cursor stays where it can.
    public mutating func load(_ loaded: LoadedWeights) throws(UserError) {
        try replaceSetup(
            SessionSetupState(weights: loaded.weights, origin: WeightsOrigin(loaded), sceneName: nil),
            description: Message(key: "history.load", ["origin": WeightsOrigin(loaded).summary]))
    }

    /// Draws random weights in a framework's convention, keeping sizes and seed.
    public mutating func setVariant(_ variant: GRUVariant) throws(UserError) {
        try replaceSetup(
            try SessionSetupState.random(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed),
            description: Message(key: "history.variant", ["variant": variant.rawValue]))
    }

    /// Draws random weights of new sizes, keeping the convention and seed.
    public mutating func resize(inputSize: Int, hiddenSize: Int) throws(UserError) {
        try replaceSetup(
            try SessionSetupState.random(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed),
            description: Message(key: "history.size", ["i": String(inputSize), "h": String(hiddenSize)]))
    }

    /// Draws random weights from a new seed, keeping sizes and convention.
    public mutating func reseed(_ seed: UInt64) throws(UserError) {
        try replaceSetup(
            try SessionSetupState.random(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed),
            description: Message(key: "history.seed", ["seed": String(seed)]))
    }

    /// Applies the reset gate before (`false`, TensorFlow GRUCell) or after (`true`,
    /// PyTorch/cuDNN) the recurrent product, on the SAME weights: the one way to compare the
    /// two rules number for number (``setVariant(_:)`` draws new weights). The sequence, pins
    /// and cursor stay; every step is run again.
    public mutating func setResetAfter(_ resetAfter: Bool) throws(UserError) {
        guard resetAfter != weights.resetAfter else { return }
        var setup = setupState
        setup.resetAfter = resetAfter
        try changeFromCursor(Message(key: resetAfter ? "history.rule_after" : "history.rule_before"),
                             forward: [.setup(setup)], backward: [.setup(setupState)])
    }

    /// Starts again from a scene (with this session's seed), as one change that can be undone.
    public mutating func loadScene(_ scene: Scene) throws(UserError) {
        let fresh = try Session(scene: scene, seed: seed)
        try become(fresh, description: Message(key: "history.scene", ["name": scene.name]))
    }

    /// Takes another session's weights, sequence, pins and cursor as one change of this one
    /// (its history is not taken): opening a session file, a scene.
    public mutating func become(_ other: Session, description: Message) throws(UserError) {
        let before = document, after = other.document
        let oldSource = inputsSource
        inputsSource = other.inputsSource
        do throws(UserError) {
            try change(description, forward: after.patches(replacing: before), backward: before.patches(replacing: after))
        } catch {
            inputsSource = oldSource
            throw error
        }
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
        var setup = try SessionSetupState.random(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        setup.sceneName = sceneName
        try replaceSetup(setup, description: Message(key: "history.variant", ["variant": variant.rawValue]))
    }

    /// Names the scene this session shows.
    mutating func markScene(_ name: String) {
        sceneName = name
    }

    /// This session without its history: what it is now becomes where undo stops.
    public func startingHere() -> Session {
        var copy = self
        copy.history.clear()
        return copy
    }

    // MARK: Undo and redo

    /// Takes back the last change and returns what it was; refused when there is none.
    @discardableResult
    public mutating func undo() throws(UserError) -> Message {
        guard let entry = history.nextUndo else {
            if let dropped = history.lastDropped {
                throw UserError(key: "error.history.dropped", values: ["change": .message(dropped)])
            }
            throw UserError(key: "error.history.nothing_to_undo")
        }
        try apply(entry.backward)
        _ = history.popUndo()
        return entry.description
    }

    /// Makes the last undone change again and returns what it was; refused when there is none.
    @discardableResult
    public mutating func redo() throws(UserError) -> Message {
        guard let entry = history.nextRedo else { throw UserError(key: "error.history.nothing_to_redo") }
        try apply(entry.forward)
        _ = history.popRedo()
        return entry.description
    }

    /// Takes back the last `count` changes at once (as many as there are, at least one) and
    /// returns what they were, the last undone first.
    public mutating func undo(count: Int) throws(UserError) -> [Message] {
        let entries = Array(history.undoable.suffix(count).reversed())
        guard !entries.isEmpty else { return [try undo()] }
        try apply(entries.flatMap(\.backward))
        for _ in entries { _ = history.popUndo() }
        return entries.map(\.description)
    }

    /// Makes the last `count` undone changes again at once (as many as there are, at least one).
    public mutating func redo(count: Int) throws(UserError) -> [Message] {
        let entries = Array(history.redoable.suffix(count).reversed())
        guard !entries.isEmpty else { return [try redo()] }
        try apply(entries.flatMap(\.forward))
        for _ in entries { _ = history.popRedo() }
        return entries.map(\.description)
    }

    /// Undoes every change recorded since `mark` (a ``SessionHistory/mark`` taken earlier): a
    /// lesson's `prev`. False, with nothing changed, when the history no longer reaches back
    /// that far (older changes were dropped, or some were undone already).
    public mutating func undo(backTo mark: Int) throws(UserError) -> Bool {
        guard history.reaches(mark) else { return false }
        let parts = history.undoable.reversed().prefix { $0.id >= mark }.flatMap(\.backward)
        try apply(parts)
        while let last = history.undoable.last, last.id >= mark { _ = history.popUndo() }
        return true
    }

    /// Records where a lesson is, as a change that undo takes back (the teaching layer's
    /// `lesson`, `next` and `prev`).
    public mutating func setLessonMark(_ mark: LessonMark?, description: Message) throws(UserError) {
        guard mark != lessonMark else { return }
        try change(description, forward: [.lesson(mark)], backward: [.lesson(lessonMark)])
    }

    /// Runs several changes as one: undo takes them back together. When `body` throws, every
    /// change it made is taken back and the error is passed on.
    ///
    /// Taking back a failed group's changes undoes them in place (no copy of the sequence is
    /// kept while it runs).
    public mutating func group(_ description: Message, _ body: (inout Session) throws(UserError) -> Void) throws(UserError) {
        let mark = history.mark
        do throws(UserError) {
            try body(&self)
        } catch {
            let parts = history.undoable.reversed().prefix { $0.id >= mark }.flatMap(\.backward)
            try? ComputeContext.with(.unlimited) { () throws(UserError) in try apply(parts) }
            history.forget(since: mark)
            throw error
        }
        history.merge(since: mark, description: description)
    }

    // MARK: Internals: changes

    /// Applies a change's forward parts and records it.
    private mutating func change(_ description: Message, forward: [SessionPatch], backward: [SessionPatch]) throws(UserError) {
        try apply(forward)
        history.record(description, forward: forward, backward: backward)
    }

    /// Applies parts in order, then computes what must be computed again.
    ///
    /// Nothing changes when it throws, with one exception that no caller keeps: background work
    /// cancelled half-way (``ComputeContext/controlled(_:)``), whose copy is dropped. Parts that
    /// change the weights are applied to a copy; the rest in place, after the work they cause
    /// has been checked against the compute context.
    mutating func apply(_ parts: [SessionPatch]) throws(UserError) {
        guard let work = estimatedWork(of: parts) else {
            var copy = self
            try copy.applyInPlace(parts)
            self = copy
            return
        }
        try ComputeContext.allow(work: work)
        try applyInPlace(parts)
    }

    /// Multiply-adds that applying `parts` computes, or nil when they change the weights.
    private func estimatedWork(of parts: [SessionPatch]) -> Int? {
        var from = sequence.computedCount, steps = count
        for part in parts {
            switch part {
            case .setup: return nil
            case .h0, .pins: from = 0
            case let .rows(start, removing, rows):
                from = min(from, start)
                steps += rows.count - removing
            case .cursor, .lesson: break
            }
        }
        return max(0, steps - from) * workPerStep
    }

    private mutating func applyInPlace(_ parts: [SessionPatch]) throws(UserError) {
        revision += 1
        if parts.contains(where: \.changesSequence) { sequenceID = SequenceID.next() }
        do {
            for part in parts {
                switch part {
                case let .setup(setup):
                    try applySetup(setup)
                case let .h0(values):
                    try sequence.setH0(values)
                case let .pins(pins):
                    try sequence.setPins(pins)
                case let .rows(start, removing, rows):
                    if removing == rows.count && removing == 1 {
                        try sequence.setInput(rows.flat, at: start)
                    } else {
                        if removing > 0 { sequence.removeSteps(start..<(start + removing)) }
                        if rows.count > 0 { try sequence.insert(contentsOf: rows.flat, at: start) }
                    }
                case let .cursor(step):
                    t = step
                case let .lesson(mark):
                    lessonMark = mark
                }
            }
        } catch let error as GRUSequenceError {
            throw Self.userError(error)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(String(describing: error))
        }
        try settle()
    }

    /// New weights; the sequence kept where the sizes allow.
    private mutating func applySetup(_ setup: SessionSetupState) throws(UserError) {
        let weights = try setup.makeWeights()
        let keepInputs = weights.inputSize == inputSize, keepState = weights.hiddenSize == hiddenSize
        let inputs = keepInputs ? sequence.inputs : [Float](repeating: 0, count: weights.inputSize)
        let h0 = keepState ? sequence.h0 : [Float](repeating: 0, count: weights.hiddenSize)
        let pins = keepState ? sequence.pins : GatePins()
        do {
            sequence = try GRUSequence(weights: weights, h0: h0, pins: pins, inputs: inputs)
        } catch {
            throw Self.userError(error)
        }
        if !keepInputs { inputsSource = .typed }
        origin = setup.origin
        sceneName = setup.sceneName
        trace = GRUTrace(inputSize: weights.inputSize, hiddenSize: weights.hiddenSize)
    }

    private mutating func replaceSetup(_ setup: SessionSetupState, description: Message) throws(UserError) {
        var after = document
        after.setup = setup
        let changesInputs = setup.inputSize != inputSize, changesState = setup.hiddenSize != hiddenSize
        if changesInputs {
            after.rows = StepRows(values: [Float](repeating: 0, count: setup.inputSize), width: setup.inputSize)
        }
        if changesState {
            after.h0 = [Float](repeating: 0, count: setup.hiddenSize)
            after.pins = GatePins()
        }
        after.cursor = min(t, after.rows.count - 1)
        let before = document
        try change(description, forward: after.patches(replacing: before), backward: before.patches(replacing: after))
    }

    /// Computes the steps not yet computed (as the compute context allows) and step t's trace.
    private mutating func settle() throws(UserError) {
        t = min(max(0, t), count - 1)
        let remaining = sequence.count - sequence.computedCount
        if remaining > 0 {
            try ComputeContext.allow(work: remaining * workPerStep)
            do {
                try sequence.compute(ComputeContext.shouldContinue)
            } catch {
                throw .cancelled
            }
        }
        trace = sequence.trace(at: t)
    }

    /// Multiply-adds of one step.
    var workPerStep: Int { 3 * hiddenSize * (hiddenSize + inputSize) }

    /// The weights, sequence, pins and cursor as values (no history).
    var document: SessionDocument {
        SessionDocument(
            setup: setupState, h0: h0, pins: pins,
            rows: StepRows(values: sequence.inputs, width: inputSize),
            cursor: t, lesson: lessonMark)
    }

    /// The weights and their origin as a change keeps them.
    var setupState: SessionSetupState {
        SessionSetupState(weights: weights, origin: origin, sceneName: sceneName)
    }

    private func checkRoom(for steps: Int) throws(UserError) {
        let limit = Self.longestSequence(inputSize: inputSize, hiddenSize: hiddenSize)
        guard steps <= limit else {
            throw UserError(key: "error.time.too_long", [
                "steps": String(steps), "limit": String(limit), "i": String(inputSize), "h": String(hiddenSize),
                "values": String(GRUSequence.maximumStoredValues),
            ])
        }
    }

    /// The most steps a sequence of this size may hold: T×(I+H) ≤ ``GRUSequence/maximumStoredValues``
    /// and T ≤ ``GRUSequence/maximumSteps``.
    public static func longestSequence(inputSize: Int, hiddenSize: Int) -> Int {
        min(GRUSequence.maximumSteps, GRUSequence.maximumStoredValues / (inputSize + hiddenSize))
    }

    // MARK: Internals: checks

    /// The largest I and H of random weights (`size I H`, `--input-size`, `--hidden-size`): their
    /// weights are drawn at once, and a screen of more units than this shows little of them.
    public static let largestRandomSize = 4096

    static func randomWeights(
        variant: GRUVariant, inputSize: Int, hiddenSize: Int, seed: UInt64
    ) throws(UserError) -> GRUWeights {
        guard (1...largestRandomSize).contains(inputSize), (1...largestRandomSize).contains(hiddenSize) else {
            throw UserError(key: "error.script.sizes", ["max": String(largestRandomSize), "i": String(inputSize), "h": String(hiddenSize)])
        }
        try ComputeContext.allow(work: 3 * hiddenSize * (hiddenSize + inputSize) * 8)
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

    /// `values` with `count` numbers: a single number stands for every position.
    static func fitted(_ values: [Float], count: Int, what: String) throws(UserError) -> [Float] {
        if values.count == 1 && count > 1 { return [Float](repeating: values[0], count: count) }
        try NumberList.expectCount(values, count, what: what)
        for (index, value) in values.enumerated() { try checkValue(value, what: "\(what)[\(index)]") }
        return values
    }

    static func userError(_ error: GRUSequenceError) -> UserError {
        switch error {
        case let .tooLong(steps, limit):
            return UserError(key: "error.time.too_long_plain", ["steps": String(steps), "limit": String(limit)])
        default:
            return UserError(error.description)
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

/// The weights of a session and where they came from, as a change keeps them: weights read from
/// a file are kept; random ones are drawn again from their seed when needed (the same numbers,
/// and nothing kept).
struct SessionSetupState: Sendable {
    private var kept: GRUWeights?
    var origin: WeightsOrigin
    var sceneName: String?
    var resetAfter: Bool
    let inputSize: Int
    let hiddenSize: Int

    init(weights: GRUWeights, origin: WeightsOrigin, sceneName: String?) {
        self.origin = origin
        self.sceneName = sceneName
        resetAfter = weights.resetAfter
        inputSize = weights.inputSize
        hiddenSize = weights.hiddenSize
        if case .random = origin { kept = nil } else { kept = weights }
        // Trained examples are embedded: drawn again from the scene, not kept.
        if let sceneName, (try? Scene.named(sceneName))?.example != nil { kept = nil }
    }

    static func random(variant: GRUVariant, inputSize: Int, hiddenSize: Int, seed: UInt64) throws(UserError) -> SessionSetupState {
        let weights = try Session.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        return SessionSetupState(weights: weights, origin: .random(variant: variant, seed: seed), sceneName: nil)
    }

    func makeWeights() throws(UserError) -> GRUWeights {
        var weights: GRUWeights
        if let kept {
            weights = kept
        } else if let sceneName, let scene = try? Scene.named(sceneName), scene.example != nil {
            weights = try scene.weights(seed: WeightInitializer.defaultSeed)
        } else if case let .random(variant, seed) = origin {
            weights = try Session.randomWeights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        } else {
            throw UserError("internal: weights of \(origin.summary) were not kept")
        }
        weights.resetAfter = resetAfter
        return weights
    }

    /// Bytes kept.
    var bytes: Int { kept.map { 3 * $0.hiddenSize * ($0.hiddenSize + $0.inputSize + 2) * MemoryLayout<Float>.stride } ?? 0 }

    /// Whether two setups give the same weights.
    func isSame(as other: SessionSetupState) -> Bool {
        origin == other.origin && sceneName == other.sceneName && resetAfter == other.resetAfter
            && inputSize == other.inputSize && hiddenSize == other.hiddenSize
            && (kept == nil) == (other.kept == nil) && (kept.map { a in other.kept.map { a == $0 } ?? false } ?? true)
    }
}

/// A session's state without its history, as values.
struct SessionDocument: Sendable {
    var setup: SessionSetupState
    var h0: [Float]
    var pins: GatePins
    var rows: StepRows
    var cursor: Int
    var lesson: LessonMark?

    /// The parts that turn `other` into this.
    func patches(replacing other: SessionDocument) -> [SessionPatch] {
        var parts: [SessionPatch] = []
        let sameSetup = setup.isSame(as: other.setup)
        if !sameSetup { parts.append(.setup(setup)) }
        // A new setup fits the sequence to its sizes: one zero row for a new I, zero h0 and no
        // pins for a new H; the parts after it then set what this document holds.
        let rowsAfterSetup = sameSetup || setup.inputSize == other.setup.inputSize ? other.rows.count : 1
        let sizesKept = sameSetup || (setup.inputSize == other.setup.inputSize)
        if !sizesKept || rows != other.rows {
            parts.append(.rows(start: 0, removing: rowsAfterSetup, rows: rows))
        }
        let stateKept = sameSetup || setup.hiddenSize == other.setup.hiddenSize
        if !stateKept || h0 != other.h0 { parts.append(.h0(h0)) }
        if !stateKept || pins != other.pins { parts.append(.pins(pins)) }
        parts.append(.cursor(cursor))
        if lesson != other.lesson { parts.append(.lesson(lesson)) }
        return parts
    }
}
