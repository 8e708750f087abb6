import Foundation
import Testing

/// `gruscope weights FILE` and the cell options, run as a user runs them.
@Suite struct WeightsCommandTests {
    static func model(_ name: String) -> String {
        BuiltBinary.fixtures.appendingPathComponent("models/\(name)").path
    }

    @Test func listsEveryCellAsText() throws {
        let path = Self.model("torch-stacked-bi.pth")
        let run = try BuiltBinary.run(["weights", path])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == """
            \(path): PyTorch torch.save archive, 4 GRU cells
              prefix  layer  direction  I  H  convention  biases  dtype
              gru     0      forward    3  4  pytorch     yes     float32
              gru     0      reverse    3  4  pytorch     yes     float32
              gru     1      forward    8  4  pytorch     yes     float32
              gru     1      reverse    8  4  pytorch     yes     float32
            show one: gruscope --weights \(path) --layer 1 --direction reverse

            """)
    }

    @Test func helpListsEveryFormatReadAndRefused() throws {
        let run = try BuiltBinary.run(["weights", "--help"])
        #expect(run.status == 0)
        // Lines wrap to the terminal's width: compare with white space folded.
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for read in ["PyTorch .pt/.pth/.bin torch.save(model.state_dict(), \"m.pth\")", "legacy PyTorch pickles", "NumPy .npz",
                     "JSON", "ONNX torch.onnx.export", "HDF5 .h5/.weights.h5 model.save_weights", "tf_keras .h5",
                     "Keras .keras model.save(\"m.keras\")", "safetensors"] {
            #expect(help.contains(read), "\(read)")
        }
        for refused in ["TensorFlow checkpoints .index and .data-* files; convert them in Python: import tensorflow as tf",
                        "TorchScript archives torch.save(torch.jit.load", "a single .npy array read by --inputs"] {
            #expect(help.contains(refused), "\(refused)")
        }
        let main = try BuiltBinary.run(["screen", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(main.contains("ONNX") && main.contains("safetensors") && main.contains("gruscope weights --help"))
    }

    @Test func listsEveryCellAsJSON() throws {
        let run = try BuiltBinary.run(["weights", Self.model("st-nobias.safetensors"), "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "safetensors")
        let cells = try #require(document["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        #expect(cells.map { $0["layer"] as? Int } == [0, 1])
        #expect(cells.allSatisfy { $0["biases"] as? Bool == false && $0["hidden_size"] as? Int == 4 && $0["dtype"] as? String == "float32" })
        #expect(cells.map { $0["input_size"] as? Int } == [3, 4])
        #expect(cells.allSatisfy { $0["prefix"] is NSNull && $0["problem"] is NSNull }, "every key is there, null when empty")
    }

    @Test func layerAndDirectionPickACellEverywhere() throws {
        let path = Self.model("torch-stacked-bi-legacy.pt")
        let trace = try BuiltBinary.run(
            ["trace", "--weights", path, "--layer", "1", "--direction", "reverse", "--x", "1 2 3 4 5 6 7 8", "--format", "json"])
        #expect(trace.status == 0, "\(trace.stderr)")
        #expect(trace.stdout.contains("\"input_size\": 8"))
        #expect(trace.stderr.contains("also holds layer 0, layer 0 (reverse), layer 1 of this GRU; gruscope shows layer 1 (reverse)"))
        let repl = try BuiltBinary.run(["repl"], stdin: "load \(path) layer 1 direction reverse\nquit\n")
        #expect(repl.stdout.hasPrefix("loaded \(path) (gru, layer 1 (reverse)); not shown: layer 0, layer 0 (reverse), layer 1:"))
        let bad = try BuiltBinary.run(["trace", "--weights", path, "--direction", "backwards"])
        #expect(bad.status == 2 && bad.stderr == "error: --direction takes forward or reverse, got 'backwards'\n")
        let missing = try BuiltBinary.run(["trace", "--weights", path, "--layer", "5"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("error: \(path): the GRU 'gru' has no layer 5;"))
        #expect(missing.stderr.hasSuffix("(gruscope weights \(path) lists every GRU in it)\n"))
    }

    @Test func aFileWithNoGRUIsOneErrorLine() throws {
        let path = Self.model("torch-lstm.pth")
        let run = try BuiltBinary.run(["weights", path])
        #expect(run.status == 0, "an LSTM is listed, with why it cannot be shown")
        #expect(run.stdout.contains("looks like an LSTM"))
        let positional = try BuiltBinary.run(["weights", Self.model("npz-positional.npz")])
        #expect(positional.status == 2 && positional.stderr.hasPrefix("error: ") && positional.stderr.filter { $0 == "\n" }.count == 1)
    }
}
