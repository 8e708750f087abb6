import GRUCore
import Localization

/// A named starting point: sizes, weights, x, h and pinned gates, ready to teach from.
public struct Scene: Sendable, Equatable {
    /// The name used by `--scene` and `scene NAME`.
    public let name: String
    /// One line for listings.
    public let summary: String
    /// The framework convention of its random weights.
    public let variant: GRUVariant
    /// I.
    public let inputSize: Int
    /// H.
    public let hiddenSize: Int
    /// The input vector.
    public let x: [Float]
    /// The starting state.
    public let h: [Float]
    /// Gates fixed by the scene, if any.
    public let pinnedZ: [Float]?

    /// The seed article's program: TensorFlow's GRUCell with I=4, H=5, x=[1,2,3,4], h=0.
    public static let seedCode = Scene(
        name: "seed-code",
        summary: "the article's program: I=4, H=5, x=[1,2,3,4], h=0, default TensorFlow weights",
        variant: .tfGRUCell, inputSize: 4, hiddenSize: 5,
        x: [1, 2, 3, 4], h: [0, 0, 0, 0, 0], pinnedZ: nil)

    /// The seed article's worked example: z stated directly, so kept = z·h = [0.1,0.4,0,0.3,2,0].
    public static let seedDoc = Scene(
        name: "seed-doc",
        summary: "the article's worked example: x=[1,2,3,1], h=[1,2,0,1,4,3], z pinned to [0.1,0.2,0.1,0.3,0.5,0]",
        variant: .tfGRUCell, inputSize: 4, hiddenSize: 6,
        x: [1, 2, 3, 1], h: [1, 2, 0, 1, 4, 3], pinnedZ: [0.1, 0.2, 0.1, 0.3, 0.5, 0.0])

    /// Every built-in scene, the default first.
    public static let all: [Scene] = [seedCode, seedDoc]

    /// The scene used when nothing else is asked for.
    public static let `default` = seedCode

    /// The scene with a name, or an error listing the names there are.
    public static func named(_ name: String) throws(UserError) -> Scene {
        guard let scene = all.first(where: { $0.name == name }) else {
            throw UserError(key: "error.script.scene", ["name": EchoText.printable(name), "names": all.map(\.name).joined(separator: ", ")])
        }
        return scene
    }
}
