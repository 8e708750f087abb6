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
            weight file (any format gruscope reads, see `gruscope weights --help`; I and H then come \
            from the file); \
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

    @Option(help: "A weight file instead of random weights: \(WeightFormat.readable).")
    var weights: String?

    @Option(help: "A raw float32 input file (I values per step) instead of random inputs.")
    var inputs: String?

    @Option(help: "Timed passes over the sequence; the median is reported.")
    var runs = GRUBenchmark.defaultRuns

    @Option(help: "Kernels to time: \(GRUKernelPath.allCases.map(\.rawValue).joined(separator: ", ")) (default: the widest this CPU runs).")
    var kernel: String?

    @Option(help: "Output format: text or json.")
    var format = "text"

    @Flag(name: .customLong("sequence"), help: "Time a whole GRUSequence instead: keeping every h, one step's trace, retention and influence (reverse mode), each against the plain run of the same inputs.")
    var sequenceMode = false

    @Flag(name: .customLong("no-influence"), help: "With --sequence, leave out the influence (for long sequences, to measure time and memory of the rest).")
    var noInfluence = false

    @Flag(help: "With --sequence, also time the whole T×T influence matrix (forward mode; T at most \(GRUSequence.maximumInfluenceSteps)).")
    var matrix = false

    @Flag(name: .customLong("history"), help: "Measure the undo history instead: --edits edits of x near the end of a T-step session, then every one undone; the bytes it keeps, the resident memory before and after, and an edit's time against its undo's.")
    var historyMode = false

    @Option(help: "With --history, how many edits.")
    var edits = 1000

    @Option(name: .customLong("slow-runs"), help: "With --sequence, timed runs of the influence on every input (and the matrix).")
    var slowRuns = 3

    func validate() throws {
        for (name, value) in [("--input-size", inputSize), ("--hidden-size", hiddenSize)]
        where !(1...Self.largestSize).contains(value) {
            throw ValidationError("\(name) must be between 1 and \(Self.largestSize), got \(value)")
        }
        // With --weights, I comes from the file: T×I is checked once it is known (run()).
        if weights == nil { try Self.checkSteps(steps, inputSize: inputSize) }
        guard (1...100_000).contains(edits) else {
            throw ValidationError("--edits must be between 1 and 100000, got \(edits)")
        }
        guard (1...1000).contains(runs), (1...1000).contains(slowRuns) else {
            throw ValidationError("--runs and --slow-runs must be between 1 and 1000, got \(runs), \(slowRuns)")
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
        if inputs == nil { try Self.checkSteps(steps, inputSize: cellWeights.inputSize) }
        if sequenceMode || historyMode {
            try Self.checkSteps(steps, inputSize: cellWeights.inputSize, stored: cellWeights.hiddenSize)
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
        if historyMode {
            let result = try SessionHistoryBenchmark.measure(weights: cellWeights, inputs: sequence, edits: edits, seed: seed)
            print(format == "json" ? result.json : result.text)
            return
        }
        if sequenceMode {
            if matrix && sequence.count / cellWeights.inputSize > GRUSequence.maximumInfluenceSteps {
                throw ValidationError("--matrix needs T at most \(GRUSequence.maximumInfluenceSteps), got T=\(sequence.count / cellWeights.inputSize)")
            }
            let result = try GRUSequenceBenchmark.measure(
                weights: cellWeights, inputs: sequence, runs: runs, slowRuns: slowRuns, influence: !noInfluence,
                matrix: matrix, path: path)
            print(format == "json" ? result.json : result.text)
            return
        }
        let result = GRUBenchmark.measure(weights: cellWeights, inputs: sequence, runs: runs, path: path)
        print(format == "json" ? result.json : result.text)
    }

    /// T×I within ``largestInput`` (divided rather than multiplied, so that a huge --steps cannot
    /// overflow); with `stored` (H), T×(I+H) within what a ``GRUSequence`` holds too.
    static func checkSteps(_ steps: Int, inputSize: Int, stored hidden: Int? = nil) throws {
        guard steps >= 1, steps <= Self.largestInput / inputSize else {
            throw ValidationError(
                "--steps must be at least 1 and T×I at most \(Self.largestInput), got T=\(steps), I=\(inputSize)")
        }
        if let hidden {
            let limit = min(GRUSequence.maximumSteps, GRUSequence.maximumStoredValues / (inputSize + hidden))
            guard steps <= limit else {
                throw ValidationError("--sequence holds at most \(limit) steps at I=\(inputSize), H=\(hidden), got T=\(steps)")
            }
        }
    }
}
