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
/// The readers (JSON, .npy, zip, pickle) report in terms of the file's contents; ``WeightFile``
/// adds the file name and turns this into a ``WeightFileError``.
struct FileProblem: Error, Equatable {
    /// The 1-based line of a text file where the problem is, when there is one.
    var line: Int?
    /// What is wrong and what to do, without the file name.
    var text: String
    /// Whether the message ends by pointing to `gruscope weights FILE`, which lists every cell.
    var pointsToListing = false

    init(line: Int? = nil, _ text: String, listing: Bool = false) {
        self.line = line
        self.text = text
        self.pointsToListing = listing
    }

    /// The user's message for a file called `file`.
    func message(file: String) -> String {
        let place = line.map { "\(file) line \($0)" } ?? file
        let listing = pointsToListing ? " (gruscope weights \(Self.shellWord(file)) lists every GRU in it)" : ""
        return "\(place): \(OneLine.clean(text))\(listing)"
    }

    /// A path as a shell word a user can paste: quoted when it holds anything but plain characters.
    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/._-+,:@%".unicodeScalars.contains(scalar)
        }
        if plain && !path.isEmpty { return OneLine.clean(path) }
        return "'" + OneLine.clean(path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")) + "'"
    }
}
