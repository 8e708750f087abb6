/// The built-in catalogues, read once from the text embedded in the binary.
public enum Catalogues {
    /// English, the fallback for any key another language lacks.
    public static let english = embedded("en.toml")
    /// Simplified Chinese.
    public static let chinese = embedded("zh.toml")

    /// The catalogue of a language.
    public static func catalogue(_ language: Language) -> Catalogue {
        switch language {
        case .en: return english
        case .zh: return chinese
        }
    }

    /// An embedded catalogue. The tests prove every embedded file parses; should one not, the
    /// program still runs and shows keys instead of sentences rather than stopping.
    private static func embedded(_ name: String) -> Catalogue {
        guard let text = EmbeddedCatalogues.files[name],
              let catalogue = try? Catalogue(toml: text, file: "catalogues/" + name)
        else { return Catalogue(texts: [:]) }
        return catalogue
    }
}

extension Language {
    /// The text of a key in this language with placeholders filled: English when this
    /// language lacks the key, the key itself when both do (a test keeps that from shipping).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        Catalogues.catalogue(self).text(key, arguments)
            ?? Catalogues.english.text(key, arguments)
            ?? key
    }
}
