import GRUCore
import Localization
import WeightFiles

/// The setup options shared by `trace`, `repl` and the screen, before they are checked.
///
/// Rules: `--weights` fixes I, H and the convention (and `--input-size`/`--hidden-size`, if
/// given too, must agree); otherwise a scene is the base (`seed-code` when no size is given)
/// and sizes, seed and variant override it. `--h0`, the first `--x` and pins come last.
public struct SessionSetup: Sendable, Equatable {
    /// A weight file to read.
    public var weightsPath: String?
    /// Picks one GRU in a file that holds several.
    public var prefix: String?
    /// Picks a layer of a stacked GRU in a weight file (layer 0 when left out).
    public var layer: Int?
    /// Picks a direction of a bidirectional GRU in a weight file (forward when left out).
    public var direction: CellDirection?
    /// I for random weights.
    public var inputSize: Int?
    /// H for random weights.
    public var hiddenSize: Int?
    /// The seed of random weights.
    public var seed: UInt64?
    /// The convention of random weights.
    public var variant: GRUVariant?
    /// A built-in scene to start from.
    public var scene: String?
    /// The starting state, as typed.
    public var h0: String?
    /// The input vectors, as typed; the first is the screen's and repl's x.
    public var xs: [String] = []
    /// Values for a pinned reset gate, as typed.
    public var pinR: String?
    /// Values for a pinned update gate, as typed.
    public var pinZ: String?

    /// An empty setup: the default scene.
    public init() {}

    /// Builds the session, or says which option is wrong and why.
    public func makeSession() throws(UserError) -> Session {
        var session = try baseSession()
        if let h0 {
            let values = try NumberList.parse(h0, what: "--h0")
            try NumberList.expectCount(values, session.hiddenSize, what: "--h0")
            try session.setH(values)
        }
        if let first = xs.first {
            try session.setX(try inputVector(first, what: "--x", inputSize: session.inputSize))
        }
        for (gate, text) in [(Gate.r, pinR), (Gate.z, pinZ)] {
            guard let text else { continue }
            let values = try NumberList.parse(text, what: "--pin-\(gate.rawValue)")
            try NumberList.expectCount(values, session.hiddenSize, what: "--pin-\(gate.rawValue)")
            try session.pin(gate, to: values)
        }
        return session.startingHere()
    }

    /// The `--x` vectors, checked against I.
    public func inputVectors(inputSize: Int) throws(UserError) -> [[Float]] {
        var vectors: [[Float]] = []
        for (index, text) in xs.enumerated() {
            vectors.append(try inputVector(text, what: xs.count == 1 ? "--x" : "--x #\(index + 1)", inputSize: inputSize))
        }
        return vectors
    }

    private func inputVector(_ text: String, what: String, inputSize: Int) throws(UserError) -> [Float] {
        let values = try NumberList.parse(text, what: what)
        try NumberList.expectCount(values, inputSize, what: what)
        return values
    }

    private func baseSession() throws(UserError) -> Session {
        let chosenScene = try scene.map { name throws(UserError) in try Scene.named(name) }
        if let weightsPath {
            if seed != nil || variant != nil {
                throw UserError("--seed and --variant choose random weights; leave them out with --weights (the file fixes the convention)")
            }
            let loaded: LoadedWeights
            do {
                loaded = try WeightFile.load(
                    path: weightsPath, selection: CellSelection(prefix: prefix, layer: layer, direction: direction))
            } catch {
                throw UserError(error.message)
            }
            let w = loaded.weights
            if let inputSize, inputSize != w.inputSize {
                throw UserError("--input-size \(inputSize) does not match \(weightsPath), which has I=\(w.inputSize)")
            }
            if let hiddenSize, hiddenSize != w.hiddenSize {
                throw UserError("--hidden-size \(hiddenSize) does not match \(weightsPath), which has H=\(w.hiddenSize)")
            }
            var session = try Session(weights: w, origin: WeightsOrigin(loaded))
            if let chosenScene { try session.adopt(chosenScene) }
            return session
        }
        if prefix != nil || layer != nil || direction != nil {
            throw UserError("--prefix, --layer and --direction pick a cell inside a weight file; give --weights FILE too")
        }
        let base = chosenScene ?? (inputSize == nil && hiddenSize == nil ? Scene.default : nil)
        let seed = self.seed ?? WeightInitializer.defaultSeed
        if let base, inputSize ?? base.inputSize == base.inputSize, hiddenSize ?? base.hiddenSize == base.hiddenSize {
            var session = try Session(scene: base, seed: seed)
            if let variant, variant != base.variant { try session.setVariantKeepingState(variant) }
            return session
        }
        if let chosenScene {
            throw UserError("scene \(chosenScene.name) has I=\(chosenScene.inputSize), H=\(chosenScene.hiddenSize); leave out --input-size/--hidden-size or pick other sizes without --scene")
        }
        let variant = self.variant ?? .tfGRUCell
        let weights = try Session.randomWeights(
            variant: variant, inputSize: inputSize ?? Scene.default.inputSize,
            hiddenSize: hiddenSize ?? Scene.default.hiddenSize, seed: seed)
        return try Session(weights: weights, origin: .random(variant: variant, seed: seed))
    }
}

extension Session {
    /// Takes a scene's x, h and pins onto these weights, which must have the scene's sizes.
    mutating func adopt(_ scene: Scene) throws(UserError) {
        guard scene.inputSize == inputSize, scene.hiddenSize == hiddenSize else {
            throw UserError("scene \(scene.name) needs I=\(scene.inputSize), H=\(scene.hiddenSize), but the weights have I=\(inputSize), H=\(hiddenSize)")
        }
        try setX(scene.x)
        try setH(scene.h)
        if let z = scene.pinnedZ { try pin(.z, to: z) }
        markScene(scene.name)
    }
}
