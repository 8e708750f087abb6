import App
import Foundation
import GRUCore
import Localization
import Script
import Teaching
import TerminalInput
import Testing
import Themes
@testable import WeightFiles
@testable import Widgets

/// The README's "Limits" table says what the limits in the code are: each row naming a constant
/// states its value, and every limit constant has a row. A limit lives in the code; the table
/// only says it.
@Suite struct LimitsTableTests {
    /// Every limit constant, by the name the table uses.
    static let constants: [String: Int] = [
        "WeightFile.maximumFileSize": WeightFile.maximumFileSize,
        "WeightFile.maximumUnpackedSize": WeightFile.maximumUnpackedSize,
        "NPYDecoder.maximumHeaderLength": NPYDecoder.maximumHeaderLength,
        "JSONReader.maximumDepth": JSONReader.maximumDepth,
        "TOMLParser.deepestNesting": TOMLParser.deepestNesting,
        "SafetensorsFile.maximumHeaderLength": SafetensorsFile.maximumHeaderLength,
        "TorchStateDict.maximumNesting": TorchStateDict.maximumNesting,
        "RestrictedUnpickler.maximumNameLength": RestrictedUnpickler.maximumNameLength,
        "GRUSizeLimits.maximumInputSize": GRUSizeLimits.maximumInputSize,
        "GRUSizeLimits.maximumHiddenSize": GRUSizeLimits.maximumHiddenSize,
        "GRUSizeLimits.maximumPackedBytes": GRUSizeLimits.maximumPackedBytes,
        "InputsFile.largestFileSize": InputsFile.largestFileSize,
        "UserFiles.largestLessonFile": UserFiles.largestLessonFile,
        "LessonLibrary.mostUserLessons": LessonLibrary.mostUserLessons,
        "CommandWords.longestLine": CommandWords.longestLine,
        "Session.largestStepCount": Session.largestStepCount,
        "Session.largestRandomSize": Session.largestRandomSize,
        "SessionHistory.maximumEntries": SessionHistory.maximumEntries,
        "SessionHistory.maximumBytes": SessionHistory.maximumBytes,
        "AppState.commandHistoryLines": AppState.commandHistoryLines,
        "AppState.commandHistoryBytes": AppState.commandHistoryBytes,
        "SessionFile.largestFileSize": SessionFile.largestFileSize,
        "SessionFile.largestInlineValues": SessionFile.largestInlineValues,
        "SessionView.maximumOptions": SessionView.maximumOptions,
        "SessionView.longestText": SessionView.longestText,
        "ExampleModel.largestFileSize": ExampleModel.largestFileSize,
        "ExampleModel.largestList": ExampleModel.largestList,
        "InputsFile.largestArchiveSize": InputsFile.largestArchiveSize,
        "GRUSequence.maximumSteps": GRUSequence.maximumSteps,
        "GRUSequence.maximumStoredValues": GRUSequence.maximumStoredValues,
        "GRUSequence.maximumInfluenceSteps": GRUSequence.maximumInfluenceSteps,
        "Theme.maximumFileSize": Theme.maximumFileSize,
        "EditBuffer.maximumCount": EditBuffer.maximumCount,
        "ProtobufBudget.maximumMessages": ProtobufBudget.maximumMessages,
        "ProtobufBudget.maximumDepth": ProtobufBudget.maximumDepth,
        "StoredArrayLimits.maximumRank": StoredArrayLimits.maximumRank,
        "HDF5File.maximumObjects": HDF5File.maximumObjects,
        "HDF5File.maximumDepth": HDF5File.maximumDepth,
        "HDF5File.maximumNameBytes": HDF5File.maximumNameBytes,
        "HDF5File.maximumStringBytes": HDF5File.maximumStringBytes,
        "HDF5File.structureReadsPerByte": HDF5File.structureReadsPerByte,
        "HDF5File.structureAllowance": HDF5File.structureAllowance,
        "PythonLiteral.maximumDepth": PythonLiteral.maximumDepth,
        "ONNXModel.maximumChainSearch": ONNXModel.maximumChainSearch,
        "Lesson.maximumSteps": Lesson.maximumSteps,
        "BarScales.maximum": Int(BarScales.maximum),
        "AsciicastRecording.maximumBytes": AsciicastRecording.maximumBytes,
        "KeyDecoder.longestSequence": KeyDecoder.longestSequence,
        "ClusterTable.maximumScalars": ClusterTable.maximumScalars,
        "ClusterTable.capacity": ClusterTable.capacity,
    ]

    /// The limits that are magnitudes rather than counts, written in the table as ±1eN.
    static let magnitudes: [String: Float] = [
        "NumberList.largestMagnitude": NumberList.largestMagnitude,
    ]

    /// The table's rows: the limit cell and the constant cell.
    static func rows() throws -> [(limit: String, constant: String)] {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "\n## Limits\n"))
        let section = text[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n")
            .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| what") && !$0.hasPrefix("| ---") }
            .map { line in
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                return (cells.count > 3 ? cells[2] : "", cells.count > 3 ? cells[3] : "")
            }
    }

    /// The first number written in a cell, with its thousands separated by spaces.
    static func number(in cell: String) -> Int? {
        let digits = cell.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == " " }
        return Int(digits.filter(\.isNumber))
    }

    @Test func everyRowWithAConstantStatesItsValue() throws {
        let rows = try Self.rows()
        #expect(rows.count >= Self.constants.count)
        for row in rows where row.constant.hasPrefix("`") {
            let name = row.constant.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            if let magnitude = Self.magnitudes[name] {
                let written = row.limit.split(separator: " ").first.map { Float($0.drop { $0 == "±" }) } ?? nil
                #expect(written == magnitude, "\(name) is ±\(magnitude), the table says \(row.limit)")
                continue
            }
            let value = try #require(Self.constants[name], "the table names \(name), which this test does not know")
            #expect(Self.number(in: row.limit) == value, "\(name) is \(value), the table says \(row.limit)")
        }
    }

    /// No row stands for a limit the code does not have yet.
    @Test func everyRowNamesAConstant() throws {
        for row in try Self.rows() {
            #expect(row.constant.hasPrefix("`") && row.constant.hasSuffix("`"), "the row '\(row.limit)' names no constant")
        }
    }

    @Test func everyLimitConstantHasARow() throws {
        let named = Set(try Self.rows().map { $0.constant.trimmingCharacters(in: CharacterSet(charactersIn: "`")) })
        for name in Array(Self.constants.keys) + Array(Self.magnitudes.keys) {
            #expect(named.contains(name), "\(name) has no row in the README's limits table")
        }
    }
}
