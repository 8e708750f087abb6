/// What one benchmark measured.
public struct GRUBenchmarkResult: Sendable, Equatable {
    /// I.
    public let inputSize: Int
    /// H.
    public let hiddenSize: Int
    /// T, the length of the sequence.
    public let steps: Int
    /// The median over the runs of the time for the whole sequence, divided by T.
    public let nsPerStep: Double
    /// The sum of the final state, so that runs elsewhere can be checked to compute the same.
    public let hChecksum: Double
    /// How many timed runs the median is over.
    public let runs: Int
    /// The kernel path the cell stepped with.
    public let kernelPath: GRUKernelPath

    /// Creates a result; normally made by ``GRUBenchmark/measure(weights:inputs:runs:path:)``.
    public init(
        inputSize: Int, hiddenSize: Int, steps: Int, nsPerStep: Double, hChecksum: Double,
        runs: Int, kernelPath: GRUKernelPath
    ) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.steps = steps
        self.nsPerStep = nsPerStep
        self.hChecksum = hChecksum
        self.runs = runs
        self.kernelPath = kernelPath
    }

    /// `{"input_size": I, "hidden_size": H, "steps": T, "ns_per_step": median, "h_checksum": sum}`
    /// on one line (the numbers are always finite).
    public var json: String {
        "{\"input_size\": \(inputSize), \"hidden_size\": \(hiddenSize), \"steps\": \(steps), "
            + "\"ns_per_step\": \(nsPerStep), \"h_checksum\": \(hChecksum)}"
    }

    /// A line for people.
    public var text: String {
        let time = nsPerStep >= 10_000
            ? "\(rounded(nsPerStep / 1000, places: 2)) µs/step"
            : "\(rounded(nsPerStep, places: 1)) ns/step"
        return "I=\(inputSize) H=\(hiddenSize) T=\(steps): \(time) (median of \(runs) runs, "
            + "\(kernelPath.rawValue) kernels), sum of final h \(hChecksum)"
    }

    private func rounded(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return "\((value * scale).rounded() / scale)"
    }
}
