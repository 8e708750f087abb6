import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// Every cell of every model fixture, loaded from the file the framework saved and stepped
/// through the framework's own states (ONNX Runtime, Keras, tf_keras) to 1e-5.
@Suite struct ModelFileTests {
    /// A fixture's trace file and the model files that hold the same model.
    static let cases: [(trace: String, files: [String])] = [
        ("torch-gru", ["torch-gru.onnx"]),
        ("torch-gru-2layer-bi", ["torch-gru-2layer-bi.onnx"]),
        ("torch-gru-script-nobias", ["torch-gru-script-nobias.onnx"]),
        ("onnx-lbr0-h0", ["onnx-lbr0-h0.onnx"]),
        ("onnx-lbr1-reverse-const", ["onnx-lbr1-reverse-const.onnx"]),
        ("onnx-lbr0-bi", ["onnx-lbr0-bi.onnx"]),
        ("onnx-double", ["onnx-double.onnx"]),
        ("onnx-float16", ["onnx-float16.onnx"]),
        ("onnx-external", ["onnx-external.onnx"]),
        ("keras-reset-after", ["keras-reset-after.keras", "keras-reset-after.weights.h5"]),
        ("keras-reset-before", ["keras-reset-before.keras", "keras-reset-before.weights.h5"]),
        ("keras-nobias", ["keras-nobias.keras"]),
        ("keras-stacked-bi", ["keras-stacked-bi.keras", "keras-stacked-bi.weights.h5", "keras-stacked-bi-latest.weights.h5",
                              "keras-stacked-bi.npz"]),
        ("tfkeras-weights", ["tfkeras-weights.h5"]),
        ("tfkeras-model", ["tfkeras-model.h5"]),
    ]

    struct TraceCell {
        let name: String
        let layer: Int
        let direction: CellDirection
        let resetAfter: Bool
        let biases: Bool
        let inputSize: Int
        let hiddenSize: Int
        let h0: [Float]
        let x: [[Float]]
        let h: [[Float]]
    }

