/// Why a weight file could not be loaded, as one line a user can act on.
///
/// The message starts with the file name as the user gave it (and the line, for JSON), names the
/// array, key or value at fault and says what was expected; the CLI prints it as `error: <message>`.
public struct WeightFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The whole one-line message.
    public let message: String

    /// Wraps a finished message.
    public init(message: String) {
        self.message = message
    }

    /// The message itself.
    public var description: String { message }
}

/// A problem found inside a file before the file's name is known to the code that found it.
///
/// The readers (JSON, .npy, zip) report in terms of the file's contents; ``WeightFile`` adds the
/// file name and turns this into a ``WeightFileError``.
struct FileProblem: Error, Equatable {
    /// The 1-based line of a text file where the problem is, when there is one.
    var line: Int?
    /// What is wrong and what to do, without the file name.
    var text: String

    init(line: Int? = nil, _ text: String) {
        self.line = line
        self.text = text
    }

    /// The user's message for a file called `file`.
    func message(file: String) -> String {
        let place = line.map { "\(file) line \($0)" } ?? file
        return "\(place): \(OneLine.clean(text))"
    }
}
