import FuzzSupport
import WeightFiles

/// Weight-file bytes seeded with ONNX models (torch.onnx.export, onnx.helper graphs): the
/// protobuf's decoded size bounded from the wire format, swift-protobuf's decoding, GRU nodes,
/// their attributes and tensors (raw and typed data, float16/bfloat16/double), every cell
/// catalogued and loaded (`WeightFile.exercise`), as `--weights FILE` reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercise(bytes, name: "fuzz.onnx")
    return 0
}
