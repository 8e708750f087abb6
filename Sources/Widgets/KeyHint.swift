import Localization

/// A key and what it does, as shown on the status line: `q quit`.
public struct KeyHint: Sendable, Hashable {
    /// The key as the user types it, e.g. `"q"`, `"←→"`, `"F1"`.
    public var key: String
    /// What it does, e.g. `"quit"`.
    public var action: String

    /// A hint from its parts.
    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }

    /// Columns the hint takes: key, a space, action.
    public var displayWidth: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(action) }
}
