import ArgumentParser
import GRUCore
import Localization
import Script
import WeightFiles

/// The setup options every way of running gruscope shares.
struct SetupOptions: ParsableArguments {
    @Option(name: .customLong("weights"), help: ArgumentHelp("Weights of a real model, the format told by content: \(WeightFormat.readable) (`gruscope weights --help` lists what each is and what is refused).", valueName: "file"))
    var weightsPath: String?

    @Option(help: ArgumentHelp("Picks one GRU when the weight file holds several (`gruscope weights FILE` lists them).", valueName: "p"))
    var prefix: String?

    @Option(help: ArgumentHelp("The layer of a stacked GRU in the weight file, from 0. (default: 0)", valueName: "n"))
    var layer: Int?

    @Option(help: ArgumentHelp("The direction of a bidirectional GRU in the weight file: forward or reverse. (default: forward)", valueName: "d"))
    var direction: String?

    // `.unconditional`, so that `--hidden-size -1` is read as the value -1 and refused plainly
    // rather than taken for an option ("Missing value").
    @Option(parsing: .unconditional, help: ArgumentHelp("I, the length of x, for random weights.", valueName: "i"))
    var inputSize: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("H, the number of hidden units, for random weights.", valueName: "h"))
    var hiddenSize: Int?

    @Option(help: ArgumentHelp("The seed of random weights; the same seed gives the same weights everywhere. (default: \(WeightInitializer.defaultSeed))", valueName: "n"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("The convention of random weights: \(GRUVariant.spellings). (default: tf-grucell)", valueName: "v"))
    var variant: String?

    @Option(help: ArgumentHelp("A built-in scene: \(Scene.names.joined(separator: ", ")). (default: seed-code)", valueName: "name"))
    var scene: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The starting state h, e.g. \"1 2 0 1 4 3\". (default: zeros)", valueName: "list"))
    var h0: String?

    @Option(name: .customLong("x"), parsing: .unconditionalSingleValue, help: ArgumentHelp("An input vector, e.g. \"1,2,3,4\"; repeat for several steps.", valueName: "list"))
    var xs: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Pin the reset gate r to these values in [0, 1], one per unit.", valueName: "list"))
    var pinR: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Pin the update gate z to these values in [0, 1], one per unit.", valueName: "list"))
    var pinZ: String?

    /// The options as the Script module's setup, with the variant spelling checked.
    func setup() throws(UserError) -> SessionSetup {
        var setup = SessionSetup()
        setup.weightsPath = weightsPath
        setup.prefix = prefix
        if let layer {
            guard layer >= 0 else { throw ScriptError("--layer takes a layer number from 0 up, got \(layer)") }
            setup.layer = layer
        }
        if let direction {
            guard let parsed = CellDirection(rawValue: direction.lowercased()) else {
                throw ScriptError("--direction takes \(CellDirection.spellings), got '\(direction)'")
            }
            setup.direction = parsed
        }
        for (name, value) in [("--input-size", inputSize), ("--hidden-size", hiddenSize)] {
            guard let value, !(1...Session.largestRandomSize).contains(value) else { continue }
            throw UserError("\(name) takes a whole number from 1 to \(Session.largestRandomSize), got \(value)")
        }
        setup.inputSize = inputSize
        setup.hiddenSize = hiddenSize
        setup.seed = seed
        if let variant {
            guard let parsed = GRUVariant(rawValue: variant.lowercased()) else {
                throw UserError("--variant takes one of \(GRUVariant.spellings), got '\(variant)'")
            }
            setup.variant = parsed
        }
        setup.scene = scene
        setup.h0 = h0
        setup.xs = xs
        setup.pinR = pinR
        setup.pinZ = pinZ
        return setup
    }
}
