import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// The file itself: missing, not a file, unknown extension; every message one line that starts
/// with the file name.
@Suite struct WeightFileTests {
    @Test func missingFile() {
        #expect(Fixtures.failure("no/such/weights.json") == "no/such/weights.json: no such file")
        #expect(Fixtures.failure("") == ": no such file")
    }

    @Test func directoryIsNotAWeightFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.path
        #expect(Fixtures.failure(path) == "\(path): is a directory, not a weight file")
    }

    @Test func contentDecidesWhenTheExtensionDoesNot() throws {
        let directory = try TemporaryDirectory()
        let npz = try Data(contentsOf: URL(fileURLWithPath: Fixtures.golden("tf-seq.weights.npz")))
        let json = try Data(contentsOf: URL(fileURLWithPath: Fixtures.golden("tf-seq.weights.json")))
        let npzPath = try directory.write("weights.bin", bytes: [UInt8](npz))
        let jsonPath = try directory.write("weights.txt", bytes: [UInt8](json))
        let golden = try Fixtures.goldenWeights("tf-seq")
        #expect(try WeightFile.load(path: npzPath).weights == golden)
        #expect(try WeightFile.load(path: jsonPath).weights == golden)
    }

    @Test func loadedWeightsRememberThePath() throws {
        let path = Fixtures.golden("keras-reset-after.weights.npz")
        let loaded = try WeightFile.load(path: path)
        #expect(loaded.path == path)
        #expect(loaded.arrayNames == ["kernel", "recurrent_kernel", "bias"])
    }

    /// Every refusing fixture gives one line that starts with the file name.
    @Test func everyMessageIsOneLineStartingWithTheFile() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.root.appendingPathComponent("weights").path)
        #expect(names.count > 20)
        for name in names where !name.hasSuffix(".md") {
            let path = Fixtures.weights(name)
            do {
                _ = try WeightFile.load(path: path)
            } catch {
                #expect(error.message.hasPrefix("\(path): ") || error.message.hasPrefix("\(path) line "))
                #expect(!error.message.contains("\n"))
                #expect(error.description == error.message)
            }
        }
    }
}
