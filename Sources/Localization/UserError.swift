/// A mistake the user made (in a command, an option, a lesson or an input file), as a typed
/// value: the ``Message`` that says what was wrong and what was expected, not yet put into a
/// language. Whoever shows it picks the language (`error.message(in: .zh)`); ``message`` is the
/// English text, as stderr and scripts get it.
///
/// The message is one line without the `error:` prefix, which the host adds. Mistakes a student
/// makes on the screen or in the repl carry a catalogue key (under `error.`) and are said in
/// the class's language; problems in weight files and command-line options, which the teacher
/// meets before class, are fixed English texts.
public struct UserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What to say.
    public let text: Message

    /// An error with a fixed English message (file problems, command-line options).
    public init(_ english: String) {
        text = Message(english: english)
    }

    /// An error the catalogues word: `key` is the whole key, e.g. `error.script.count`.
    public init(key: String, _ arguments: [String: String] = [:]) {
        text = Message(key: key, arguments)
    }

    /// An error the catalogues word, with values that may be messages themselves.
    public init(key: String, values: [String: Message.Value]) {
        text = Message(key: key, values: values)
    }

    /// An error saying a message.
    public init(_ text: Message) {
        self.text = text
    }

    /// The catalogue key, or nil for a fixed English message.
    public var key: String? { text.key }

    /// The message in English.
    public var message: String { text.text(in: .en) }

    /// The message in a language.
    public func message(in language: Language) -> String { text.text(in: language) }

    public var description: String { message }

    /// Equal when they say the same thing (in English).
    public static func == (lhs: UserError, rhs: UserError) -> Bool {
        lhs.message == rhs.message
    }
}

extension Language {
    /// A user's mistake in this language.
    public func message(of error: UserError) -> String {
        error.message(in: self)
    }
}
