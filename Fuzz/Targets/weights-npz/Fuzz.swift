import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with .npz archives (numpy.savez / savez_compressed): the format told
/// by content, zip directory, deflate, .npy headers, shapes, names, every cell catalogued and
/// loaded (`WeightFile.exercise`), as `--weights FILE` reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.npz")
    return 0
}
