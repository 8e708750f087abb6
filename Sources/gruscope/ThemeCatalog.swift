import Foundation
import Themes

/// Where the executable looks for theme files, in order: `$GRUSCOPE_THEMES`, the `themes/` folder
/// of the user's configuration folder (``ConfigFolder``), then `themes/` beside the executable and
/// up the folders above it (which finds the repository's folder under `swift run`). Every theme
/// of the repository is also built in, so none of them is needed.
enum ThemeCatalog {
    static func library(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLibrary {
        var directories: [String] = []
        if let custom = environment["GRUSCOPE_THEMES"], !custom.isEmpty { directories.append(custom) }
        if let user = ConfigFolder.path("themes", environment: environment) { directories.append(user) }
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
