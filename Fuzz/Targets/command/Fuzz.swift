import App
import FuzzSupport
import Script

/// One line of the command language, as the repl and the `:` line parse it (with the teaching
/// and screen commands the `:` line accepts), for a cell of 6 units.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? ScreenLine.parser.parse(fuzzText(data, size), context: ParseContext(hiddenSize: 6))
    return 0
}
