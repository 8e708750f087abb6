import Foundation
import GRUCore
import Testing
@testable import WeightFiles

/// The framework and the GRU are recognised from the names real exports write.
@Suite struct ArrayNameTests {
    @Test func tensorFlowNamesWithScopeAndVariableIndex() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("tf-prefixed.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("tf-seed-code")))
        #expect(loaded.prefix == "rnn/gru_cell")
        #expect(loaded.arrayNames == [
            "rnn/gru_cell/gates/kernel:0", "rnn/gru_cell/gates/bias:0",
            "rnn/gru_cell/candidate/kernel:0", "rnn/gru_cell/candidate/bias:0",
        ])
    }

    @Test(arguments: ["tf-old-names.npz", "tf-old-names.json"])
    func olderTensorFlowWeightsAndBiasesNames(_ file: String) throws {
        let loaded = try WeightFile.load(path: Fixtures.weights(file))
        #expect(loaded.weights == (try Fixtures.goldenWeights("tf-seed-code")))
        #expect(loaded.arrayNames == ["gates/weights", "gates/biases", "candidate/weights", "candidate/biases"])
    }

    /// An nn.GRU state dict beside a Linear layer and an int64 counter, which are ignored.
    @Test func pyTorchLayerZeroNamesAmongOtherArrays() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("pytorch-gru-l0.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
        #expect(loaded.prefix == "gru")
        #expect(loaded.arrayNames == ["gru.weight_ih_l0", "gru.weight_hh_l0", "gru.bias_ih_l0", "gru.bias_hh_l0"])
        #expect(loaded.otherLayers.isEmpty)
    }

    @Test func pyTorchCellNamesWithoutVariantAreDetected() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("pytorch-cell.json"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
        #expect(loaded.prefix == "cell")
        #expect(loaded.weights.variant == .pytorch)
    }

    @Test func kerasVariableNames() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("keras-prefixed.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("keras-reset-after")))
        #expect(loaded.weights.resetAfter)
        #expect(loaded.prefix == "gru")
    }

    @Test func kerasModelLayerNamesWithResetAfterFalse() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("keras-layers.json"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("keras-reset-before")))
        #expect(!loaded.weights.resetAfter)
        #expect(loaded.prefix == "model.layers.0.cell")
    }

    @Test func severalGRUsWithoutPrefixAreListed() {
        let path = Fixtures.weights("two-grus.npz")
        #expect(Fixtures.failure(path) == "\(path): it holds 2 GRUs: 'encoder.gru', 'decoder.gru'; "
            + "pass --prefix P to pick one, e.g. --prefix encoder.gru (gruscope weights \(path) lists every GRU in it)")
    }

    @Test(arguments: ["encoder.gru", "encoder.gru.", "enc"])
    func prefixPicksOneGRU(_ prefix: String) throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("two-grus.npz"), prefix: prefix)
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
        #expect(loaded.prefix == "encoder.gru")
        #expect(loaded.arrayNames.first == "encoder.gru.weight_ih_l0")
    }

    @Test func prefixPicksTheOtherGRU() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("two-grus.npz"), prefix: "decoder.gru")
        #expect(loaded.prefix == "decoder.gru")
        #expect(loaded.weights.inputSize == 8 && loaded.weights.hiddenSize == 8)
    }

    @Test func unknownPrefixListsTheGRUs() {
        let path = Fixtures.weights("two-grus.npz")
        #expect(Fixtures.failure(path, prefix: "attention")
            == "\(path): no GRU has the prefix 'attention'; the GRUs here: 'encoder.gru', 'decoder.gru'"
            + " (gruscope weights \(path) lists every GRU in it)")
    }

    @Test func ambiguousPrefixAsksForMore() throws {
        let directory = try TemporaryDirectory()
        let rows = "[[0.1], [0.2], [0.3]]", column = "[0.1, 0.2, 0.3]"
        func gru(_ prefix: String) -> String {
            """
            "\(prefix).weight_ih": \(rows), "\(prefix).weight_hh": \(rows),
            "\(prefix).bias_ih": \(column), "\(prefix).bias_hh": \(column)
            """
        }
        let path = try directory.write("pair.json", "{\(gru("gru1")), \(gru("gru2"))}")
        #expect(Fixtures.failure(path, prefix: "gru")
            == "\(path): the prefix 'gru' fits 2 GRUs: 'gru1', 'gru2'; pass a longer --prefix"
            + " (gruscope weights \(path) lists every GRU in it)")
        #expect(try WeightFile.load(path: path, prefix: "gru2").arrayNames.first == "gru2.weight_ih")
    }

    @Test func pyTorchLayersBeyondZeroAreSkippedForLayerZero() throws {
        let loaded = try WeightFile.load(path: Fixtures.weights("pytorch-two-layers.npz"))
        #expect(loaded.weights == (try Fixtures.goldenWeights("pytorch-seq")))
        #expect(loaded.arrayNames == ["gru.weight_ih_l0", "gru.weight_hh_l0", "gru.bias_ih_l0", "gru.bias_hh_l0"])
        #expect(loaded.otherLayers == ["layer 1", "layer 0 (reverse)"], "the layers left out are named, not dropped in silence")
    }

    /// A GRU with one cell shows that cell, whatever its layer; asking for another names what there is.
    @Test func aLoneLaterLayerIsShownAndOthersAreNamed() throws {
        let path = Fixtures.weights("pytorch-layer1-only.npz")
        let loaded = try WeightFile.load(path: path)
        #expect(loaded.cell.layer == 1 && loaded.prefix == "rnn" && loaded.otherCells.isEmpty)
        #expect(Fixtures.failure(path, selection: CellSelection(layer: 0)) == "\(path): the GRU 'rnn' has no layer 0; "
            + "it has 'layer 1'; choose with --layer N and --direction forward|reverse (gruscope weights \(path) lists every GRU in it)")
    }

    @Test func twoNamesForOneRoleAreRefused() throws {
        let directory = try TemporaryDirectory()
        let golden = try String(contentsOfFile: Fixtures.golden("tf-seed-code.weights.json"), encoding: .utf8)
        let doubled = golden.replacingOccurrences(
            of: "\"gates/bias\"", with: "\"gates/biases\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], \"gates/bias\"")
        let path = try directory.write("doubled.json", doubled)
        #expect(Fixtures.failure(path) == "\(path): the arrays 'gates/biases', 'gates/bias' all fit gates/bias "
            + "of the TensorFlow GRUCell without a prefix; keep only one")
    }

    @Test func noGRUNamesAtAll() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("other.json", #"{"fc.weight": [[1, 2]], "fc.bias": [0]}"#)
        #expect(Fixtures.failure(path) == "\(path): no GRU weights found among its arrays ('fc.weight', 'fc.bias'); "
            + "gruscope reads a TensorFlow GRUCell (gates/kernel, gates/bias, candidate/kernel and candidate/bias), "
            + "a Keras GRU (kernel, recurrent_kernel and bias) or a PyTorch GRU (weight_ih, weight_hh, bias_ih and bias_hh)")
    }

    @Test func kerasMissingRecurrentKernelIsNamed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            "keras.json", #"{"gru/gru_cell/kernel:0": [[1, 2, 3]], "gru/gru_cell/bias:0": [0, 0, 0]}"#)
        #expect(Fixtures.failure(path) == "\(path): array 'gru/gru_cell/recurrent_kernel' is missing: a Keras GRU "
            + "needs kernel, recurrent_kernel and bias; found 'gru/gru_cell/kernel:0', 'gru/gru_cell/bias:0'")
    }

    @Test func stated_variantMustMatchTheNames() throws {
        let directory = try TemporaryDirectory()
        let golden = try String(contentsOfFile: Fixtures.golden("pytorch-seq.weights.json"), encoding: .utf8)
        let path = try directory.write("mislabelled.json", golden.replacingOccurrences(of: "\"pytorch\"", with: "\"keras\""))
        #expect(Fixtures.failure(path) == "\(path): it says \"variant\": \"keras\" but holds no Keras GRU arrays "
            + "(kernel, recurrent_kernel and bias); found 'weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'")
    }

    @Test func nameMatchingReadsPrefixesAndSuffixes() {
        func readings(_ name: String) -> [String] {
            GRUNameMatch.matches(for: name, stripNPY: true)
                .map { "\($0.role.canonicalName)|\($0.prefix)|\($0.layer)\($0.reverse ? "r" : "")" }
        }
        #expect(readings("rnn/gru_cell/gates/kernel:0")
            == ["gates/kernel|rnn/gru_cell/|0", "kernel|rnn/gru_cell/gates/|0"])
        #expect(readings("gru.weight_ih_l0.npy") == ["weight_ih|gru.|0"])
        #expect(readings("gru.weight_hh_l2_reverse") == ["weight_hh|gru.|2r"])
        #expect(readings("cell.weight_hh") == ["weight_hh|cell.|0"])
        #expect(readings("gates/weights") == ["gates/kernel||0"])
        #expect(readings("model.layers.0.cell.recurrent_kernel") == ["recurrent_kernel|model.layers.0.cell.|0"])
        #expect(readings("bidirectional/backward_gru/gru_cell/kernel:0") == ["kernel|bidirectional/backward_gru/gru_cell/|0r"])
        #expect(readings("layer_with_weights-0/cell/kernel/.ATTRIBUTES/VARIABLE_VALUE") == ["kernel|layer_with_weights-0/cell/|0"])
        #expect(readings("gru.weight_ih_l9999999999").isEmpty, "a layer number past nine digits is not a layer")
        #expect(readings("my_kernel").isEmpty)
        #expect(readings("weight_ihx").isEmpty)
    }
}
