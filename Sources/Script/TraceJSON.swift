import GRUCore

/// The stable JSON of `gruscope trace --format json`, written by hand so that key order and
/// number spelling never change under other tools that read it.
public enum TraceJSON {
    /// The whole document for a run of steps.
    public static func document(weights: GRUWeights, pinned: [Gate], steps: [GRUTrace]) -> String {
        header(weights: weights, pinned: pinned)
            + steps.enumerated().map { stepEntry($1, index: $0) }.joined() + footer
    }

    /// Everything before the first step, for writing a long run step by step.
    public static func header(weights: GRUWeights, pinned: [Gate]) -> String {
        let names = pinned.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return "{\"variant\": \"\(weights.variant.rawValue)\", \"reset_after\": \(weights.resetAfter), "
            + "\"input_size\": \(weights.inputSize), \"hidden_size\": \(weights.hiddenSize), "
            + "\"pinned\": [\(names)], \"steps\": ["
    }

    /// One step as it follows the header, with the comma that separates it from the one before.
    public static func stepEntry(_ trace: GRUTrace, index: Int) -> String {
        (index == 0 ? "\n  " : ",\n  ") + step(trace)
    }

    /// What closes the document.
    public static let footer = "\n]}\n"

    /// One step as an object with every field of ``TraceField``, in order.
    public static func step(_ trace: GRUTrace) -> String {
        "{" + TraceField.allCases.map { "\"\($0.rawValue)\": \(array(trace[$0]))" }.joined(separator: ", ") + "}"
    }

    /// A JSON array of floats in their shortest exact spelling.
    public static func array(_ values: [Float]) -> String {
        "[" + values.map { number($0) }.joined(separator: ", ") + "]"
    }

    /// A float's shortest spelling that reads back to the same Float32.
    public static func number(_ value: Float) -> String {
        // Swift prints the shortest round-trip digits; JSON only needs `-0.0` kept as `-0.0`.
        value.description
    }
}
