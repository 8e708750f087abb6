import Localization
import Script

/// The screen's commands for a class: `scale` fixes the signed bars' scales so bars compare
/// across steps, `present` turns presentation mode on and off. Each changes the state only when
/// what was typed is understood; otherwise it says why and leaves everything as it was.
extension AppState {
    /// `scale auto | N | COLUMN N | COLUMN auto`: the magnitude that fills a signed bar's side,
    /// for every signed column or one (kept, cand, add, new), or back to following the step.
    mutating func runScale(_ argument: String) -> StatusMessage {
        let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        var columns: [GateColumn]? = nil
        var valueWord = words.first ?? ""
        if words.count == 2 {
            guard let column = BarScales.column(named: words[0]) else {
                return StatusMessage(text("scale.bad_column", ["name": EchoText.printable(words[0]), "names": BarScales.columnNames]), isError: true)
            }
            columns = [column]
            valueWord = words[1]
        } else if words.count != 1 {
            return StatusMessage(text("status.needs_argument", ["name": "scale", "usage": Self.scaleUsage]), isError: true)
        }
        let value: Float?
        if valueWord.lowercased() == "auto" {
            value = nil
        } else if let number = Float(valueWord), number.isFinite, number > 0, number <= BarScales.maximum {
            value = number
        } else {
            return StatusMessage(text("scale.bad_value", ["value": EchoText.printable(valueWord), "max": BarScales.number(BarScales.maximum)]), isError: true)
        }
        scales.set(value, for: columns)
        let names = (columns ?? BarScales.columns).map { text("column." + $0.catalogueKey) }.joined(separator: ", ")
        if let value {
            return StatusMessage(text("scale.set", ["scale": BarScales.number(value), "columns": names]))
        }
        return StatusMessage(text("scale.freed", ["columns": names]))
    }

    /// How `scale` is used.
    static let scaleUsage = "scale auto | N | COLUMN N (COLUMN: kept, cand, add, new)"

    /// `present [on|off]`: presentation mode on or off; alone, it toggles.
    mutating func runPresent(_ argument: String) -> StatusMessage {
        let word = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let on: Bool
        switch word {
        case "": on = !presenting
        case "on": on = true
        case "off": on = false
        default:
            return StatusMessage(text("status.needs_argument", ["name": "present", "usage": "present [on|off]"]), isError: true)
        }
        setPresenting(on)
        return StatusMessage(text(on ? "present.on" : "present.off"))
    }
}

extension BarScales {
    /// The names `scale` knows a signed column by: its catalogue key and the short words of
    /// the table's titles.
    static let names: [(name: String, column: GateColumn)] = [
        ("kept", .kept), ("cand", .candidate), ("candidate", .candidate), ("h~", .candidate),
        ("add", .added), ("added", .added), ("new", .newState), ("new_state", .newState), ("h'", .newState),
    ]

    /// The names, for a message.
    static var columnNames: String { "kept, cand, add, new" }

    /// The signed column a word names, if any.
    static func column(named word: String) -> GateColumn? {
        let lowered = word.lowercased()
        return names.first { $0.name == lowered }?.column
    }
}
