import Localization
import Widgets

/// Turns theme TOML into a ``Theme``, or the first problem (by line) as a ``ThemeError``.
enum ThemeParser {
    static let topLevelKeys = ["name", "description", "appearance", "foreground", "background", "palette", "roles"]
    static let roleKeys = ["fg", "bg", "attributes"]
    static let attributeNames: [(String, TextAttributes)] = [("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim)]

    static func parse(_ text: String, file: String, defaultName: String) throws(ThemeError) -> Theme {
        // Said apart from other control characters: a NUL means the file is not text at all.
        if let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw ThemeError(file: file, line: line, message: "contains a NUL character; a theme is plain text")
        }
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw ThemeError(file: file, line: error.line, message: "TOML syntax: " + error.message)
        }
        var reader = Reader(file: file, locator: TOMLKeyLocator(text))
        let theme = reader.theme(from: table, defaultName: defaultName)
        if let first = reader.problems.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }
        return theme
    }

    /// Walks the parsed table, collecting every problem with its line.
    private struct Reader {
        let file: String
        let locator: TOMLKeyLocator
        var problems: [ThemeError] = []
        var palette: [String: RGB] = [:]

        init(file: String, locator: TOMLKeyLocator) {
            self.file = file
            self.locator = locator
        }

        mutating func theme(from table: TOMLTable, defaultName: String) -> Theme {
            var theme = Theme(name: defaultName)
            if let paletteValue = table["palette"] { readPalette(paletteValue) }
            for (key, value) in table {
                switch key {
                case "name":
                    if let text = string(value, path: [key], owner: "'name'") { theme.name = text }
                case "description":
                    if let text = string(value, path: [key], owner: "'description'") { theme.description = text }
                case "appearance":
                    guard let text = string(value, path: [key], owner: "'appearance'") else { break }
                    if let appearance = Theme.Appearance(rawValue: text) {
                        theme.appearance = appearance
                    } else {
                        report([key], "'appearance' must be \"dark\" or \"light\", not '\(text)'")
                    }
                case "foreground":
                    theme.foreground = colour(value, path: [key], owner: "'foreground'")
                case "background":
                    theme.background = colour(value, path: [key], owner: "'background'")
                case "palette":
                    break
                case "roles":
                    theme.roles = readRoles(value)
                default:
                    report([key], "unknown key '\(key)'" + NameSuggestion.hint(for: key, among: ThemeParser.topLevelKeys))
                }
            }
            return theme
        }

        mutating func readPalette(_ value: TOMLValue) {
            guard let table = value.table else {
                report(["palette"], "[palette] must be a table of name = \"#RRGGBB\", not \(typeName(value))")
                return
            }
            for (name, entry) in table {
                let owner = "palette '\(name)'"
                guard let text = entry.string else {
                    report(["palette", name], "\(owner) must be a colour like \"#2ec4b6\", not \(typeName(entry))")
                    continue
                }
                if let rgb = RGB(hex: text) {
                    palette[name] = rgb
                } else {
                    report(["palette", name], "\(owner): bad colour '\(text)' (use #RRGGBB)")
                }
            }
        }

        mutating func readRoles(_ value: TOMLValue) -> [Role: RoleStyle] {
            guard let table = value.table else {
                report(["roles"], "[roles] must be a table of role = { fg = ..., bg = ..., attributes = [...] }, not \(typeName(value))")
                return [:]
            }
            var roles: [Role: RoleStyle] = [:]
            for (name, entry) in table {
                guard let role = Role(rawValue: name) else {
                    report(["roles", name], "unknown role '\(name)'" + NameSuggestion.hint(for: name, among: Role.allCases.map(\.rawValue)))
                    continue
                }
                roles[role] = readRole(entry, name: name)
            }
            return roles
        }

        mutating func readRole(_ value: TOMLValue, name: String) -> RoleStyle {
            let owner = "role '\(name)'"
            guard let table = value.table else {
                report(["roles", name], "\(owner) must be a table like { fg = \"#2ec4b6\", attributes = [\"bold\"] }, not \(typeName(value))")
                return RoleStyle()
            }
            var style = RoleStyle()
            for (key, entry) in table {
                let path = ["roles", name, key]
                switch key {
                case "fg": style.foreground = colour(entry, path: path, owner: owner)
                case "bg": style.background = colour(entry, path: path, owner: owner)
                case "attributes": style.attributes = attributes(entry, path: path, owner: owner)
                default: report(path, "\(owner): unknown key '\(key)'" + NameSuggestion.hint(for: key, among: ThemeParser.roleKeys))
                }
            }
            return style
        }

        mutating func attributes(_ value: TOMLValue, path: [String], owner: String) -> TextAttributes {
            guard let array = value.array else {
                report(path, "\(owner): 'attributes' must be a list like [\"bold\"], not \(typeName(value))")
                return []
            }
            var result: TextAttributes = []
            let names = ThemeParser.attributeNames.map(\.0)
            for element in array {
                guard let text = element.string else {
                    report(path, "\(owner): attributes must be strings, not \(typeName(element))")
                    continue
                }
                if let attribute = ThemeParser.attributeNames.first(where: { $0.0 == text })?.1 {
                    result.insert(attribute)
                } else {
                    let suggestion = NameSuggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    report(path, "\(owner): unknown attribute '\(text)' (use bold, reverse, underline, dim\(suggestion))")
                }
            }
            return result
        }

        mutating func colour(_ value: TOMLValue, path: [String], owner: String) -> ThemeColor? {
            let key = path.last ?? ""
            guard let text = value.string else {
                report(path, "\(owner): '\(key)' must be a colour like \"#2ec4b6\", not \(typeName(value))")
                return nil
            }
            if text.hasPrefix("#") {
                if let rgb = RGB(hex: text) { return .rgb(rgb) }
                report(path, "\(owner): bad colour '\(text)' (use #RRGGBB)")
                return nil
            }
            if let rgb = palette[text] { return .rgb(rgb) }
            if let index = ANSIColor.index(named: text) { return .ansi(index) }
            if text == "default" { return .screenDefault }
            let close = NameSuggestion.closest(to: text, among: Array(palette.keys).sorted() + ANSIColor.names)
            let hint = close.map { "; did you mean '\($0)'?" } ?? ""
            report(path, "\(owner): unknown colour '\(text)' (use #RRGGBB or a [palette] name\(hint))")
            return nil
        }

        mutating func string(_ value: TOMLValue, path: [String], owner: String) -> String? {
            if let text = value.string { return text }
            report(path, "\(owner) must be a string, not \(typeName(value))")
            return nil
        }

        mutating func report(_ path: [String], _ message: String) {
            problems.append(ThemeError(file: file, line: locator.line(for: path), key: path.joined(separator: "."), message: message))
        }

        func typeName(_ value: TOMLValue) -> String {
            switch value.type {
            case .table: return "a table"
            case .array: return "a list"
            case .string: return "a string"
            case .int: return "an integer"
            case .double: return "a number"
            case .bool: return "true/false"
            case .dateTime: return "a date"
            }
        }
    }
}
