import App
import FuzzSupport
import Script
import Teaching

/// One line of the command language, as the repl and the `:` line parse it (with the teaching
/// and screen commands the `:` line accepts).
let parser = CommandParser(extensions: TeachingCommands(language: .en).commands + screenCommands)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? parser.parse(fuzzText(data, size))
    return 0
}
