import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with safetensors files: the header length, the JSON header (exact
/// integers), dtypes, shapes and data offsets, every cell catalogued and loaded
/// (`WeightFile.exercise`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.safetensors")
    return 0
}
