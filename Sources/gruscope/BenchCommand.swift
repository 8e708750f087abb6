import ArgumentParser
import GRUCore
import Script
import WeightFiles

/// `gruscope bench`: how fast the engine steps a cell through a sequence.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the GRU cell on a whole input sequence and report the median per step.",
        discussion: """
            Weights are random (the variant's own initialiser, seeded) unless --weights names a \
            weight file (.json or .npz, as everywhere in gruscope; I and H then come from the file); \
            the inputs are random on [-1, 1) from the seed unless --inputs names a raw file of \
            little-endian float32 values, I per step. Build with `swift build -c release` for \
            meaningful numbers.
            """)

    /// Largest I and H accepted: 3H(H+I) floats must fit in memory comfortably.
    static let largestSize = 4096
    /// Largest T×I accepted, in floats.
    static let largestInput = 50_000_000

    @Option(name: .customLong("input-size"), help: "I, the length of each input vector.")
    var inputSize = 32

    @Option(name: .customLong("hidden-size"), help: "H, the number of hidden units.")
    var hiddenSize = 64

    @Option(help: "T, the length of the random input sequence (ignored with --inputs).")
    var steps = 1000

    @Option(help: "Weight conventions: \(GRUVariant.spellings).")
    var variant = GRUVariant.pytorch.rawValue

    @Option(help: "Seed of the random weights and inputs.")
    var seed = WeightInitializer.defaultSeed

    @Option(help: "A weight file (.json or .npz) instead of random weights.")
    var weights: String?

    @Option(help: "A raw float32 input file (I values per step) instead of random inputs.")
    var inputs: String?

    @Option(help: "Timed passes over the sequence; the median is reported.")
    var runs = GRUBenchmark.defaultRuns

    @Option(help: "Kernels to time: \(GRUKernelPath.allCases.map(\.rawValue).joined(separator: ", ")) (default: the widest this CPU runs).")
    var kernel: String?

    @Option(help: "Output format: text or json.")
    var format = "text"

    func validate() throws {
        for (name, value) in [("--input-size", inputSize), ("--hidden-size", hiddenSize)]
        where !(1...Self.largestSize).contains(value) {
            throw ValidationError("\(name) must be between 1 and \(Self.largestSize), got \(value)")
        }
        // Divided rather than multiplied, so that a huge --steps cannot overflow.
        guard steps >= 1, steps <= Self.largestInput / inputSize else {
            throw ValidationError(
                "--steps must be at least 1 and T×I at most \(Self.largestInput), got T=\(steps), I=\(inputSize)")
        }
        guard (1...1000).contains(runs) else {
            throw ValidationError("--runs must be between 1 and 1000, got \(runs)")
        }
        guard GRUVariant(rawValue: variant) != nil else {
            throw ValidationError("--variant must be one of \(GRUVariant.spellings), got '\(variant)'")
        }
        if let kernel {
            guard let path = GRUKernelPath(rawValue: kernel) else {
                throw ValidationError(
                    "--kernel must be one of \(GRUKernelPath.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kernel)'")
            }
            guard path.isAvailable else {
                throw ValidationError(
                    "--kernel \(kernel) does not run on this CPU; available: \(GRUKernelPath.available.map(\.rawValue).joined(separator: ", "))")
            }
        }
        guard format == "text" || format == "json" else {
            throw ValidationError("--format must be text or json, got '\(format)'")
        }
    }

    func run() throws {
        let variant = GRUVariant(rawValue: variant) ?? .pytorch
        // Every file error names the file and what was expected: bad input, status 2.
        let cellWeights: GRUWeights
        if let weights {
            do {
                cellWeights = try WeightFile.load(path: weights).weights
            } catch {
                throw ScriptError(error.message)
            }
        } else {
            cellWeights = try WeightInitializer.weights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        }
        let sequence: [Float]
        do {
            sequence = try inputs.map {
                try GRUBenchmark.rawInputs(path: $0, inputSize: cellWeights.inputSize)
            } ?? GRUBenchmark.randomInputs(inputSize: cellWeights.inputSize, steps: steps, seed: seed)
        } catch {
            throw ScriptError(String(describing: error))
        }
        let path = kernel.flatMap(GRUKernelPath.init(rawValue:)) ?? .best
        let result = GRUBenchmark.measure(weights: cellWeights, inputs: sequence, runs: runs, path: path)
        print(format == "json" ? result.json : result.text)
    }
}
