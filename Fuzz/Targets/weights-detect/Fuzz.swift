import FuzzSupport
import WeightFiles

/// Format detection on any bytes, seeded with one file of every kind gruscope tells apart (zip
/// member names, HDF5 signatures at 512·2ⁿ, ONNX's protobuf fields, UTF-16, pickles, TF
/// checkpoints): the detected format must be stable, and whatever it is, reading ends in a
/// message or a cell (`WeightFile.exercise`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let format = WeightFormat.detect(bytes, name: "fuzz.data-00000-of-00001")
    fuzzCheck(WeightFormat.detect(bytes, name: "fuzz.data-00000-of-00001") == format, "detection is not stable")
    _ = WeightFile.exercise(bytes, name: "fuzz.index")
    return 0
}
