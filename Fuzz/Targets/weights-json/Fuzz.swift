import FuzzSupport
import WeightFiles

/// A weight file read as JSON: the reader, nested arrays, variants, `reset_after`, the GRU
/// locator and the assembler, as `--weights FILE.json` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? WeightFile.load(bytes: bytes, name: "fuzz.json")
    return 0
}
