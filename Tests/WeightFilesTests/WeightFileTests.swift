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

/// Issue 10's unclear or silently different messages, each reproduced.
@Suite struct WeightFileMessageTests {
    @Test func aSystemErrorSaysWhyAndWhatToCheck() {
        #expect(WeightFile.unreadable(EACCES).text
            == "cannot read it: Permission denied; check the permissions of the file and of its folders (ls -l)")
        #expect(WeightFile.unreadable(EIO).text == "cannot read it: Input/output error")
    }

    @Test func aRepeatedKeyInAnNPYHeaderIsRefused() throws {
        let directory = try TemporaryDirectory()
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1), 'shape': (1, 3), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let npy: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0] + TestZip.le16(header.utf8.count) + Array(header.utf8)
            + [UInt8](repeating: 0, count: 12)
        let path = try directory.write("twice.npz", bytes: TestZip.stored([
            ("weight_ih.npy", npy), ("weight_hh.npy", TestZip.npy(shape: [3, 1])),
        ]))
        #expect(Fixtures.failure(path) == "\(path): array 'weight_ih' has the key 'shape' twice in its .npy header, "
            + "which numpy and gruscope would read differently; save the array again with numpy")
    }

    @Test func aJSONKeyThatIsNotUTF8IsRefused() throws {
        let directory = try TemporaryDirectory()
        let bytes = Array("{\"weight_ih\": [[1], [2], [3]],\n \"weight_".utf8) + [0xFF] + Array("hh\": [[1], [2], [3]]}".utf8)
        let path = try directory.write("latin.json", bytes: bytes)
        #expect(Fixtures.failure(path) == "\(path) line 2: a string holds bytes that are not UTF-8 ('weight_\u{FFFD}hh'); "
            + "save the file as UTF-8")
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF], []])
    func utf16JSONIsNamedAsSuch(_ mark: [UInt8]) throws {
        let directory = try TemporaryDirectory()
        let text = "{\"weight_ih\": [[1]]}"
        let units = mark == [0xFE, 0xFF]
            ? text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            : text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try directory.write("utf16.json", bytes: mark + units)
        let shown = (mark.isEmpty ? [0x7B, 0x00] : mark).map { String(format: "%02X", $0) }.joined(separator: " ")
        #expect(Fixtures.failure(path) == "\(path): this JSON file is in UTF-16 (it starts with bytes \(shown)); gruscope "
            + "reads UTF-8: save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 in.json > out.json")
    }

    @Test func aTensorFlowCheckpointIsNamedWithTheLineThatConvertsIt() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("model.ckpt.data-00000-of-00001", bytes: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let prefix = String(path.dropLast(".data-00000-of-00001".count))
        #expect(Fixtures.failure(path) == "\(path): this is a TensorFlow checkpoint, which gruscope does not read; convert "
            + "it in Python: import tensorflow as tf, numpy as np; r = tf.train.load_checkpoint(\"\(prefix)\"); "
            + "np.savez(\"gru.npz\", **{k: r.get_tensor(k) for k in r.get_variable_to_shape_map()})")
    }
}
