/// Dot products of contiguous Float rows, in Swift, for code outside the cell: the cell itself
/// steps with the C kernels of CGRUKernel (see ``GRUKernelPath``).
///
/// Swift does not vectorise a plain Float loop (it may not reorder the additions), so the sum
/// is split over four SIMD8 accumulators by hand. `SIMD.addProduct` is avoided on purpose: on
/// the baseline x86-64 target it becomes a call to a scalar fma routine; a multiply then an add
/// stays in vector registers.
public enum DotProduct {
    /// Σ a[k]·b[k] for k in 0..<count.
    @inlinable
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        var k = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let stride = MemoryLayout<Float>.stride
        while k + 32 <= count {
            let o = k * stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            s1 += ra.loadUnaligned(fromByteOffset: o + 32, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o + 32, as: SIMD8<Float>.self)
            s2 += ra.loadUnaligned(fromByteOffset: o + 64, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o + 64, as: SIMD8<Float>.self)
            s3 += ra.loadUnaligned(fromByteOffset: o + 96, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o + 96, as: SIMD8<Float>.self)
            k += 32
        }
        while k + 8 <= count {
            let o = k * stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            k += 8
        }
        var sum = ((s0 + s1) + (s2 + s3)).sum()
        while k < count {
            sum += a[k] * b[k]
            k += 1
        }
        return sum
    }

    /// out[r] = bias[r] + matrix[r, ...]·vector for each of `rows` rows of a row-major matrix
    /// with `columns` columns.
    @inlinable
    public static func matrixVector(
        _ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
        _ vector: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            out[row] = bias[row] + dot(matrix + row * columns, vector, count: columns)
        }
    }
}
