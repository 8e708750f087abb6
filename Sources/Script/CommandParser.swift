import GRUCore
import Localization
import WeightFiles

/// Turns one line of text into a typed command, or an error that says what was expected.
///
/// Every parser reads the core language (``Command``, through `core`); a host adds its own
/// commands as specs of its own type (the teaching layer's `explain`, the screen's `theme` …).
/// The line is checked against ``CommandWords/longestLine`` before anything else is done, and
/// split the one way the language splits lines (``CommandWords``).
public struct CommandParser<Parsed: Sendable>: Sendable {
    /// Every command with a name, core first.
    public let specs: [CommandSpec<Parsed>]
    /// Every command as `help` lists it: the assignments, then ``specs``.
    public let commands: [CommandInfo]
    private let core: @Sendable (Command) -> Parsed
    private let byName: [String: Int]

    /// A parser for the core language, its commands read as `core` makes them, and `extra`.
    public init(core: @escaping @Sendable (Command) -> Parsed, extra: [CommandSpec<Parsed>] = []) {
        self.core = core
        specs = CommandCatalog.core.map { $0.map(core) } + extra
        commands = CommandCatalog.assignments + specs.map(\.info)
        var byName: [String: Int] = [:]
        for (index, spec) in specs.enumerated() {
            for name in [spec.name] + spec.aliases where byName[name] == nil { byName[name] = index }
        }
        self.byName = byName
    }

    /// Names that start with a prefix, for Tab completion.
    public func completions(of prefix: String) -> [String] {
        specs.map(\.name).filter { $0.hasPrefix(prefix.lowercased()) && $0.count > 1 }
    }

    /// Parses a line. Blank lines and `#` comments give nil.
    public func parse(_ line: String, context: ParseContext = ParseContext()) throws(UserError) -> Parsed? {
        let bytes = line.utf8.count
        guard bytes <= CommandWords.longestLine else {
            throw UserError(key: "error.script.line_too_long", ["bytes": String(bytes), "limit": String(CommandWords.longestLine)])
        }
        let line = CommandWords(line)
        guard let first = line.words.first else { return nil }
        if let vector = Self.assignedVector(first) { return core(try Self.assignment(line.text, vector)) }
        var name = first.lowercased()
        let bang = name.count > 1 && name.hasSuffix("!")
        if bang { name.removeLast() }
        guard let index = byName[name], !bang || specs[index].allowsBang else {
            if line.text.utf8.contains(UInt8(ascii: "=")) {
                throw UserError(key: "error.script.assign_only", ["text": EchoText.printable(line.text)])
            }
            throw UserError(key: "error.script.unknown_command", ["name": EchoText.printable(first)])
        }
        let arguments = CommandArguments(
            words: Array(line.words.dropFirst()), rest: line.rest(after: 1), bang: bang, context: context, commands: commands)
        return try specs[index].parse(arguments)
    }

    /// `x` or `h` when the line assigns to one: its first letters are exactly the vector's name.
    private static func assignedVector(_ first: Substring) -> StateVector? {
        let letters = first.prefix { $0.isLetter }
        guard letters.count == 1 else { return nil }
        return StateVector(rawValue: letters.lowercased())
    }

    /// `x = …`, `h = …`, `x[2] = …` (spaces around `=` optional).
    private static func assignment(_ text: Substring, _ vector: StateVector) throws(UserError) -> Command {
        guard let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) else {
            throw UserError(key: "error.script.write_vector", ["vector": vector.rawValue])
        }
        let left = CommandWords.trimmed(text[..<equals])
        let right = text[text.utf8.index(after: equals)...]
        let subscriptText = CommandWords.trimmed(left.dropFirst())
        if subscriptText.isEmpty {
            let value = CommandWords.trimmed(right)
            if vector == .x, value.hasPrefix("\"") {
                let text = try CommandCatalog.quoted(value)
                guard text.count == 1 else { throw UserError(key: "error.text.one_character", ["text": EchoText.printable(text)]) }
                return .assignCharacter(text)
            }
            return .assign(vector, try NumberList.parse(right, what: vector.rawValue))
        }
        guard subscriptText.hasPrefix("["), subscriptText.hasSuffix("]"),
              let index = Int(CommandWords.trimmed(subscriptText.dropFirst().dropLast()))
        else {
            throw UserError(key: "error.script.write_index", ["vector": vector.rawValue, "text": EchoText.printable(left.lowercased())])
        }
        let value = try NumberList.number(right, what: "\(vector.rawValue)[\(index)]")
        return .assignElement(vector, index: index, value: value)
    }
}

