import CGRUKernel

/// The largest cell gruscope builds, checked before anything of that size is allocated.
///
/// A weight file declares its sizes in a few bytes, and the packed layout pads every block of
/// rows to the kernels' panel height, so a file that asks for I = 89 million with H = 1 would
/// cost 11 GiB once packed: readers ask ``problem(inputSize:hiddenSize:resetAfter:)`` before
/// they decode a single weight. The README's limits table quotes these numbers.
public enum GRUSizeLimits {
    /// I, the length of x.
    public static let maximumInputSize = 65_536
    /// H, the number of hidden units.
    public static let maximumHiddenSize = 16_384
    /// The packed weights of one cell, in bytes.
    public static let maximumPackedBytes = 1 << 30

    /// The bytes the packed layout of a cell takes, padding included; sizes up to the maxima.
    public static func packedBytes(inputSize: Int, hiddenSize: Int, resetAfter: Bool) -> Int {
        precondition(inputSize <= maximumInputSize && hiddenSize <= maximumHiddenSize && inputSize >= 0 && hiddenSize >= 0)
        return cgru_weights_count(Int32(inputSize), Int32(hiddenSize), resetAfter ? 1 : 0) * MemoryLayout<Float>.size
    }

    /// Why a cell of these sizes is refused, or nil when it is within every limit.
    public static func problem(inputSize: Int, hiddenSize: Int, resetAfter: Bool) -> String? {
        if inputSize > maximumInputSize {
            return "I=\(inputSize) inputs is more than the \(maximumInputSize) gruscope allows"
        }
        if hiddenSize > maximumHiddenSize {
            return "H=\(hiddenSize) units is more than the \(maximumHiddenSize) gruscope allows"
        }
        guard inputSize >= 1, hiddenSize >= 1 else {
            return "I=\(inputSize), H=\(hiddenSize): a cell needs at least one input and one unit"
        }
        let bytes = packedBytes(inputSize: inputSize, hiddenSize: hiddenSize, resetAfter: resetAfter)
        if bytes > maximumPackedBytes {
            return "I=\(inputSize), H=\(hiddenSize) would take \(bytes >> 20) MiB of weights, more than the "
                + "\(maximumPackedBytes >> 20) MiB gruscope allows"
        }
        return nil
    }
}
