import CGRUKernel

/// A cell's weights in the kernels' panel layout (see CGRUKernel.h), on a cache-line boundary:
/// vector loads that straddle two lines measurably slow the kernels, and an array's storage is
/// only 16-byte aligned.
///
/// Written once in `init` and only read afterwards, so sharing it between copies of a cell, and
/// between threads, is safe; that is what the `@unchecked Sendable` asserts.
final class PackedWeights: @unchecked Sendable {
    /// The first packed float.
    let base: UnsafeMutablePointer<Float>
    private let raw: UnsafeMutableRawPointer

    init(_ weights: GRUWeights) {
        let i = Int32(weights.inputSize), h = Int32(weights.hiddenSize)
        let resetAfter: Int32 = weights.resetAfter ? 1 : 0
        let count = cgru_weights_count(i, h, resetAfter)
        raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: count)
        cgru_weights_pack(
            i, h, resetAfter, weights.inputWeights, weights.recurrentWeights,
            weights.inputBias, weights.recurrentBias, base)
    }

    deinit {
        raw.deallocate()
    }
}
