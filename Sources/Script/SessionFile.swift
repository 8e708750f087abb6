import Foundation
import GRUCore
import Localization
import WeightFiles

/// What the screen keeps of itself in a session file: the selected unit, the theme, and options
/// each panel adds under its own name (`timeline.quantity = "z"`, `present = "on"` …). The
/// screen fills it in when it saves and reads it back when it opens one; the repl keeps what it
/// read and writes it again.
///
/// Option names are letters, digits, `.`, `_` and `-`; values are short texts. A panel that adds
/// an option reads it back with a fallback, so files from before it still open.
public struct SessionView: Sendable, Equatable {
    /// The most options kept.
    public static let maximumOptions = 64
    /// The longest option name or value, and theme name.
    public static let longestText = 256

    /// The selected unit.
    public var unit: Int
    /// The theme's name or path, when the host has themes.
    public var theme: String?
    /// The panels' own options.
    public var options: [String: String]

    /// A view from its parts.
    public init(unit: Int = 0, theme: String? = nil, options: [String: String] = [:]) {
        self.unit = unit
        self.theme = theme
        self.options = options
    }

    /// Whether a name may be an option's.
    public static func isOptionName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= longestText
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }
    }
}

/// A session kept in a file (`save FILE`, `open FILE`, `--open`, autosave and `--resume`):
/// readable, versioned TOML holding where the weights came from (a scene and seed, a trained
/// example, random weights by variant and seed, or a weight file's path with its SHA-256 and the
/// chosen cell — never the numbers), h0, pins, the sequence and the cursor, the lesson, the
/// language and the screen's view. See README "Sessions in files".
///
/// Reading is hostile-proof: the size is checked before anything is parsed (``largestFileSize``),
/// every count and number against its limit, and every mistake is one message naming the file
/// and the key; nothing of the running session changes until the whole file has been read.
public struct SessionFile: Sendable {
    /// The format written; a file with a larger version is refused.
    public static let version = 1
    /// The largest session file read.
    public static let largestFileSize = 16 << 20
    /// The most input numbers written into the file itself (after joining repeated rows);
    /// longer sequences refer to the inputs file or generator they came from.
    public static let largestInlineValues = 1 << 20

    /// Where the weights came from.
    public enum Weights: Sendable, Equatable {
        /// A built-in scene (random weights from `seed`, or a trained example).
        case scene(name: String, seed: UInt64)
        /// Random weights.
        case random(variant: GRUVariant, seed: UInt64, inputSize: Int, hiddenSize: Int)
        /// A weight file, its SHA-256 when saved, and the chosen cell.
        case file(path: String, sha256: String?, selection: CellSelection)
    }

    /// The weights.
    public var weights: Weights
    /// The reset rule in use (it can differ from the weights' own: `rule before|after`).
    public var resetAfter: Bool
    /// I and H, checked against the weights when read.
    public var inputSize: Int
    public var hiddenSize: Int
    /// The state before step 0.
    public var h0: [Float]
    /// Pinned gates.
    public var pins: GatePins
    /// The inputs, row-major, or where to get them again.
    public var inputs: Inputs
    /// The cursor.
    public var cursor: Int
    /// The running lesson.
    public var lesson: LessonMark?
    /// The language of the class.
    public var language: Language?
    /// The screen's view.
    public var view: SessionView

    /// How the sequence is kept.
    public enum Inputs: Sendable, Equatable {
        /// The numbers.
        case values([Float])
        /// A generator (`generate …`).
        case generated(SequenceGenerator)
        /// A suggested sequence of the scene.
        case suggested(String)
        /// An inputs file, with its SHA-256.
        case file(path: String, sha256: String?)
    }

    // MARK: Writing

