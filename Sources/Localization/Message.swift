/// A text the user will read, before it is put into a language: the catalogue key of its
/// sentence and the values of its placeholders, or a fixed English text (for what only the
/// teacher meets: weight files, command-line options).
///
/// Values are plain strings (numbers, names, what the user typed) or other messages, so that a
/// message can quote another (`lessons/x.toml step 2 (frobnicate 3): unknown command …`) and the
/// whole is said in one language when it is shown. Plain values have every control character
/// escaped when they are put in (see ``EchoText``): nothing a user or a file typed can reach the
/// terminal as a control sequence.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// What fills one placeholder.
    public enum Value: Sendable, Hashable {
        /// A value as it is (escaped when put in).
        case plain(String)
        /// Another message, said in the same language.
        case message(Message)
    }

    private enum Content: Sendable, Hashable {
        case catalogue(key: String, arguments: [String: Value])
        case english(String)
    }

    private let content: Content

    /// The sentence under `key` in the catalogues, with plain values for its placeholders.
    public init(key: String, _ arguments: [String: String] = [:]) {
        content = .catalogue(key: key, arguments: arguments.mapValues { .plain($0) })
    }

    /// The sentence under `key`, with values that may be messages themselves.
    public init(key: String, values: [String: Value]) {
        content = .catalogue(key: key, arguments: values)
    }

    /// A fixed English text that no catalogue translates.
    public init(english: String) {
        content = .english(english)
    }

    /// The catalogue key, or nil for a fixed English text.
    public var key: String? {
        if case let .catalogue(key, _) = content { return key }
        return nil
    }

    /// The values of the placeholders (empty for a fixed English text).
    public var arguments: [String: Value] {
        if case let .catalogue(_, arguments) = content { return arguments }
        return [:]
    }

    /// The message in a language: the catalogue's sentence with its placeholders filled (the
    /// English one when the language lacks the key), control characters of values escaped.
    public func text(in language: Language) -> String {
        switch content {
        case let .english(text):
            return EchoText.escaped(text)
        case let .catalogue(key, arguments):
            var filled: [String: String] = [:]
            for (name, value) in arguments {
                switch value {
                case let .plain(text): filled[name] = EchoText.escaped(text)
                case let .message(inner): filled[name] = inner.text(in: language)
                }
            }
            return language.text(key, filled)
        }
    }

    /// The English text.
    public var description: String { text(in: .en) }
}

extension Message.Value: ExpressibleByStringLiteral {
    /// A literal is a plain value.
    public init(stringLiteral value: String) {
        self = .plain(value)
    }
}
