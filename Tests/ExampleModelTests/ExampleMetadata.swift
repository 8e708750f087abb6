import Foundation
import Script

/// The tests read model.toml with gruscope's own parser (`ExampleModel`, Sources/Script).
typealias ExampleMetadata = ExampleModel

extension ExampleModel {
    /// A model.toml from disk, named as `folder/model.toml` in messages.
    init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        self = try ExampleModel.parse(text, file: file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent)
    }
}
