import Foundation

/// The timing loop behind `gruscope bench`: a whole input sequence through a cell, several
/// times, reporting the median time per step.
///
/// It lives here rather than in the command so that it can be tested, and so that the timed
/// work is exactly ``GRUCell/finalState(flatInputs:h0:pins:)``: the input projections of the
/// sequence and every recurrent step, from h = 0.
public enum GRUBenchmark {
    /// Runs measured when the caller does not say.
    public static let defaultRuns = 11

    /// `steps` inputs of `inputSize` values, uniform on [-1, 1), row-major, from the seeded
    /// generator (seeded with `seed + 1`, so they do not repeat the weights' first draws).
    public static func randomInputs(inputSize: Int, steps: Int, seed: UInt64) -> [Float] {
        var random = SeededGenerator(seed: seed &+ 1)
        return (0..<inputSize * steps).map { _ in random.uniform(-1, 1) }
    }

    /// Times `runs` passes (after one untimed pass that warms the caches) of the whole sequence
    /// `inputs` (row-major, I values per step) through a cell on `path`.
    public static func measure(
        weights: GRUWeights, inputs: [Float], runs: Int = defaultRuns, path: GRUKernelPath = .best
    ) -> GRUBenchmarkResult {
        precondition(runs > 0, "at least one run")
        precondition(!inputs.isEmpty && inputs.count % weights.inputSize == 0, "whole steps of input")
        let steps = inputs.count / weights.inputSize
        var cell = GRUCell(weights: weights)
        cell.kernelPath = path
        let h0 = [Float](repeating: 0, count: weights.hiddenSize)
        var final = cell.finalState(flatInputs: inputs, h0: h0)
        let clock = ContinuousClock()
        var nanoseconds: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            final = cell.finalState(flatInputs: inputs, h0: h0)
            nanoseconds.append(Self.nanoseconds(clock.now - start))
        }
        return GRUBenchmarkResult(
            inputSize: weights.inputSize, hiddenSize: weights.hiddenSize, steps: steps,
            nsPerStep: median(nanoseconds) / Double(steps),
            hChecksum: final.reduce(0) { $0 + Double($1) }, runs: runs, kernelPath: cell.kernelPath)
    }

    /// The middle value (the mean of the two middle ones for an even count); 0 for none.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// An input sequence from a raw file of little-endian float32 values, I per step.
    public static func rawInputs(path: String, inputSize: Int) throws(GRUBenchmarkError) -> [Float] {
        let values = try readRawFloats(path: path)
        guard !values.isEmpty, values.count % inputSize == 0 else {
            throw .wrongCount(
                path: path, expected: inputSize, what: "a multiple of I=\(inputSize) values, one row per step",
                actual: values.count)
        }
        return values
    }

    /// Every float32 of a raw little-endian file, refusing NaN and infinities.
    public static func readRawFloats(path: String) throws(GRUBenchmarkError) -> [Float] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard data.count % 4 == 0 else {
            throw .notFloat32(path: path, bytes: data.count)
        }
        var values = [Float](repeating: 0, count: data.count / 4)
        data.withUnsafeBytes { bytes in
            for index in values.indices {
                let bits = bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                values[index] = Float(bitPattern: UInt32(littleEndian: bits))
            }
        }
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(path: path, index: index, value: values[index])
        }
        return values
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
    }
}
