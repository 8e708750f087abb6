import FuzzSupport
import Script

/// An `--inputs` file of any format gruscope reads: text lines, CSV (header, quotes), `.npy` or an
/// `.npz` archive, told by its content as a real file is. The first byte chooses I (1…16); the
/// rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let inputSize = 1 + input.number(below: 16)
    let bytes = Array(input.remaining)
    if let table = try? InputsFile.parse(bytes: bytes, name: "fuzz", inputSize: inputSize) {
        fuzzCheck(table.width == inputSize, "a table of the wrong width was accepted")
        fuzzCheck(table.steps > 0 && table.values.count == table.steps * inputSize, "rows and values disagree")
        fuzzCheck(table.steps <= InputsFile.maximumSteps, "more steps than the limit were accepted")
        fuzzCheck(table.values.allSatisfy { $0.isFinite && abs($0) <= NumberList.largestMagnitude }, "a value out of range was accepted")
    }
    return 0
}
