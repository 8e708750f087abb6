import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with JSON weight files: the format told by content, the reader,
/// nested arrays, variants, `reset_after`, every cell catalogued and loaded
/// (`WeightFile.exercise`), as `--weights FILE` reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.json")
    return 0
}
