import FuzzSupport
import Localization
import Teaching

/// A lesson file: TOML, steps, their commands (checked by the command parser), units, columns
/// and the narration in each language, with errors in English and Chinese.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = fuzzText(data, size)
    do {
        _ = try Lesson.parse(text, file: "fuzz.toml")
    } catch {
        for language in Language.allCases { _ = error.message(in: language) }
    }
    return 0
}
