import FuzzSupport
import Themes

/// A theme file: TOML, roles, palette, colours and attributes, the error's line, then the theme
/// fitted to every colour depth a terminal can have.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        let theme = try Theme.parse(fuzzText(data, size), file: "fuzz.toml")
        for depth in ColorDepth.allCases { _ = ResolvedTheme(theme: theme, depth: depth) }
    } catch {
        _ = error.description
    }
    return 0
}
