import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with Keras HDF5 files (.weights.h5, tf_keras .h5) and .keras
/// archives: gruscope's own HDF5 reader (superblock, object headers, groups, shapes, types,
/// string attributes, dataset reads), the config, every cell catalogued and loaded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.weights.h5")
    return 0
}
