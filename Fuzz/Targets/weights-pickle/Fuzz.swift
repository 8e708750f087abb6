import FuzzSupport
import WeightFiles

/// The restricted unpickler alone, on a state_dict's data.pkl: every opcode, the memo, marks,
/// globals, persistent ids and nesting, without a zip around it (`WeightFile.exercisePickle`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WeightFile.exercisePickle(bytes)
    return 0
}