    /// The file for a session. `weightsHash` and `inputsHash` are the SHA-256 of the files the
    /// weights and inputs came from, when they did (the caller reads them: this does no I/O).
    public init(session: Session, view: SessionView, language: Language?, weightsHash: String?, inputsHash: String?) throws(UserError) {
        switch session.origin {
        case let .random(variant, seed):
            weights = session.sceneName != nil ? .scene(name: session.sceneName!, seed: seed)
                : .random(variant: variant, seed: seed, inputSize: session.inputSize, hiddenSize: session.hiddenSize)
        case let .example(name):
            weights = .scene(name: name, seed: WeightInitializer.defaultSeed)
        case let .file(path, cell, _):
            weights = .file(path: Self.absolute(path), sha256: weightsHash,
                            selection: CellSelection(prefix: cell.name, layer: cell.layer, direction: cell.direction))
        }
        resetAfter = session.weights.resetAfter
        inputSize = session.inputSize
        hiddenSize = session.hiddenSize
        h0 = session.h0
        pins = session.pins
        cursor = session.t
        lesson = session.lessonMark
        self.language = language
        self.view = view
        let values = session.sequence.inputs
        let runs = Self.runs(values, width: session.inputSize)
        if runs.rows.count <= Self.largestInlineValues {
            inputs = .values(values)
        } else {
            switch session.inputsSource {
            case let .generated(generator) where generator.rows(inputSize: session.inputSize).flat == values:
                inputs = .generated(generator)
            case let .file(path) where session.inputsFromSourceUnchanged:
                inputs = .file(path: Self.absolute(path), sha256: inputsHash)
            default:
                throw UserError(key: "error.session.too_long_to_save", [
                    "values": String(values.count), "limit": String(Self.largestInlineValues),
                ])
            }
        }
    }

