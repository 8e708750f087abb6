import Localization
import Script

/// The screen's commands for a class: `scale` fixes the signed bars' scales so bars compare
/// across steps, `present` turns presentation mode on and off. A line that is not understood is
/// refused by the parser with one message, and nothing changes.
extension ScreenCommand {
    /// How `scale` is used.
    static let scaleUsage = "scale auto | N | COLUMN N | COLUMN auto (COLUMN: kept, cand, add, new)"

    /// `scale auto | N | COLUMN N | COLUMN auto`.
    static let scaleSpec = CommandSpec<ScreenCommand>("scale", usage: scaleUsage) { arguments throws(UserError) in
        let words = arguments.strings
        guard (1...2).contains(words.count) else { throw UserError(key: "error.script.usage", ["usage": scaleUsage]) }
        var columns: [GateColumn]?
        if words.count == 2 {
            guard let column = BarScales.column(named: words[0]) else {
                throw UserError(key: "screen.scale.bad_column", ["name": EchoText.printable(words[0]), "names": BarScales.columnNames])
            }
            columns = [column]
        }
        let word = words[words.count - 1]
        if word.lowercased() == "auto" { return .scale(nil, columns: columns) }
        guard let value = Float(word), value.isFinite, value > 0, value <= BarScales.maximum else {
            throw UserError(key: "screen.scale.bad_value", ["value": EchoText.printable(word), "max": BarScales.number(BarScales.maximum)])
        }
        return .scale(value, columns: columns)
    }

    /// `present [on|off]`: alone, it toggles.
    static let presentSpec = CommandSpec<ScreenCommand>("present", usage: "present [on|off]") { arguments throws(UserError) in
        switch arguments.strings.map({ $0.lowercased() }) {
        case []: return .present(nil)
        case ["on"]: return .present(true)
        case ["off"]: return .present(false)
        default: throw UserError(key: "error.script.usage", ["usage": "present [on|off]"])
        }
    }
}

extension AppState {
    /// Fixes the scales of `columns` (every signed one when nil) at `value`, or lets them
    /// follow the step again, and says so.
    mutating func applyScale(_ value: Float?, columns: [GateColumn]?) {
        scales.set(value, for: columns)
        let names = (columns ?? BarScales.columns).map { text("column." + $0.catalogueKey) }.joined(separator: ", ")
        if let value {
            status = StatusMessage(text("scale.set", ["scale": BarScales.number(value), "columns": names]))
        } else {
            status = StatusMessage(text("scale.freed", ["columns": names]))
        }
    }

    /// Presentation mode on, off, or (nil) the other way round, and says so.
    mutating func applyPresent(_ on: Bool?) {
        let on = on ?? !presenting
        setPresenting(on)
        status = StatusMessage(text(on ? "present.on" : "present.off"))
    }
}

extension BarScales {
    /// The names `scale` knows a signed column by: the short words of the table's titles and
    /// the catalogue's keys.
    static let names: [(name: String, column: GateColumn)] = [
        ("kept", .kept), ("cand", .candidate), ("candidate", .candidate), ("h~", .candidate),
        ("add", .added), ("added", .added), ("new", .newState), ("new_state", .newState), ("h'", .newState),
    ]

    /// The names, for a message.
    static let columnNames = "kept, cand, add, new"

    /// The signed column a word names, if any.
    static func column(named word: String) -> GateColumn? {
        let lowered = word.lowercased()
        return names.first { $0.name == lowered }?.column
    }
}

extension ScreenCommand {
    /// `record[!] FILE.cast` / `record`.
    static let recordSpec = CommandSpec<ScreenCommand>("record", usage: "record[!] FILE.cast | record", allowsBang: true) { arguments throws(UserError) in
        guard !arguments.rest.isEmpty else { return .record(path: nil, replacing: false) }
        let path = String(arguments.rest)
        guard path.lowercased().hasSuffix(".cast"), path.count > 5 else {
            throw UserError(key: "screen.record.format", ["path": arguments.quoted])
        }
        return .record(path: path, replacing: arguments.bang)
    }
}

extension AppState {
    /// `record FILE.cast` asks the loop to start (refused while one runs), `record` to stop.
    mutating func record(_ path: String?, replacing: Bool) -> [Effect] {
        switch (path, recording) {
        case let (path?, nil):
            return [.startRecording(path: path, replacing: replacing)]
        case let (_?, current?):
            status = StatusMessage(text("record.busy", ["path": EchoText.printable(current)]), isError: true)
            return []
        case (nil, _?):
            return [.stopRecording]
        case (nil, nil):
            status = StatusMessage(text("record.idle"), isError: true)
            return []
        }
    }

    /// What the loop says of a recording.
    mutating func receiveRecording(_ result: Result<RecordingChange, UserError>) {
        switch result {
        case let .success(.started(path)):
            recording = path
            status = StatusMessage(text("record.started", ["path": EchoText.printable(path)]))
        case let .success(.stopped(path, frames, seconds, full)):
            recording = nil
            let arguments = ["path": EchoText.printable(path), "frames": String(frames), "seconds": NumberFormat.plain(Float(seconds), decimals: 1)]
            status = StatusMessage(text(full ? "record.full" : "record.stopped", arguments), isError: full)
        case let .failure(error):
            recording = nil
            status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
        }
    }
}

extension ScreenCommand {
    /// `select N`: a unit counted from 0, checked against the cell when the parser knows it.
    static let selectSpec = CommandSpec<ScreenCommand>("select", usage: "select UNIT") { arguments throws(UserError) in
        guard arguments.words.count == 1 else { throw UserError(key: "error.script.usage", ["usage": "select UNIT"]) }
        let word = arguments.words[0]
        let last = arguments.context.hiddenSize.map { $0 - 1 }
        guard let unit = Int(word), unit >= 0 else {
            let text = EchoText.printable(word)
            if let last { throw UserError(key: "error.unit_word", ["text": text, "last": String(last)]) }
            throw UserError(key: "error.unit_word_any", ["text": text])
        }
        if let last, unit > last { throw UserError(key: "error.unit_range", ["unit": String(unit), "last": String(last)]) }
        return .select(unit)
    }
}

extension AppState {
    /// Selects a unit in the table (the h row follows), scrolled into view.
    mutating func select(unit: Int) {
        self.unit = min(max(0, unit), session.hiddenSize - 1)
        focus = .units
        keepSelectionInView()
        status = StatusMessage(text("status.selected", ["target": target.name]))
    }
}
