import Foundation

/// Finds themes by name or path.
///
/// - A PATH (anything containing `/` or ending in `.toml`) is read as that file.
/// - A NAME is looked up as `NAME.toml` in each of ``directories`` in order (the caller passes
///   e.g. `$GRUSCOPE_THEMES`, the user's config folder and the `themes` folder beside the
///   executable), then among the compiled-in themes (``builtInNames``, every file of `themes/`).
///
/// A broken or missing theme is an error value, never a crash; ``loadOrDefault(_:)`` gives the
/// compiled-in default together with the error for the status line.
public struct ThemeLibrary: Sendable {
    /// Folders searched for `NAME.toml`, first match wins.
    public var directories: [String]

    /// A library searching `directories`.
    public init(directories: [String]) {
        self.directories = directories
    }

    /// The names of the compiled-in themes, sorted: every `themes/NAME.toml` of the repository
    /// when the binary was built (the one list of themes; help texts and errors read it).
    public static let builtInNames: [String] = EmbeddedThemes.files.keys.map { stem(of: $0) }.sorted()

    /// The TOML text compiled in for a built-in theme (the same bytes as `themes/NAME.toml`).
    public static func builtInText(_ name: String) -> String? {
        EmbeddedThemes.files[name + ".toml"]
    }

    /// Whether the argument is a path rather than a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    }

    /// The theme for `--theme NAME` or `--theme PATH`.
    public func load(_ nameOrPath: String) -> Result<LoadedTheme, ThemeError> {
        if Self.isPath(nameOrPath) { return Self.loadFile(nameOrPath) }
        let name = nameOrPath
        guard !name.isEmpty else {
            return .failure(ThemeError(file: "theme", message: "empty theme name (use one of " + Self.builtInNames.joined(separator: ", ") + ")"))
        }
        for directory in directories {
            let path = Self.join(directory, name + ".toml")
            if FileManager.default.fileExists(atPath: path) { return Self.loadFile(path) }
        }
        if let builtIn = Theme.builtIn(named: name) { return .success(LoadedTheme(theme: builtIn, source: .builtIn)) }
        let known = Set(list().map(\.name)).sorted()
        let looked = directories.isEmpty ? "" : " in " + directories.joined(separator: ", ")
        return .failure(ThemeError(
            file: "theme '\(name)'",
            message: "not found\(looked); available: " + known.joined(separator: ", ")
        ))
    }

    /// The theme for `nameOrPath`, or the compiled-in default with the reason it was not used.
    public func loadOrDefault(_ nameOrPath: String?) -> (theme: LoadedTheme, error: ThemeError?) {
        switch load(nameOrPath ?? "default") {
        case let .success(loaded): return (loaded, nil)
        case let .failure(error): return (LoadedTheme(theme: .default, source: .builtIn), error)
        }
    }

    /// Reads and parses one theme file. Only a regular file (or a link to one) of at most
    /// ``Theme/maximumFileSize`` bytes is read: the size is checked before reading, and no more
    /// than that is read even if the file grows meanwhile.
    public static func loadFile(_ path: String) -> Result<LoadedTheme, ThemeError> {
        let data: Data
        switch readBounded(path) {
        case let .success(bytes): data = bytes
        case let .failure(error): return .failure(error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(file: path, message: "not UTF-8 text"))
        }
        do {
            return .success(LoadedTheme(theme: try Theme.parse(text, file: path), source: .file(path)))
        } catch {
            return .failure(error)
        }
    }

    /// The bytes of a regular file no larger than the theme limit.
    static func readBounded(_ path: String) -> Result<Data, ThemeError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(ThemeError(file: path, message: errno == ENOENT ? "no such theme file" : "cannot read the file (\(String(cString: strerror(errno))))"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(ThemeError(file: path, message: "is not a regular file; a theme is a .toml text file"))
        }
        let limit = Theme.maximumFileSize
        guard info.st_size <= limit else { return .failure(.tooLarge(file: path, bytes: Int(info.st_size))) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ThemeError(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))"))
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            return .failure(ThemeError(file: path, message: "cannot read the file"))
        }
        guard data.count <= limit else { return .failure(.tooLarge(file: path, bytes: data.count)) }
        return .success(data)
    }

    /// Every theme a name would find: the first `NAME.toml` per name across the directories, then
    /// the built-ins not hidden by a file, sorted by name. Broken files are listed with their error.
    public func list() -> [ThemeListing] {
        var listings: [String: ThemeListing] = [:]
        for directory in directories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for file in files.sorted() where file.hasSuffix(".toml") {
                let name = Self.stem(of: file)
                guard listings[name] == nil, !name.isEmpty else { continue }
                let path = Self.join(directory, file)
                switch Self.loadFile(path) {
                case let .success(loaded):
                    listings[name] = ThemeListing(name: name, description: loaded.theme.description, source: .file(path))
                case let .failure(error):
                    listings[name] = ThemeListing(name: name, description: "", source: .file(path), error: error)
                }
            }
        }
        for name in Self.builtInNames where listings[name] == nil {
            listings[name] = ThemeListing(name: name, description: Theme.builtIns[name]?.description ?? "", source: .builtIn)
        }
        return listings.values.sorted { $0.name < $1.name }
    }

    /// `themes/light.toml` → `light`.
    static func stem(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
    }

    private static func join(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