    static func traceCells(_ name: String) throws -> [TraceCell] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.models("\(name).trace.json")))
        let document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(document["cells"] as? [[String: Any]])
        return try cells.map { cell in
            TraceCell(
                name: try #require((cell["node"] ?? cell["layer_name"]) as? String),
                layer: try #require(cell["layer"] as? Int),
                direction: try #require(CellDirection(rawValue: cell["direction"] as? String ?? "")),
                resetAfter: try #require(cell["reset_after"] as? Bool),
                biases: try #require(cell["biases"] as? Bool),
                inputSize: try #require(cell["input_size"] as? Int),
                hiddenSize: try #require(cell["hidden_size"] as? Int),
                h0: floats(cell["h0"]), x: rows(cell["x"]), h: rows(cell["h"]))
        }
    }

    static func floats(_ value: Any?) -> [Float] { (value as? [Double] ?? []).map(Float.init) }
    static func rows(_ value: Any?) -> [[Float]] { (value as? [Any] ?? []).map { floats($0) } }

    static var arguments: [(String, String)] {
        cases.flatMap { entry in entry.files.map { (entry.trace, $0) } }
    }

    @Test(arguments: arguments)
    func everyCellMatchesTheFramework(_ trace: String, _ file: String) throws {
        let cells = try Self.traceCells(trace)
        #expect(!cells.isEmpty)
        // ONNX GRU nodes that feed one another are the layers of one GRU named after the first;
        // each Keras GRU layer is a GRU of its own, picked by name.
        let onnx = file.hasSuffix(".onnx")
        for expected in cells {
            let selection = onnx
                ? CellSelection(layer: expected.layer, direction: expected.direction)
                : CellSelection(prefix: expected.name, direction: expected.direction)
            let loaded = try WeightFile.load(path: Fixtures.models(file), selection: selection)
            let weights = loaded.weights
            #expect(loaded.prefix == (onnx ? cells[0].name : expected.name), "\(file) \(expected.name) \(expected.direction)")
            // Named arrays (np.savez of model.weights) do not say the model's order: a Keras layer there
            // is a GRU of its own, and a Bidirectional's halves its two directions.
            let numbered = !file.hasSuffix(".npz")
            #expect(loaded.cell.layer == (numbered ? expected.layer : 0))
            if !onnx, numbered {
                // A Keras stack's GRU layers are numbered in the model's order: --layer alone picks one.
                let byLayer = try WeightFile.load(
                    path: Fixtures.models(file), selection: CellSelection(layer: expected.layer, direction: expected.direction))
                #expect(byLayer.prefix == expected.name && byLayer.weights == weights, "\(file) --layer \(expected.layer)")
            }
            #expect(weights.inputSize == expected.inputSize && weights.hiddenSize == expected.hiddenSize)
            #expect(weights.resetAfter == expected.resetAfter, "\(file) layer \(expected.layer) \(expected.direction)")
            if !expected.biases {
                #expect(weights.inputBias.allSatisfy { $0 == 0 } && weights.recurrentBias.allSatisfy { $0 == 0 })
            }
            if expected.h0.contains(where: { $0 != 0 }) {
                #expect(loaded.initialState == expected.h0)
            }
            var cell = GRUCell(weights: weights)
            var state = loaded.initialState ?? [Float](repeating: 0, count: expected.hiddenSize)
            #expect(state == expected.h0)
            #expect(expected.x.count == expected.h.count && !expected.x.isEmpty)
            for (t, (x, h)) in zip(expected.x, expected.h).enumerated() {
                state = cell.step(x: x, h: state).h
                let worst = zip(state, h).map { abs($0 - $1) }.max() ?? .infinity
                #expect(worst <= 1e-5, "\(file) layer \(expected.layer) \(expected.direction) step \(t): off by \(worst)")
            }
        }
    }

    @Test func theFirstCellIsShownAndTheOthersNamed() throws {
        let loaded = try WeightFile.load(path: Fixtures.models("torch-gru-2layer-bi.onnx"))
        #expect(loaded.prefix == "node_GRU_79")
        #expect(loaded.otherLayers == ["layer 0 (reverse)", "layer 1", "layer 1 (reverse)"])
        let keras = try WeightFile.load(path: Fixtures.models("keras-stacked-bi.keras"), prefix: "top")
        #expect(keras.prefix == "top" && !keras.weights.resetAfter)
    }

    @Test func kerasLayersAreNumberedInTheStack() throws {
        let keras = try WeightFile.catalogue(path: Fixtures.models("keras-stacked-bi.keras")).infos
        #expect(keras.map(\.name) == ["bi", "bi", "top"] && keras.map(\.layer) == [0, 0, 1])
        let top = try WeightFile.load(path: Fixtures.models("tfkeras-model.h5"), selection: CellSelection(layer: 1))
        #expect(top.prefix == "gru_nobias" && top.otherLayers.isEmpty)
        // Without a configuration the order is the names' order, and a note says so.
        let guessed = try WeightFile.load(path: Fixtures.models("keras-stacked-bi.weights.h5"), selection: CellSelection(layer: 1))
        #expect(guessed.prefix == "top" && guessed.notes.contains { $0.contains("does not say the order of its 2 GRU layers") })
        // A layer no GRU has names what there is.
        let message = Fixtures.failure(Fixtures.models("keras-stacked-bi.keras"), selection: CellSelection(layer: 2))
        #expect(message.contains("it holds 2 GRUs"), "\(message)")
    }

    @Test func aBiasFreeKerasFileWithoutConfigurationSaysWhatItAssumed() throws {
        let loaded = try WeightFile.load(path: Fixtures.models("keras-nobias.weights.h5"))
        #expect(loaded.weights.resetAfter)
        #expect(loaded.notes.count == 1 && loaded.notes[0].contains("reset_after=True (Keras's default) is assumed"))
    }
}
