import GRUCore
import Localization

/// One stop of a lesson: commands that set the cell up, what to point at, and what to say.
public struct LessonStep: Sendable, Equatable {
    /// Lines of the command language run in order when the step is entered.
    public let commands: [String]
    /// Hidden units to highlight, from 0.
    public let units: [Int]
    /// Table columns to highlight, by the trace field they show.
    public let columns: [TraceField]
    /// The narration per language, with `{placeholders}` (see ``LessonPlaceholder``).
    public let narration: [Language: String]

    /// A step from its parts.
    public init(commands: [String], units: [Int], columns: [TraceField], narration: [Language: String]) {
        self.commands = commands
        self.units = units
        self.columns = columns
        self.narration = narration
    }

    /// The columns a step may highlight: those of the table.
    public static var highlightableColumns: [TraceField] { TraceField.tableColumns }
}