    /// The TOML text.
    public var text: String {
        var lines = [
            "# A gruscope session: `gruscope --open FILE` or `open FILE` in the repl.",
            "format = \"gruscope-session\"",
            "version = \(Self.version)",
            "",
            "[weights]",
        ]
        switch weights {
        case let .scene(name, seed):
            lines += ["source = \"scene\"", "scene = \(QuotedText.basic(name))", "seed = \(seed)"]
        case let .random(variant, seed, i, h):
            lines += ["source = \"random\"", "variant = \(QuotedText.basic(variant.rawValue))", "seed = \(seed)",
                      "input_size = \(i)", "hidden_size = \(h)"]
        case let .file(path, sha256, selection):
            lines += ["source = \"file\"", "path = \(QuotedText.basic(path))"]
            if let sha256 { lines.append("sha256 = \(QuotedText.basic(sha256))") }
            if let prefix = selection.prefix { lines.append("prefix = \(QuotedText.basic(prefix))") }
            if let layer = selection.layer { lines.append("layer = \(layer)") }
            if let direction = selection.direction { lines.append("direction = \(QuotedText.basic(direction.rawValue))") }
        }
        lines += ["reset_after = \(resetAfter)", "", "[state]",
                  "input_size = \(inputSize)", "hidden_size = \(hiddenSize)",
                  "h0 = \(Self.list(h0))", "t = \(cursor)"]
        if let r = pins[.r] { lines.append("pin_r = \(Self.list(r))") }
        if let z = pins[.z] { lines.append("pin_z = \(Self.list(z))") }
        lines += ["", "[sequence]"]
        switch inputs {
        case let .values(values):
            let runs = Self.runs(values, width: inputSize)
            lines.append("steps = \(values.count / inputSize)")
            lines.append("x = [")
            for row in stride(from: 0, to: runs.rows.count, by: inputSize) {
                lines.append("  \(Self.list(Array(runs.rows[row..<(row + inputSize)]))),")
            }
            lines.append("]")
            if runs.counts.contains(where: { $0 != 1 }) { lines.append("repeats = [\(runs.counts.map(String.init).joined(separator: ", "))]") }
        case let .generated(generator):
            lines.append("generate = \(QuotedText.basic(generator.exactCommand))")
        case let .suggested(name):
            lines.append("suggested = \(QuotedText.basic(name))")
        case let .file(path, sha256):
            lines.append("file = \(QuotedText.basic(path))")
            if let sha256 { lines.append("sha256 = \(QuotedText.basic(sha256))") }
        }
        if let lesson {
            lines += ["", "[lesson]", "name = \(QuotedText.basic(lesson.lesson))", "step = \(lesson.step)", "complete = \(lesson.complete)"]
        }
        lines += ["", "[view]", "unit = \(view.unit)"]
        if let language { lines.append("language = \(QuotedText.basic(language.rawValue))") }
        if let theme = view.theme { lines.append("theme = \(QuotedText.basic(theme))") }
        if !view.options.isEmpty {
            lines += ["", "[view.options]"]
            for key in view.options.keys.sorted() { lines.append("\(QuotedText.basic(key)) = \(QuotedText.basic(view.options[key]!))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Consecutive equal rows joined: the distinct rows and how often each repeats.
    static func runs(_ values: [Float], width: Int) -> (rows: [Float], counts: [Int]) {
        var rows: [Float] = [], counts: [Int] = []
        var start = 0
        while start < values.count {
            let row = values[start..<(start + width)]
            if !counts.isEmpty, rows[(rows.count - width)...].elementsEqual(row) {
                counts[counts.count - 1] += 1
            } else {
                rows.append(contentsOf: row)
                counts.append(1)
            }
            start += width
        }
        return (rows, counts)
    }

    private static func list(_ values: [Float]) -> String {
        "[" + values.map { value in
            let text = "\(value)"
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        }.joined(separator: ", ") + "]"
    }

    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), path != "-" else { return path }
        let expanded = UserFiles.expand(path)
        if expanded.hasPrefix("/") { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }

    // MARK: Reading

    /// Reads a session file's text; every mistake is one message naming `file`.
    public static func parse(_ text: String, file: String) throws(UserError) -> SessionFile {
        guard text.utf8.count <= largestFileSize else {
            throw UserError(key: "error.session.too_large", ["file": file, "limit": String(largestFileSize)])
        }
        let table: TOMLTable
        do {
            table = try TOMLText.parse(text, file: file)
        } catch {
            // Someone opened the wrong file: say so, then where the TOML reader stopped.
            throw UserError(key: "error.session.not_toml", values: ["problem": .message(error.text)])
        }
        return try SessionFile(table: table, reader: FileReader(file: file))
    }

    private init(table: TOMLTable, reader: FileReader) throws(UserError) {
        try reader.allowOnly(["format", "version", "weights", "state", "sequence", "lesson", "view"], in: table, at: "")
        guard table["format"]?.string == "gruscope-session" else {
            throw UserError(key: "error.session.not_session", ["file": reader.file])
        }
        let version = try reader.integer("version", in: table, range: 1...Int(Int32.max))
        guard version <= Self.version else {
            throw UserError(key: "error.session.newer", ["file": reader.file, "version": String(version), "supported": String(Self.version)])
        }
        let w = try reader.table("weights", in: table)
        try reader.allowOnly(["source", "scene", "seed", "variant", "input_size", "hidden_size", "path", "sha256", "prefix", "layer", "direction", "reset_after"], in: w, at: "[weights]")
        let state = try reader.table("state", in: table)
        try reader.allowOnly(["input_size", "hidden_size", "h0", "t", "pin_r", "pin_z"], in: state, at: "[state]")
        inputSize = try reader.integer("input_size", in: state, range: 1...GRUSizeLimits.maximumInputSize)
        hiddenSize = try reader.integer("hidden_size", in: state, range: 1...GRUSizeLimits.maximumHiddenSize)
        resetAfter = try reader.bool("reset_after", in: w)
        switch try reader.string("source", in: w) {
        case "scene":
            weights = .scene(name: try reader.string("scene", in: w), seed: try reader.seed(in: w))
        case "random":
            let name = try reader.string("variant", in: w)
            guard let variant = GRUVariant(rawValue: name) else {
                throw reader.problem("[weights] variant '\(EchoText.printable(name))' is not one of \(GRUVariant.spellings)")
            }
            let i = try reader.integer("input_size", in: w, range: 1...4096), h = try reader.integer("hidden_size", in: w, range: 1...4096)
            guard i == inputSize, h == hiddenSize else { throw reader.problem("[weights] sizes differ from [state]") }
            weights = .random(variant: variant, seed: try reader.seed(in: w), inputSize: i, hiddenSize: h)
        case "file":
            var selection = CellSelection()
            if w.has("prefix") { selection.prefix = try reader.string("prefix", in: w) }
            if w.has("layer") { selection.layer = try reader.integer("layer", in: w, range: 0...1_000_000) }
            if w.has("direction") {
                let text = try reader.string("direction", in: w)
                guard let direction = CellDirection(rawValue: text) else { throw reader.problem("[weights] direction must be \(CellDirection.spellings)") }
                selection.direction = direction
            }
            weights = .file(path: try reader.string("path", in: w),
                            sha256: w.has("sha256") ? try reader.string("sha256", in: w) : nil, selection: selection)
        case let other:
            throw reader.problem("[weights] source '\(EchoText.printable(other))' is not scene, random or file")
        }
        h0 = try reader.numbers("h0", in: state, count: hiddenSize)
        var pins = GatePins()
        for (gate, key) in [(Gate.r, "pin_r"), (Gate.z, "pin_z")] where state.contains(key: key) {
            do {
                try pins.pin(gate, to: try reader.numbers(key, in: state, count: hiddenSize), hiddenSize: hiddenSize)
            } catch let error as UserError {
                throw error
            } catch {
                throw reader.problem("[state] \(key): \(error)")
            }
        }
        self.pins = pins
        let sequence = try reader.table("sequence", in: table)
        try reader.allowOnly(["steps", "x", "repeats", "generate", "suggested", "file", "sha256"], in: sequence, at: "[sequence]")
        let longest = Session.longestSequence(inputSize: inputSize, hiddenSize: hiddenSize)
        if sequence.has("x") {
            let steps = try reader.integer("steps", in: sequence, range: 1...longest)
            inputs = .values(try reader.rows(in: sequence, width: inputSize, steps: steps))
        } else if sequence.has("generate") {
            let line = try reader.string("generate", in: sequence)
            guard case let .generate(generator)? = try? CommandParser().parse(line), generator.length <= longest else {
                throw reader.problem("[sequence] generate '\(EchoText.printable(line))' is not a generator of at most \(longest) steps")
            }
            inputs = .generated(generator)
        } else if sequence.has("suggested") {
            inputs = .suggested(try reader.string("suggested", in: sequence))
        } else if sequence.has("file") {
            inputs = .file(path: try reader.string("file", in: sequence),
                           sha256: sequence.has("sha256") ? try reader.string("sha256", in: sequence) : nil)
        } else {
            throw reader.problem("[sequence] needs x, generate, suggested or file")
        }
        cursor = try reader.integer("t", in: state, range: 0...(longest - 1))
        if table.has("lesson") {
            let l = try reader.table("lesson", in: table)
            try reader.allowOnly(["name", "step", "complete"], in: l, at: "[lesson]")
            lesson = LessonMark(lesson: try reader.string("name", in: l), step: try reader.integer("step", in: l, range: 0...1_000_000),
                                complete: try reader.bool("complete", in: l))
        } else {
            lesson = nil
        }
        var view = SessionView()
        language = nil
        if table.has("view") {
            let v = try reader.table("view", in: table)
            try reader.allowOnly(["unit", "language", "theme", "options"], in: v, at: "[view]")
            view.unit = try reader.integer("unit", in: v, range: 0...(hiddenSize - 1))
            if v.has("language") {
                let code = try reader.string("language", in: v)
                guard let language = Language(rawValue: code) else { throw reader.problem("[view] language '\(EchoText.printable(code))' is not en or zh") }
                self.language = language
            }
            if v.has("theme") { view.theme = try reader.string("theme", in: v, longest: SessionView.longestText) }
            if v.has("options") {
                let options = try reader.table("options", in: v)
                guard options.count <= SessionView.maximumOptions else { throw reader.problem("[view.options] has more than \(SessionView.maximumOptions) entries") }
                for key in options.keys {
                    guard SessionView.isOptionName(key) else { throw reader.problem("[view.options] '\(EchoText.printable(key))' is not an option name") }
                    view.options[key] = try reader.string(key, in: options, longest: SessionView.longestText)
                }
            }
        }
        self.view = view
    }

    /// Typed access to the file, each mistake naming the file and the key.
    private struct FileReader {
        var file: String

        func problem(_ text: String) -> UserError { UserError(key: "error.session.problem", ["file": file, "problem": text]) }

        func allowOnly(_ keys: [String], in table: TOMLTable, at place: String) throws(UserError) {
            for key in table.keys where !keys.contains(key) {
                throw problem("unknown key '\(EchoText.printable(String(key.prefix(64))))' \(place.isEmpty ? "at the top" : "in \(place)")")
            }
        }

        func table(_ key: String, in table: TOMLTable) throws(UserError) -> TOMLTable {
            guard let inner = table[key]?.table else { throw problem("[\(key)] is missing or not a table") }
            return inner
        }

        func string(_ key: String, in table: TOMLTable, longest: Int = 4096) throws(UserError) -> String {
            guard let text = table[key]?.string else { throw problem("'\(key)' must be a text") }
            guard !text.isEmpty, text.utf8.count <= longest else { throw problem("'\(key)' must be a text of 1 to \(longest) bytes") }
            return text
        }

        func integer(_ key: String, in table: TOMLTable, range: ClosedRange<Int>) throws(UserError) -> Int {
            guard let number = table[key]?.int else { throw problem("'\(key)' must be a whole number") }
            guard range.contains(number) else { throw problem("'\(key)' = \(number) is outside \(range.lowerBound)…\(range.upperBound)") }
            return number
        }

        func bool(_ key: String, in table: TOMLTable) throws(UserError) -> Bool {
            guard let value = table[key]?.bool else { throw problem("'\(key)' must be true or false") }
            return value
        }

        func seed(in table: TOMLTable) throws(UserError) -> UInt64 {
            guard let value = table["seed"] else { throw problem("'seed' is missing") }
            if let number = value.int, number >= 0 { return UInt64(number) }
            // Seeds past Int64 are written as they are; TOML reads them as text-less floats, so
            // they are accepted as strings too.
            if let text = value.string, let number = UInt64(text) { return number }
            throw problem("'seed' must be a whole number from 0")
        }

        func number(_ value: TOMLValue, what: String) throws(UserError) -> Float {
            let double: Double
            if let d = value.double { double = d } else if let i = value.int { double = Double(i) } else {
                throw problem("\(what) must hold numbers")
            }
            guard double.isFinite, abs(double) <= Double(NumberList.largestMagnitude) else {
                throw problem("\(what) holds \(double), outside ±\(NumberList.largestMagnitude)")
            }
            return Float(double)
        }

        func numbers(_ key: String, in table: TOMLTable, count: Int) throws(UserError) -> [Float] {
            guard let array = table[key]?.array else { throw problem("'\(key)' must be a list of numbers") }
            guard array.count == count else { throw problem("'\(key)' has \(array.count) numbers; it needs \(count)") }
            var values: [Float] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try number(array[index], what: "'\(key)'")) }
            return values
        }

        /// `x` (distinct rows) with `repeats` (how often each repeats), expanded to `steps` rows.
        func rows(in table: TOMLTable, width: Int, steps: Int) throws(UserError) -> [Float] {
            guard let array = table["x"]?.array else { throw problem("[sequence] x must be a list of rows") }
            guard array.count <= steps else { throw problem("[sequence] x has \(array.count) rows for \(steps) steps") }
            var counts = [Int](repeating: 1, count: array.count)
            if let repeats = table["repeats"] {
                guard let list = repeats.array, list.count == array.count else {
                    throw problem("[sequence] repeats must give one count per row of x (\(array.count))")
                }
                for index in 0..<list.count {
                    guard let count = list[index].int, (1...steps).contains(count) else { throw problem("[sequence] repeats must be counts from 1 to \(steps)") }
                    counts[index] = count
                }
            }
            guard counts.reduce(0, +) == steps else { throw problem("[sequence] x and repeats make \(counts.reduce(0, +)) steps, not \(steps)") }
            var values: [Float] = []
            values.reserveCapacity(steps * width)
            for index in 0..<array.count {
                guard let row = array[index].array, row.count == width else {
                    throw problem("[sequence] row \(index) of x must hold \(width) numbers")
                }
                var parsed: [Float] = []
                for k in 0..<width { parsed.append(try number(row[k], what: "[sequence] row \(index) of x")) }
                for _ in 0..<counts[index] { values.append(contentsOf: parsed) }
            }
            return values
        }
    }
}

/// A session read back from a file, with the view and language it kept and what changed since.
public struct OpenedSession: Sendable {
    /// The session, without history.
    public var session: Session
    /// The screen's view.
    public var view: SessionView
    /// The class's language, if the file names one.
    public var language: Language?
    /// What to tell the user: a weights or inputs file that changed since the session was saved.
    public var warnings: [Message]

