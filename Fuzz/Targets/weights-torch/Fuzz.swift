import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with torch.save files (zip archives and legacy pickles): the zip
/// directory, data.pkl through the restricted unpickler, storages, offsets and strides, half,
/// bfloat16 and float64 conversion, every cell catalogued and loaded (`WeightFile.exercise`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.pth")
    return 0
}
