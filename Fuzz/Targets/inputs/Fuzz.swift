import FuzzSupport
import Script

/// An `--inputs` text file: one step per line, numbers separated by commas or spaces, comments.
/// The first byte chooses I (1…16); the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let inputSize = 1 + input.number(below: 16)
    let text = String(decoding: input.remaining, as: UTF8.self)
    if let rows = try? InputsFile.parse(text, name: "fuzz.txt", inputSize: inputSize) {
        fuzzCheck(rows.allSatisfy { $0.count == inputSize }, "a row of the wrong length was accepted")
    }
    return 0
}
