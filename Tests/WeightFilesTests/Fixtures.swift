import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Where the fixtures are, and small helpers the weight-file tests share.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A golden file, e.g. `golden("tf-seq.weights.npz")`.
    static func golden(_ name: String) -> String {
        root.appendingPathComponent("golden").appendingPathComponent(name).path
    }

    /// A fixture written by scripts/make-weight-fixtures.py.
    static func weights(_ name: String) -> String {
        root.appendingPathComponent("weights").appendingPathComponent(name).path
    }

    /// A model file written by scripts/make-model-fixtures.py (or a hostile one).
    static func models(_ name: String) -> String {
        root.appendingPathComponent("models").appendingPathComponent(name).path
    }

    /// The message of a load that must fail (or a marker that makes the expectation fail).
    static func failure(_ path: String, prefix: String? = nil) -> String {
        failure(path, selection: CellSelection(prefix: prefix))
    }

    /// The message of a load of one cell that must fail.
    static func failure(_ path: String, selection: CellSelection) -> String {
        do {
            let loaded = try WeightFile.load(path: path, selection: selection)
            return "<loaded \(loaded.weights.variant.rawValue) without an error>"
        } catch {
            return error.message
        }
    }

    /// The canonical weights of a golden case, loaded from its .npz.
    static func goldenWeights(_ name: String) throws -> GRUWeights {
        try WeightFile.load(path: golden("\(name).weights.npz")).weights
    }
}

/// A directory of its own for files a test writes, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gruscope-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to a file called `name` and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Writes bytes to a file called `name` and returns its path.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }
}
