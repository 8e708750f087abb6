import FuzzSupport
import Script

/// A session file (`save FILE`, `open FILE`, `--resume`): any bytes, read as the file is. An
/// accepted file writes back to the same text, and one naming only built-in weights (a scene, or
/// random weights small enough to draw at once) opens into a session whose sizes and cursor it
/// says; a file naming other files is not opened here (that would read the disk).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let text = String(validating: input.remaining, as: UTF8.self),
          let file = try? SessionFile.parse(text, file: "fuzz.toml")
    else { return 0 }
    let written = file.text
    let again = try? SessionFile.parse(written, file: "again.toml")
    fuzzCheck(again?.text == written, "a session file does not read back as it was written")
    switch (file.weights, file.inputs) {
    case (.file, _), (_, .file): return 0
    case let (.random(_, _, i, h), _) where i * h > 4096: return 0
    default: break
    }
    if let opened = try? OpenedSession.open(file, file: "fuzz.toml", environment: [:]) {
        fuzzCheck(opened.session.inputSize == file.inputSize && opened.session.hiddenSize == file.hiddenSize, "sizes differ from the file's")
        fuzzCheck(opened.session.t == file.cursor && opened.session.t < opened.session.count, "the cursor is not the file's")
        fuzzCheck(opened.session.history.undoable.isEmpty, "an opened session has history")
    }
    return 0
}
