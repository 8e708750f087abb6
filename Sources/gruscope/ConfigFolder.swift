import Foundation

/// The user's gruscope configuration folder, as the XDG base directory specification places it:
/// `$XDG_CONFIG_HOME/gruscope` when that variable holds an absolute path, otherwise
/// `~/.config/gruscope`. Themes go in its `themes/` folder and lessons in its `lessons/` folder.
enum ConfigFolder {
    /// `subfolder` inside the configuration folder, or nil when neither variable says where it is.
    static func path(_ subfolder: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/gruscope/" + subfolder
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/gruscope/" + subfolder
    }
}
