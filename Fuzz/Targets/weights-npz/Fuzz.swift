import FuzzSupport
import WeightFiles

/// A weight file read as .npz (numpy.savez / savez_compressed): zip directory, deflate, .npy
/// headers, shapes, names, the GRU locator and the assembler, as `--weights FILE.npz` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? WeightFile.load(bytes: bytes, name: "fuzz.npz")
    return 0
}
