// Temporary stand-in on main until the WeightFiles branch lands.
import GRUCore

public enum WeightFile {
    public static func load(path: String, prefix: String? = nil) throws(WeightFileError) -> LoadedWeights {
        throw WeightFileError(message: "\(path): weight files are not supported yet")
    }
}

public struct LoadedWeights: Sendable {
    public let weights: GRUWeights
    public let path: String
    public let prefix: String?
}

public struct WeightFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}
