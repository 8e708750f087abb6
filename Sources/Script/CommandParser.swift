import Foundation
import GRUCore
import Localization
import WeightFiles

/// Turns one line of text into a ``Command``, or an error that says what was expected.
///
/// Hosts add their own commands (the screen's `theme`, the teaching layer's `explain` …) as
/// `extensions`; those parse to ``Command/extended(name:argument:)``.
public struct CommandParser: Sendable {
    /// Commands beyond the core language that this host handles.
    public let extensions: [CommandInfo]

    /// A parser that also accepts the given extra commands.
    public init(extensions: [CommandInfo] = []) {
        self.extensions = extensions
    }

    /// Every command this parser accepts, core first.
    public var commands: [CommandInfo] { CommandCatalog.core + extensions }

    /// Names that start with a prefix, for Tab completion.
    public func completions(of prefix: String) -> [String] {
        commands.map(\.name).filter { $0.hasPrefix(prefix) && $0.count > 1 }
    }

    /// Parses a line. Blank lines and `#` comments give nil.
    public func parse(_ line: String) throws(UserError) -> Command? {
        var text = Substring(line)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let head = trimmed.prefix(while: { $0.isLetter }).lowercased()
        if let vector = StateVector(rawValue: head) { return try parseAssignment(trimmed, vector) }
        let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        let name = words[0].lowercased()
        let arguments = Array(words.dropFirst())
        let rest = trimmed.dropFirst(words[0].count).trimmingCharacters(in: .whitespaces)
        switch name {
        case "step": return .step(try count(arguments, command: "step"))
        case "back": return .back(try count(arguments, command: "back"))
        case "reset": try none(arguments, command: "reset"); return .reset
        case "pin": return try parsePin(rest)
        case "unpin":
            guard arguments.count <= 1 else { throw usageError("unpin") }
            guard let word = arguments.first else { return .unpin(nil) }
            guard let gate = Gate(rawValue: word.lowercased()) else {
                throw UserError(key: "error.script.unpin", ["text": word])
            }
            return .unpin(gate)
        case "load": return try parseLoad(arguments)
        case "variant":
            guard arguments.count == 1, let variant = GRUVariant(rawValue: arguments[0].lowercased()) else {
                throw UserError(key: "error.script.variant", ["variants": GRUVariant.spellings, "text": rest])
            }
            return .variant(variant)
        case "size":
            guard arguments.count == 2, let i = Int(arguments[0]), let h = Int(arguments[1]) else {
                throw UserError(key: "error.script.size", ["text": rest])
            }
            return .size(inputSize: i, hiddenSize: h)
        case "seed":
            guard arguments.count == 1, let seed = UInt64(arguments[0]) else {
                throw UserError(key: "error.script.seed", ["text": rest])
            }
            return .seed(seed)
        case "scene":
            guard arguments.count <= 1 else { throw usageError("scene") }
            return .scene(arguments.first)
        case "show": try none(arguments, command: "show"); return .show
        case "trace": try none(arguments, command: "trace"); return .trace
        case "help", "?": return .help(arguments.first)
        case "quit", "exit", "q": try none(arguments, command: "quit"); return .quit
        default:
            if extensions.contains(where: { $0.name == name }) {
                return .extended(name: name, argument: rest)
            }
            if trimmed.contains("=") {
                throw UserError(key: "error.script.assign_only", ["text": trimmed])
            }
            throw UserError(key: "error.script.unknown_command", ["name": words[0]])
        }
    }

    /// `x = …`, `h = …`, `x[2] = …` (spaces around `=` optional).
    private func parseAssignment(_ text: String, _ vector: StateVector) throws(UserError) -> Command {
        guard let equals = text.firstIndex(of: "=") else {
            throw UserError(key: "error.script.write_vector", ["vector": vector.rawValue])
        }
        let left = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        let right = text[text.index(after: equals)...]
        let subscriptText = left.dropFirst().trimmingCharacters(in: .whitespaces)
        if subscriptText.isEmpty {
            return .assign(vector, try NumberList.parse(right, what: vector.rawValue))
        }
        guard subscriptText.hasPrefix("["), subscriptText.hasSuffix("]"),
              let index = Int(subscriptText.dropFirst().dropLast().trimmingCharacters(in: .whitespaces))
        else {
            throw UserError(key: "error.script.write_index", ["vector": vector.rawValue, "text": left])
        }
        let value = try NumberList.number(right, what: "\(vector.rawValue)[\(index)]")
        return .assignElement(vector, index: index, value: value)
    }

    /// `pin z = 0.1 …`, also without the `=`.
    private func parsePin(_ rest: String) throws(UserError) -> Command {
        guard let first = rest.first, let gate = Gate(rawValue: String(first).lowercased()) else {
            throw UserError(key: "error.script.pin_usage", ["text": rest])
        }
        var values = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        if values.hasPrefix("=") { values.removeFirst() }
        let parsed = try NumberList.parse(values, what: "pinned \(gate.rawValue)")
        guard !parsed.isEmpty else {
            throw UserError(key: "error.script.pin_values", ["gate": gate.rawValue])
        }
        return .pin(gate, parsed)
    }

    private func parseLoad(_ arguments: [String]) throws(UserError) -> Command {
        guard let path = arguments.first, arguments.count % 2 == 1 else { throw usageError("load") }
        var selection = CellSelection()
        for pair in stride(from: 1, to: arguments.count, by: 2) {
            let value = arguments[pair + 1]
            switch arguments[pair].lowercased() {
            case "prefix": selection.prefix = value
            case "layer":
                guard let layer = Int(value), layer >= 0 else { throw usageError("load") }
                selection.layer = layer
            case "direction":
                guard let direction = CellDirection(rawValue: value.lowercased()) else { throw usageError("load") }
                selection.direction = direction
            default: throw usageError("load")
            }
        }
        return .load(path: path, selection: selection)
    }

    private func count(_ arguments: [String], command: String) throws(UserError) -> Int {
        guard let word = arguments.first else { return 1 }
        guard arguments.count == 1, let n = Int(word), n >= 1 else {
            let text = arguments.joined(separator: " ")
            throw UserError(key: "error.script.count_usage", ["command": command, "text": text])
        }
        return n
    }

    private func none(_ arguments: [String], command: String) throws(UserError) {
        guard arguments.isEmpty else {
            let text = arguments.joined(separator: " ")
            throw UserError(key: "error.script.no_arguments", ["command": command, "text": text])
        }
    }

    private func usageError(_ name: String) -> UserError {
        let usage = commands.first { $0.name == name }?.usage ?? name
        return UserError(key: "error.script.usage", ["usage": usage])
    }
}
