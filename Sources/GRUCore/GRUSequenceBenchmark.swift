import Foundation

/// The timing behind `gruscope bench --sequence`: what a sequence on the screen costs, each
/// against the plain run of the same inputs in the same process (``GRUCell/finalState(flatInputs:h0:pins:)``,
/// the fastest way through them) as the baseline.
public enum GRUSequenceBenchmark {
    /// One measured operation.
    public struct Row: Sendable, Equatable {
        /// Its name in reports: `run (baseline)`, `sequence`, `trace at one step`, …
        public var name: String
        /// Median nanoseconds over the runs.
        public var nanoseconds: Double
        /// Median CPU nanoseconds of the process over the runs (every thread's): on a busy
        /// machine the work done, where the wall clock also counts the waiting.
        public var cpuNanoseconds: Double
        /// Timed runs.
        public var runs: Int
    }

    /// What was measured, and on what.
    public struct Result: Sendable, Equatable {
        public var inputSize: Int
        public var hiddenSize: Int
        public var steps: Int
        public var kernelPath: GRUKernelPath
        /// The baseline first.
        public var rows: [Row]

        /// A table for people: median and ratio to the baseline.
        public var text: String {
            let baseline = rows.first?.nanoseconds ?? 1
            var lines = ["I=\(inputSize) H=\(hiddenSize) T=\(steps), \(kernelPath.rawValue) kernels, medians:"]
            for row in rows {
                let width = rows.map(\.name.count).max() ?? 0
                let name = row.name + String(repeating: " ", count: width - row.name.count)
                lines.append(
                    "  \(name)  \(Self.duration(row.nanoseconds))  ×\(Self.ratio(row.nanoseconds / baseline)) of the run"
                        + "  (CPU \(Self.duration(row.cpuNanoseconds)), \(row.runs) runs)")
            }
            return lines.joined(separator: "\n")
        }

        /// One line of JSON: sizes and `{"name": …, "ms": …, "ratio": …, "runs": …}` per row.
        public var json: String {
            let baseline = rows.first?.nanoseconds ?? 1
            let entries = rows.map {
                "{\"name\": \"\($0.name)\", \"ms\": \($0.nanoseconds / 1e6), \"cpu_ms\": \($0.cpuNanoseconds / 1e6), "
                    + "\"ratio\": \($0.nanoseconds / baseline), \"runs\": \($0.runs)}"
            }
            return "{\"input_size\": \(inputSize), \"hidden_size\": \(hiddenSize), \"steps\": \(steps), "
                + "\"kernel\": \"\(kernelPath.rawValue)\", \"rows\": [\(entries.joined(separator: ", "))]}"
        }

        static func duration(_ ns: Double) -> String {
            ns >= 1e9 ? String(format: "%8.3f s ", ns / 1e9) : ns >= 1e6 ? String(format: "%8.2f ms", ns / 1e6) : String(format: "%8.1f µs", ns / 1e3)
        }

        static func ratio(_ value: Double) -> String { String(format: value >= 10 ? "%.0f" : "%.2f", value) }
    }

    /// Times, on one sequence from h = 0: the plain run (baseline); computing the whole
    /// ``GRUSequence``; one step's trace recomputed (the cursor landing on it); a unit's
    /// retention and (with `influence`) its influence alone and the influence of every input on
    /// the last state; and, with `matrix`, the whole influence matrix. Each is run once untimed, then `runs` times
    /// (`slowRuns` for the influence of every input and the matrix).
    public static func measure(
        weights: GRUWeights, inputs: [Float], runs: Int, slowRuns: Int, influence: Bool = true, matrix: Bool,
        path: GRUKernelPath = .best
    ) throws -> Result {
        let steps = inputs.count / weights.inputSize, h0 = [Float](repeating: 0, count: weights.hiddenSize)
        var cell = GRUCell(weights: weights)
        cell.kernelPath = path
        var sequence = try GRUSequence(weights: weights, h0: h0, inputs: inputs)
        sequence.kernelPath = path
        try sequence.compute()
        let last = steps - 1, unit = weights.hiddenSize / 2
        var rows: [Row] = []
        func time(_ name: String, _ count: Int, _ body: () throws -> Void) rethrows {
            try body()
            var samples: [Double] = [], cpu: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<count {
                let start = clock.now, cpuStart = processCPUNanoseconds()
                try body()
                cpu.append(processCPUNanoseconds() - cpuStart)
                let elapsed = (clock.now - start).components
                samples.append(Double(elapsed.seconds) * 1e9 + Double(elapsed.attoseconds) / 1e9)
            }
            rows.append(Row(
                name: name, nanoseconds: GRUBenchmark.median(samples), cpuNanoseconds: GRUBenchmark.median(cpu), runs: count))
        }
        var sink: Float = 0
        time("run (baseline)", runs) { sink += cell.finalState(flatInputs: inputs, h0: h0)[0] }
        try time("sequence: every h kept", runs) {
            var fresh = try GRUSequence(weights: weights, h0: h0, inputs: inputs)
            fresh.kernelPath = path
            try fresh.compute()
            sink += fresh.lastState[0]
        }
        time("trace of one step", runs) { sink += sequence.trace(at: steps / 2).h[0] }
        time("retention of one unit", runs) { sink += sequence.retention(at: last, unit: unit)[0] }
        if influence {
            try time("influence on one unit", runs) { sink += try sequence.unitInfluence(at: last, unit: unit)[0] }
            try time("influence on h_T−1", slowRuns) { sink += try sequence.influence(at: last).total[0] }
        }
        if matrix {
            try time("influence matrix T×T", slowRuns) { sink += try sequence.influenceMatrix()[last, 0] }
        }
        withExtendedLifetime(sink) {}
        return Result(inputSize: weights.inputSize, hiddenSize: weights.hiddenSize, steps: steps, kernelPath: path, rows: rows)
    }

    /// CPU time of the whole process so far (every thread), in nanoseconds.
    static func processCPUNanoseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e9 + Double(now.tv_nsec)
    }
}
