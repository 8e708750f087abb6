import GRUCore

/// The stable JSON of `gruscope trace --format json`, written by hand so that key order and
/// number spelling never change under other tools that read it:
///
///     {"variant": "tf-grucell", "reset_after": false, "input_size": 4, "hidden_size": 6,
///      "pinned": ["z"], "steps": [
///       {"x": [...], "h_prev": [...], ..., "h": [...]},
///       ...
///     ], "influence": [
///       [...],
///       ...
///     ]}
///
/// Numbers are Float32 in their shortest exact spelling (``ExactFloatText``). `"influence"` is
/// there only when asked for: row t, column s holds ‖∂h_t/∂x_s‖_F, 0 above the diagonal.
public enum TraceJSON {
    /// The whole document for a run of steps (and, if given, their influence matrix).
    public static func document(
        weights: GRUWeights, pinned: [Gate], steps: [GRUTrace], influence: GRUInfluenceMatrix? = nil
    ) -> String {
        var bytes: [UInt8] = []
        let writer = Writer(weights: weights, pinned: pinned) { bytes.append(contentsOf: $0) }
        for (index, trace) in steps.enumerated() { writer.append(trace, index: index) }
        writer.finish(influence: influence)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes a document step by step into a buffer, handing each full buffer (and the rest at
    /// the end) to `output`: a long trace is never held whole, and no String is made per number.
    public final class Writer {
        private let output: (UnsafeRawBufferPointer) -> Void
        private let capacity = 1 << 16
        private let buffer: UnsafeMutablePointer<UInt8>
        private var used = 0

        /// Starts a document: everything before the first step.
        public init(weights: GRUWeights, pinned: [Gate], output: @escaping (UnsafeRawBufferPointer) -> Void) {
            self.output = output
            buffer = .allocate(capacity: capacity)
            let names = pinned.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            text("{\"variant\": \"\(weights.variant.rawValue)\", \"reset_after\": \(weights.resetAfter), "
                + "\"input_size\": \(weights.inputSize), \"hidden_size\": \(weights.hiddenSize), "
                + "\"pinned\": [\(names)], \"steps\": [")
        }

        deinit { buffer.deallocate() }

        /// Step `index` (from 0): an object with every field of ``TraceField``, in order.
        public func append(_ trace: GRUTrace, index: Int) {
            text(index == 0 ? "\n  {" : ",\n  {")
            for (position, field) in TraceField.allCases.enumerated() {
                if position > 0 { text(", ") }
                text("\"\(field.rawValue)\": ")
                array(trace[field])
            }
            byte(UInt8(ascii: "}"))
        }

        /// Closes the steps, adds the influence matrix if given, ends the document and hands
        /// over what is left.
        public func finish(influence: GRUInfluenceMatrix? = nil) {
            text("\n]")
            if let influence {
                text(", \"influence\": [")
                for t in 0..<influence.steps {
                    text(t == 0 ? "\n  " : ",\n  ")
                    array(influence.row(t))
                }
                text("\n]")
            }
            text("}\n")
            flush()
        }

        /// Hands over the bytes written so far.
        public func flush() {
            guard used > 0 else { return }
            output(UnsafeRawBufferPointer(start: buffer, count: used))
            used = 0
        }

        /// A JSON array of floats: `[1.0, -0.5]`.
        private func array<C: Collection>(_ values: C) where C.Element == Float {
            byte(UInt8(ascii: "["))
            var first = true
            for value in values {
                if used + ExactFloatText.maximumLength + 2 > capacity { flush() }
                if !first {
                    buffer[used] = UInt8(ascii: ",")
                    buffer[used + 1] = UInt8(ascii: " ")
                    used += 2
                }
                first = false
                used += ExactFloatText.write(value, to: buffer + used)
            }
            byte(UInt8(ascii: "]"))
        }

        private func byte(_ value: UInt8) {
            if used == capacity { flush() }
            buffer[used] = value
            used += 1
        }

        private func text(_ string: String) {
            for value in string.utf8 { byte(value) }
        }
    }
}
