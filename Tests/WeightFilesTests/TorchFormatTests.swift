import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Files saved by PyTorch, safetensors and numpy themselves (scripts/make-torch-fixtures.py):
/// every cell of every file reproduces PyTorch's own h at every step to 1e-5.
@Suite struct TorchFormatTests {
    static let models = Fixtures.root.appendingPathComponent("models")

    /// The fixtures with a framework trace, by file name.
    static let traced = [
        "torch-stacked-bi.pth", "torch-stacked-bi-legacy.pt", "torch-stacked-bi-protocol4.pt", "torch-checkpoint.pt",
        "torch-nobias.pth", "torch-cell.pt", "torch-half.pt", "torch-bfloat16.pt", "torch-float64.pt", "torch-views.pt",
        "st-stacked-bi.safetensors", "st-nobias.safetensors", "npz-stacked-bi.npz", "npz-nobias.npz",
    ]

    static func model(_ name: String) -> String { models.appendingPathComponent(name).path }

    @Test(arguments: traced)
    func everyCellMatchesPyTorch(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.model(name + ".trace.json")))
        let trace = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(trace["cells"] as? [[String: Any]])
        let catalogue = try WeightFile.catalogue(path: Self.model(name))
        #expect(catalogue.infos.count == cells.count, "\(name): every cell is listed")
        for expected in cells {
            let prefix = expected["prefix"] as? String
            let layer = try #require(expected["layer"] as? Int)
            let direction = try #require(CellDirection(rawValue: expected["direction"] as? String ?? ""))
            let what = "\(name) \(prefix ?? "-") layer \(layer) \(direction)"
            let loaded = try WeightFile.load(
                path: Self.model(name), selection: CellSelection(prefix: prefix, layer: layer, direction: direction))
            #expect(loaded.cell.layer == layer && loaded.cell.direction == direction && loaded.prefix == prefix, "\(what)")
            #expect(loaded.weights.inputSize == expected["input_size"] as? Int, "\(what)")
            #expect(loaded.weights.hiddenSize == expected["hidden_size"] as? Int, "\(what)")
            #expect(loaded.weights.resetAfter == expected["reset_after"] as? Bool, "\(what)")
            #expect(loaded.hasBiases == expected["biases"] as? Bool, "\(what)")
            #expect(loaded.otherCells.count == cells.filter { ($0["prefix"] as? String) == prefix }.count - 1)
            var cell = GRUCell(weights: loaded.weights)
            var state = GoldenWeightFileTests.flat(expected["h0"])
            let xs = try #require(expected["x"] as? [[Double]])
            let hs = try #require(expected["h"] as? [[Double]])
            #expect(!xs.isEmpty && xs.count == hs.count)
            for (t, (x, want)) in zip(xs, hs).enumerated() {
                state = cell.step(x: x.map(Float.init), h: state).h
                for (k, (a, b)) in zip(state, want).enumerated() {
                    #expect(abs(Double(a) - b) <= 1e-5 * max(1, abs(b)), "\(what) step \(t) h[\(k)]: \(a) vs \(b)")
                }
            }
        }
    }

    @Test func theFormatIsToldByContentNotByName() throws {
        let directory = try TemporaryDirectory()
        for (name, format) in [
            ("torch-stacked-bi.pth", WeightFormat.pytorchZip), ("torch-stacked-bi-legacy.pt", .pytorchLegacy),
            ("st-nobias.safetensors", .safetensors), ("npz-nobias.npz", .npz),
        ] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.model(name))))
            let renamed = try directory.write("weights.json", bytes: bytes)
            #expect(try WeightFile.catalogue(path: renamed).format == format, "\(name)")
        }
    }

    @Test func theCatalogueListsEveryCell() throws {
        let infos = try WeightFile.catalogue(path: Self.model("torch-stacked-bi.pth")).infos
        #expect(infos.map(\.layerText) == ["layer 0", "layer 0 (reverse)", "layer 1", "layer 1 (reverse)"])
        #expect(infos.allSatisfy { $0.name == "gru" && $0.convention == "pytorch" && $0.hasBiases && $0.dtype == "float32" })
        #expect(infos.map(\.inputSize) == [3, 3, 8, 8] && infos.allSatisfy { $0.hiddenSize == 4 })
        let half = try WeightFile.catalogue(path: Self.model("torch-half.pt")).infos
        #expect(half.allSatisfy { $0.dtype == "float16" })
        let bare = try WeightFile.catalogue(path: Self.model("torch-nobias.pth")).infos
        #expect(bare.allSatisfy { !$0.hasBiases && $0.name == nil })
    }

    @Test func noBiasesIsSaidWhereTheCellIsNamed() throws {
        let loaded = try WeightFile.load(path: Self.model("torch-nobias.pth"), selection: CellSelection(layer: 1))
        #expect(loaded.cell.label == "layer 1, no biases")
        #expect(loaded.weights.inputBias.allSatisfy { $0 == 0 } && loaded.weights.recurrentBias.allSatisfy { $0 == 0 })
    }

    @Test func aMissingLayerOrDirectionNamesWhatThereIs() {
        let path = Self.model("torch-stacked-bi.pth")
        #expect(Fixtures.failure(path, selection: CellSelection(layer: 2)) == "\(path): the GRU 'gru' has no layer 2; "
            + "it has 'layer 0', 'layer 0 (reverse)', 'layer 1', 'layer 1 (reverse)'; choose with --layer N and "
            + "--direction forward|reverse (gruscope weights \(path) lists every GRU in it)")
        let cell = Self.model("torch-cell.pt")
        #expect(Fixtures.failure(cell, selection: CellSelection(direction: .reverse)).hasPrefix(
            "\(cell): the GRU without a prefix has no layer 0 in the reverse direction; it has 'layer 0'"))
    }

    @Test func aPrefixThatEndsAListedOneIsSuggested() {
        let path = Self.model("torch-checkpoint.pt")
        #expect(Fixtures.failure(path, prefix: "gru") == "\(path): no GRU has the prefix 'gru'; did you mean --prefix "
            + "model.gru? (gruscope weights \(path) lists every GRU in it)")
        #expect(Fixtures.failure(path, prefix: "rnn").hasPrefix("\(path): no GRU has the prefix 'rnn'; the GRUs here: 'model.gru'"))
    }

    @Test func anLSTMIsNamedAsOne() {
        let path = Self.model("torch-lstm.pth")
        #expect(Fixtures.failure(path) == "\(path): array 'weight_hh_l0' has shape 16×4: 4H×H (H=4) looks like an LSTM "
            + "(four gates); gruscope shows GRUs (three blocks, 3H)")
    }

    @Test func positionalNamesAskToSaveByName() {
        let path = Self.model("npz-positional.npz")
        #expect(Fixtures.failure(path) == "\(path): its arrays are named by position ('arr_0', 'arr_1', 'arr_2'), as "
            + "np.savez(f, *arrays) saves them, so gruscope cannot tell which is which; save them by name, e.g. for "
            + "Keras: kernel, recurrent_kernel, bias = layer.get_weights(); np.savez(\"gru.npz\", kernel=kernel, "
            + "recurrent_kernel=recurrent_kernel, bias=bias)")
    }
}
