import ArgumentParser
import Foundation
import Localization
import Script
import WeightFiles

/// `gruscope weights FILE`: every GRU cell a weight file holds, and how to pick one.
struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "List every GRU cell a weight file holds: prefix, layer, direction, sizes, convention, biases, dtype.",
        discussion: """
            The format is told from the file's content, never from its name.

            \(WeightFormat.helpList)

            Pick a cell for the other commands with --weights FILE --prefix P --layer N \
            --direction forward|reverse.

            Examples:
              gruscope weights model.pth
              gruscope weights model.safetensors --format json
            """)

    @Argument(help: ArgumentHelp("The weight file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        guard format == "json" || format == "text" else {
            throw ScriptError("--format takes json or text, got '\(format)'")
        }
        let catalogue: WeightCatalogue
        do {
            catalogue = try WeightFile.catalogue(path: file)
        } catch {
            throw ScriptError(error.message)
        }
        print(format == "json" ? json(catalogue) : text(catalogue), terminator: "")
    }

    /// One row per cell under a header row, then the line that loads one.
    private func text(_ catalogue: WeightCatalogue) -> String {
        let cells = catalogue.infos
        let count = cells.count == 1 ? "1 GRU cell" : "\(cells.count) GRU cells"
        var rows = [["prefix", "layer", "direction", "I", "H", "convention", "biases", "dtype"]]
        var problems: [String] = []
        for cell in cells {
            if let problem = cell.problem {
                problems.append("  \(cell.name ?? "(no prefix)") \(cell.layerText): cannot be loaded: \(problem)")
            }
            rows.append([
                cell.name ?? "(none)", String(cell.layer), cell.direction.rawValue,
                cell.problem == nil ? String(cell.inputSize) : "?", cell.problem == nil ? String(cell.hiddenSize) : "?",
                cell.convention, cell.hasBiases ? "yes" : "none (zero)", cell.dtype,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        var out = "\(file): \(catalogue.format.displayName), \(count)\n"
        for row in rows {
            let padded = zip(row, widths).map { DisplayWidth.padded($0, to: $1) }
            out += "  " + padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        out += problems.map { $0 + "\n" }.joined()
        if let example = cells.last(where: { $0.problem == nil }) {
            var command = "gruscope --weights \(file)"
            if let name = example.name, Set(cells.map(\.name)).count > 1 { command += " --prefix \(name)" }
            if example.layer != 0 { command += " --layer \(example.layer)" }
            if example.direction == .reverse { command += " --direction reverse" }
            out += "show one: \(command)\n"
        }
        return out
    }

    private struct Listing: Encodable {
        let file: String
        let format: String
        let format_name: String
        let cells: [Cell]
    }

    private struct Cell: Encodable {
        let prefix: String?
        let layer: Int
        let direction: String
        let input_size: Int?
        let hidden_size: Int?
        let convention: String
        let variant: String
        let reset_after: Bool
        let biases: Bool
        let dtype: String
        let problem: String?

        private enum CodingKeys: String, CodingKey {
            case prefix, layer, direction, input_size, hidden_size, convention, variant, reset_after, biases, dtype, problem
        }

        /// Every key, with null where there is nothing, so that the document's shape is stable.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(prefix, forKey: .prefix)
            try container.encode(layer, forKey: .layer)
            try container.encode(direction, forKey: .direction)
            try container.encode(input_size, forKey: .input_size)
            try container.encode(hidden_size, forKey: .hidden_size)
            try container.encode(convention, forKey: .convention)
            try container.encode(variant, forKey: .variant)
            try container.encode(reset_after, forKey: .reset_after)
            try container.encode(biases, forKey: .biases)
            try container.encode(dtype, forKey: .dtype)
            try container.encode(problem, forKey: .problem)
        }
    }

    private func json(_ catalogue: WeightCatalogue) -> String {
        let listing = Listing(
            file: file, format: catalogue.format.rawValue, format_name: catalogue.format.displayName,
            cells: catalogue.infos.map { cell in
                Cell(
                    prefix: cell.name, layer: cell.layer, direction: cell.direction.rawValue,
                    input_size: cell.problem == nil ? cell.inputSize : nil,
                    hidden_size: cell.problem == nil ? cell.hiddenSize : nil,
                    convention: cell.convention, variant: cell.variant.rawValue, reset_after: cell.resetAfter,
                    biases: cell.hasBiases, dtype: cell.dtype, problem: cell.problem)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(listing)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
