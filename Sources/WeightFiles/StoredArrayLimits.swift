/// Limits on arrays as a model file declares them, before their values are read.
enum StoredArrayLimits {
    /// Dimensions an ONNX tensor or an HDF5 dataset may have (a GRU's weights have 1 to 3).
    static let maximumRank = 8
}
