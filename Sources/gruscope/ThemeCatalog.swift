import Foundation
import Themes

/// Where the executable looks for theme files, in order: `$GRUSCOPE_THEMES`, the user's
/// `~/.config/gruscope/themes`, then `themes/` beside the executable and up the folders above
/// it (which finds the repository's folder under `swift run`); built-ins need none of them.
enum ThemeCatalog {
    static func library(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLibrary {
        var directories: [String] = []
        if let custom = environment["GRUSCOPE_THEMES"], !custom.isEmpty { directories.append(custom) }
        if let home = environment["HOME"] { directories.append(home + "/.config/gruscope/themes") }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("themes").path
            if FileManager.default.fileExists(atPath: candidate) {
                directories.append(candidate)
                break
            }
            folder.deleteLastPathComponent()
        }
        return ThemeLibrary(directories: directories)
    }
}