extension CommandParser where Parsed == Command {
    /// A parser for the core language alone.
    public init() {
        self.init(core: { $0 })
    }
}

/// The core commands: the table `help` lists, completion offers and the parser reads.
public enum CommandCatalog {
    /// The two assignments, which are written rather than named.
    public static let assignments: [CommandInfo] = [
        CommandInfo(name: "x", usage: "x = 1 2 3 4  |  x[I] = V", summary: Message(key: "command.x")),
        CommandInfo(name: "h", usage: "h = 0 0 0 0 0  |  h[J] = V", summary: Message(key: "command.h")),
    ]

    /// The named core commands, in the order `help` lists them.
    public static let core: [CommandSpec<Command>] = [
        CommandSpec("step", usage: "step [N]") { arguments throws(UserError) in .step(try count(arguments, command: "step")) },
        CommandSpec("back", usage: "back [N]") { arguments throws(UserError) in .back(try count(arguments, command: "back")) },
        CommandSpec("reset", usage: "reset") { arguments throws(UserError) in
            try nothing(arguments, command: "reset")
            return .reset
        },
        CommandSpec("goto", usage: "goto T|end") { arguments throws(UserError) in
            guard arguments.words.count == 1 else { throw UserError(key: "error.script.usage", ["usage": "goto T|end"]) }
            let word = arguments.words[0].lowercased()
            if word == "end" || word == "$" { return .goto(nil) }
            guard let step = Int(word), step >= 0 else { throw UserError(key: "error.time.goto", ["text": arguments.quoted]) }
            return .goto(step)
        },
        CommandSpec("inputs", usage: "inputs FILE|NAME|\"TEXT\"|ROWS") { arguments throws(UserError) in
            .inputs(try inputs(arguments))
        },
        CommandSpec("generate", usage: "generate KIND N [OPTIONS]") { arguments throws(UserError) in
            .generate(try generator(arguments))
        },
        CommandSpec("undo", usage: "undo [N]") { arguments throws(UserError) in .undo(try count(arguments, command: "undo")) },
        CommandSpec("redo", usage: "redo [N]") { arguments throws(UserError) in .redo(try count(arguments, command: "redo")) },
        CommandSpec("save", usage: "save[!] FILE", allowsBang: true) { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { throw UserError(key: "error.script.usage", ["usage": "save[!] FILE"]) }
            return .save(path: String(arguments.rest), replacing: arguments.bang)
        },
        CommandSpec("open", usage: "open FILE") { arguments throws(UserError) in
            guard !arguments.rest.isEmpty else { throw UserError(key: "error.script.usage", ["usage": "open FILE"]) }
            return .open(path: String(arguments.rest))
        },
        CommandSpec("pin", usage: "pin z = 0.1 0.2 …  |  pin r = …") { arguments throws(UserError) in try pin(arguments) },
        CommandSpec("unpin", usage: "unpin [r|z]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.script.usage", ["usage": "unpin [r|z]"]) }
            guard let word = arguments.words.first else { return .unpin(nil) }
            guard let gate = Gate(rawValue: word.lowercased()) else {
                throw UserError(key: "error.script.unpin", ["text": EchoText.printable(word)])
            }
            return .unpin(gate)
        },
        CommandSpec("load", usage: "load FILE [prefix P] [layer N] [direction forward|reverse]") { arguments throws(UserError) in
            try load(arguments)
        },
        CommandSpec("variant", usage: "variant tf-grucell|keras|pytorch") { arguments throws(UserError) in
            guard arguments.words.count == 1, let variant = GRUVariant(rawValue: arguments.words[0].lowercased()) else {
                throw UserError(key: "error.script.variant", ["variants": GRUVariant.spellings, "text": arguments.quoted])
            }
            return .variant(variant)
        },
        CommandSpec("size", usage: "size I H") { arguments throws(UserError) in
            guard arguments.words.count == 2, let i = Int(arguments.words[0]), let h = Int(arguments.words[1]) else {
                throw UserError(key: "error.script.size", ["text": arguments.quoted])
            }
            return .size(inputSize: i, hiddenSize: h)
        },
        CommandSpec("seed", usage: "seed N") { arguments throws(UserError) in
            guard arguments.words.count == 1, let seed = UInt64(arguments.words[0]) else {
                throw UserError(key: "error.script.seed", ["text": arguments.quoted])
            }
            return .seed(seed)
        },
        CommandSpec("scene", usage: "scene [NAME]") { arguments throws(UserError) in
            guard arguments.words.count <= 1 else { throw UserError(key: "error.script.usage", ["usage": "scene [NAME]"]) }
            return .scene(try arguments.words.first.map { word throws(UserError) in try Scene.named(String(word)) })
        },
        CommandSpec("show", usage: "show") { arguments throws(UserError) in
            try nothing(arguments, command: "show")
            return .show
        },
        CommandSpec("trace", usage: "trace") { arguments throws(UserError) in
            try nothing(arguments, command: "trace")
            return .trace
        },
        CommandSpec("help", aliases: ["?"], usage: "help [COMMAND]") { arguments throws(UserError) in
            guard let topic = arguments.words.first else { return .help(.all(arguments.commands)) }
            guard arguments.words.count == 1, let info = arguments.commands.first(where: { $0.name == topic.lowercased() }) else {
                throw UserError(key: "error.script.help_topic", ["name": arguments.quoted])
            }
            return .help(.one(info))
        },
        CommandSpec("quit", aliases: ["exit", "q"], usage: "quit") { arguments throws(UserError) in
            try nothing(arguments, command: "quit")
            return .quit
        },
    ]

    /// `pin z = 0.1 …`, also without the `=`.
    private static func pin(_ arguments: CommandArguments) throws(UserError) -> Command {
        let rest = arguments.rest
        guard let first = rest.unicodeScalars.first, let gate = Gate(rawValue: String(first).lowercased()) else {
            throw UserError(key: "error.script.pin_usage", ["text": arguments.quoted])
        }
        var values = CommandWords.trimmed(Substring(rest.unicodeScalars.dropFirst()))
        if values.hasPrefix("=") { values = values.dropFirst() }
        let parsed = try NumberList.parse(values, what: "pinned \(gate.rawValue)")
        guard !parsed.isEmpty else {
            throw UserError(key: "error.script.pin_values", ["gate": gate.rawValue])
        }
        return .pin(gate, parsed)
    }

    private static func load(_ arguments: CommandArguments) throws(UserError) -> Command {
        let words = arguments.strings
        let usage = UserError(key: "error.script.usage", ["usage": "load FILE [prefix P] [layer N] [direction forward|reverse]"])
        guard let path = words.first, words.count % 2 == 1 else { throw usage }
        var selection = CellSelection()
        for pair in stride(from: 1, to: words.count, by: 2) {
            let value = words[pair + 1]
            switch words[pair].lowercased() {
            case "prefix": selection.prefix = value
            case "layer":
                guard let layer = Int(value), layer >= 0 else { throw usage }
                selection.layer = layer
            case "direction":
                guard let direction = CellDirection(rawValue: value.lowercased()) else { throw usage }
                selection.direction = direction
            default: throw usage
            }
        }
        return .load(path: path, selection: selection)
    }

    /// `step N` and `back N`: a whole number from 1 to ``Session/largestStepCount``.
    private static func count(_ arguments: CommandArguments, command: String) throws(UserError) -> Int {
        guard let word = arguments.words.first else { return 1 }
        guard arguments.words.count == 1, let n = Int(word), (1...Session.largestStepCount).contains(n) else {
            throw UserError(key: "error.script.count_usage", [
                "command": command, "text": arguments.quoted, "max": String(Session.largestStepCount),
            ])
        }
        return n
    }

    /// The text between double quotes (the whole of `text`), refused when unterminated.
    static func quoted(_ text: Substring) throws(UserError) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw UserError(key: "error.text.quote", ["text": EchoText.printable(text)])
        }
        return String(text.dropFirst().dropLast())
    }

    /// `inputs …`: nothing, a quoted text, rows inline, or a name.
    private static func inputs(_ arguments: CommandArguments) throws(UserError) -> InputsCommand {
        let rest = arguments.rest
        guard !rest.isEmpty else { return .show }
        if rest.hasPrefix("\"") { return .text(try quoted(rest)) }
        var body = rest
        let bracketed = body.hasPrefix("[")
        if bracketed {
            guard body.hasSuffix("]") else { throw UserError(key: "error.inputs.bracket", ["text": arguments.quoted]) }
            body = CommandWords.trimmed(body.dropFirst().dropLast())
        }
        let separated = body.contains("|") || body.contains(";")
        if bracketed || separated || looksNumeric(arguments.words[0]) {
            let rows = body.split(omittingEmptySubsequences: false) { $0 == "|" || $0 == ";" }
            var parsed: [[Float]] = []
            for (index, row) in rows.enumerated() {
                let values = try NumberList.parse(row, what: "step \(index)")
                guard !values.isEmpty else { throw UserError(key: "error.inputs.empty_row", ["step": String(index)]) }
                parsed.append(values)
            }
            return .inline(parsed)
        }
        return .named(String(rest))
    }

    private static func looksNumeric(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return "0123456789-+.".unicodeScalars.contains(first)
    }

    /// `generate KIND N [name value]…`.
    private static func generator(_ arguments: CommandArguments) throws(UserError) -> SequenceGenerator {
        let words = arguments.strings
        let usage = UserError(key: "error.script.usage", ["usage": "generate constant|pulse|sine|noise N [at K] [period P] [phase A] [value V] [seed S]"])
        guard words.count >= 2, words.count % 2 == 0 else { throw usage }
        guard let kind = SequenceGenerator.Kind(rawValue: words[0].lowercased()) else {
            throw UserError(key: "error.generate.kind", ["text": EchoText.printable(words[0]), "kinds": SequenceGenerator.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        guard let length = Int(words[1]), (1...GRUSequence.maximumSteps).contains(length) else {
            throw UserError(key: "error.generate.length", ["text": EchoText.printable(words[1]), "max": String(GRUSequence.maximumSteps)])
        }
        var generator = SequenceGenerator(kind: kind, length: length)
        for pair in stride(from: 2, to: words.count, by: 2) {
            let name = words[pair].lowercased(), value = words[pair + 1]
            switch name {
            case "at":
                guard let step = Int(value), (0..<length).contains(step) else {
                    throw UserError(key: "error.generate.at", ["text": EchoText.printable(value), "last": String(length - 1)])
                }
                generator.at = step
            case "period":
                let period = try NumberList.number(value, what: "period")
                guard period > 0 else { throw UserError(key: "error.generate.period", ["text": EchoText.printable(value)]) }
                generator.period = period
            case "phase": generator.phase = try NumberList.number(value, what: "phase")
            case "value": generator.value = try NumberList.number(value, what: "value")
            case "seed":
                guard let seed = UInt64(value) else { throw UserError(key: "error.script.seed", ["text": EchoText.printable(value)]) }
                generator.seed = seed
            default:
                throw UserError(key: "error.generate.option", ["text": EchoText.printable(words[pair])])
            }
        }
        return generator
    }

    private static func nothing(_ arguments: CommandArguments, command: String) throws(UserError) {
        guard arguments.words.isEmpty else {
            throw UserError(key: "error.script.no_arguments", ["command": command, "text": arguments.quoted])
        }
    }
}