    /// Reads a session file and every file it names (the weights, the inputs); one message for
    /// the first problem, and nothing of the running session is touched.
    public static func read(path: String, environment: [String: String] = UserFiles.environment) throws(UserError) -> OpenedSession {
        let text = try UserFiles.readText(
            UserFiles.expand(path, environment: environment), shownAs: path, limit: SessionFile.largestFileSize,
            tooLarge: "error.session.too_large", notText: "error.session.not_text")
        return try open(SessionFile.parse(text, file: path), file: path, environment: environment)
    }

    /// A session from a parsed file (reading the files it names).
    public static func open(_ file: SessionFile, file name: String, environment: [String: String] = UserFiles.environment) throws(UserError) -> OpenedSession {
        var warnings: [Message] = []
        var session: Session
        switch file.weights {
        case let .scene(sceneName, seed):
            session = try Session(scene: try Scene.named(sceneName), seed: seed)
        case let .random(variant, seed, i, h):
            session = try Session(
                weights: try Session.randomWeights(variant: variant, inputSize: i, hiddenSize: h, seed: seed),
                origin: .random(variant: variant, seed: seed))
        case let .file(path, sha256, selection):
            let loaded: LoadedWeights
            do {
                loaded = try WeightFile.load(path: UserFiles.expand(path, environment: environment), selection: selection)
            } catch {
                throw UserError(key: "error.session.weights", ["file": name, "message": error.message])
            }
            if let sha256, let now = FileHashes.sha256(UserFiles.expand(path, environment: environment), limit: WeightFile.maximumFileSize), now != sha256 {
                warnings.append(Message(key: "session.weights_changed", ["path": EchoText.printable(path)]))
            }
            session = try Session(weights: loaded.weights, origin: WeightsOrigin(loaded))
        }
        guard session.inputSize == file.inputSize, session.hiddenSize == file.hiddenSize else {
            throw UserError(key: "error.session.sizes", [
                "file": name, "i": String(file.inputSize), "h": String(file.hiddenSize),
                "wi": String(session.inputSize), "wh": String(session.hiddenSize),
            ])
        }
        try session.setResetAfter(file.resetAfter)
        try session.setH(file.h0)
        for gate in Gate.allCases {
            if let values = file.pins[gate] { try session.pin(gate, to: values) } else { try session.unpin(gate) }
        }
        switch file.inputs {
        case let .values(values):
            try session.setInputs(StepRows(values: values, width: file.inputSize), source: .typed)
        case let .generated(generator):
            try session.setInputs(generator.rows(inputSize: file.inputSize), source: .generated(generator))
        case let .suggested(sequenceName):
            guard let scene = session.scene, let suggested = scene.sequence(named: sequenceName) else {
                throw UserError(key: "error.session.problem", ["file": name, "problem": "the scene has no sequence '\(EchoText.printable(sequenceName))'"])
            }
            try session.setInputs(suggested.rows, source: .scene(scene: scene.name, sequence: sequenceName))
        case let .file(path, sha256):
            let expanded = UserFiles.expand(path, environment: environment)
            let table: InputsFile.Table
            do {
                table = try InputsFile.table(path: expanded, inputSize: file.inputSize)
            } catch {
                throw UserError(key: "error.session.inputs", ["file": name, "message": error.description])
            }
            if let sha256, let now = FileHashes.sha256(expanded, limit: InputsFile.largestFileSize), now != sha256 {
                warnings.append(Message(key: "session.inputs_changed", ["path": EchoText.printable(path)]))
            }
            try session.setInputs(StepRows(values: table.values, width: table.width), source: .file(path: path))
        }
        guard file.cursor < session.count else {
            throw UserError(key: "error.session.problem", ["file": name, "problem": "t = \(file.cursor) is past the last step, \(session.count - 1)"])
        }
        try session.goto(file.cursor)
        try session.setLessonMark(file.lesson, description: Message(key: "history.lesson"))
        return OpenedSession(session: session.startingHere(), view: file.view, language: file.language, warnings: warnings)
    }
}

/// Where the screen keeps the last session: `$XDG_STATE_HOME/gruscope/last-session.toml`, or
/// `~/.local/state/gruscope/last-session.toml` (`--resume` opens it).
public enum Autosave {
    /// The file, or nil when neither XDG_STATE_HOME nor HOME is set.
    public static func path(environment: [String: String] = UserFiles.environment) -> String? {
        folder(environment: environment).map { $0 + "/last-session.toml" }
    }

    /// The folder.
    public static func folder(environment: [String: String] = UserFiles.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/gruscope" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/gruscope"
    }

    /// Writes a session there (the folder made if needed, private to the user), atomically.
    public static func write(_ save: SessionSave, environment: [String: String] = UserFiles.environment) throws(UserError) {
        guard let folder = folder(environment: environment), let path = path(environment: environment) else {
            throw UserError(key: "error.session.no_state_folder")
        }
        var built = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw UserError(key: "error.file.unwritable", ["file": built, "reason": String(cString: strerror(errno))])
            }
        }
        let text = try save.file(environment: environment).text
        try UserFiles.write(Array(text.utf8), to: path, shownAs: path, replacing: true, command: "save")
    }
}
