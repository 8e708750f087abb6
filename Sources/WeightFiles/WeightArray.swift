/// One named array of a weight file, decoded to float32 in row-major (C) order.
struct WeightArray: Equatable {
    /// The name exactly as the file spells it (for messages), e.g. `rnn/gru_cell/gates/kernel:0`.
    let name: String
    /// The dimensions, outermost first; empty for a single number.
    let shape: [Int]
    /// The values, row-major, all finite.
    let values: [Float]
    /// Where the array starts in a text file.
    let line: Int?

    /// The shape as a user reads it: `24×8`, `24`, or `()` for a single number.
    var shapeText: String { Self.shapeText(shape) }

    /// A shape as a user reads it.
    static func shapeText(_ shape: [Int]) -> String {
        shape.isEmpty ? "()" : shape.map(String.init).joined(separator: "×")
    }

    /// The position of flat row-major index `flat` in an array of `shape`, as `[3][4]`.
    static func indexText(_ flat: Int, shape: [Int]) -> String {
        guard !shape.isEmpty else { return "[0]" }
        var rest = flat
        var parts = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            let size = max(shape[axis], 1)
            parts[axis] = rest % size
            rest /= size
        }
        return parts.map { "[\($0)]" }.joined()
    }

    /// The number of values a shape holds, or nil when the product overflows.
    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        return count
    }
}
