import Foundation

/// The languages gruscope teaches in.
public enum Language: String, CaseIterable, Sendable {
    /// English.
    case en
    /// Simplified Chinese (简体中文).
    case zh

    /// The language's own name, as a menu shows it.
    public var nativeName: String {
        switch self {
        case .en: return "English"
        case .zh: return "简体中文"
        }
    }

    /// A language from what a user typed: `en`, `zh`, or a locale such as `zh_CN.UTF-8`.
    public init?(code: String) {
        let lower = code.trimmingCharacters(in: .whitespaces).lowercased()
        if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-") {
            self = .en
        } else if lower == "zh" || lower.hasPrefix("zh_") || lower.hasPrefix("zh-") || lower.hasPrefix("zh.") {
            self = .zh
        } else {
            return nil
        }
    }

    /// The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that
    /// is set and not empty decides (the order the C library itself uses for messages);
    /// a value starting with `zh` means Chinese, anything else English.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}
