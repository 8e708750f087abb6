import Foundation

/// The squashing functions of the cell, written to stay finite and exact at the extremes.
///
/// These are the reference. The cell's kernels (CGRUKernel) compute the same functions eight or
/// sixteen at a time with their own exp, within a few units in the last place of these, and
/// saturate the same way (exactly 0, 1 and ±1 for huge inputs).
public enum Activation {
    /// The logistic sigmoid, stable for every input: it never evaluates e^x for a large
    /// positive x, so ±1e30 gives exactly 1 and 0 instead of NaN.
    @inlinable
    public static func sigmoid(_ x: Float) -> Float {
        if x >= 0 {
            return 1 / (1 + expf(-x))
        }
        let e = expf(x)
        return e / (1 + e)
    }

    /// The hyperbolic tangent from the C library, which saturates cleanly to ±1.
    @inlinable
    public static func tanh(_ x: Float) -> Float {
        tanhf(x)
    }
}
