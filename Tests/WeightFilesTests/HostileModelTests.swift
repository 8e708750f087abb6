import Foundation
import Testing
@testable import WeightFiles

/// Broken and hostile model files (scripts/make-hostile-model-fixtures.py): each is refused with
/// one line that names the file and what is wrong, without a crash, a hang or a large allocation.
@Suite struct HostileModelTests {
    static let expectations: [(file: String, says: String)] = [
        ("onnx-truncated.onnx", "the protobuf is cut off at byte"),
        ("onnx-truncated-header.onnx", "the protobuf is cut off at byte"),
        ("onnx-activations.onnx", "uses the activations 'Relu', 'Tanh'; gruscope shows the standard GRU"),
        ("onnx-clip.onnx", "clips its gates' inputs at 3.0 (clip)"),
        ("onnx-int64.onnx", "holds int64 values; gruscope reads float32, float64, float16 and bfloat16"),
        ("onnx-lstm.onnx", "looks like an LSTM: gruscope shows GRUs"),
        ("onnx-direction.onnx", "has direction 'sideways'"),
        ("onnx-absurd-shape.onnx", "says hidden_size = 4 but its W has 3H = 3000000 rows"),
        ("onnx-short-data.onnx", "has 140 bytes of data, but its shape 1×12×3 needs 144"),
        ("onnx-nan.onnx", "holds nan at [0][2][1]"),
        ("onnx-computed-w.onnx", "which the file computes rather than stores"),
        ("onnx-deep.onnx", "messages nest deeper than 16 levels"),
        ("h5-truncated.weights.h5", "it is an HDF5 file cut off: its superblock says it ends at byte 15744, but it has 7872 bytes"),
        ("h5-scrambled.weights.h5", "it is an HDF5 file cut off: its superblock says it ends at byte 15744, but it has 4096 bytes"),
        ("h5-dense-links.weights.h5", "its group 'layers' keeps its links in a dense index, which gruscope does not read"),
        ("h5-big-endian.weights.h5", "holds floating point numbers that are big-endian or not IEEE"),
        ("h5-int-kernel.weights.h5", "holds not floating point values"),
        ("h5-chunked.weights.h5", "is stored in chunks or compressed"),
        ("h5-bad-bias.weights.h5", "has shape 5, expected 12 or 2×12"),
        ("h5-infinite.weights.h5", "holds inf at [1][7]"),
        ("h5-absurd-shape.weights.h5", "declares 3×12000 values, more than its"),
        ("h5-deep.weights.h5", "its groups nest deeper than 32 levels"),
        ("h5-cycle.weights.h5", "its groups nest deeper than 32 levels (at 'a/a/a"),
        ("h5-links.weights.h5", "it is an HDF5 file without datasets, so it holds no weights"),
        ("keras-lstm.weights.h5", "looks like an LSTM; gruscope shows GRUs"),
        ("keras-relu-gru.keras", "uses activation 'relu' and recurrent_activation 'sigmoid'"),
        ("keras-broken-config.keras", "its config.json is not valid JSON"),
        ("keras-no-config.keras", "it is a zip without 'config.json'"),
        ("onnx-external-outside.onnx", "is stored in '../onnx-external.onnx.data', which is not a file beside the model"),
        ("onnx-external-missing.onnx", "is stored beside the model in 'missing.onnx.data', which cannot be read (there is no such file)"),
    ]

    /// Inputs the weights-hdf5 fuzz target found, kept in its seed corpus (Fuzz/Corpus/weights-hdf5),
    /// with what gruscope says. The first crashed libhdf5 inside H5Aread (a variable-length string
    /// whose global heap collection is cut off), after 34 executions in CI: gruscope reads HDF5
    /// itself since.
    static let fuzzFindings: [(file: String, says: String)] = [
        ("crash-libhdf5-global-heap.weights.h5",
         "it is a damaged HDF5 file: the string heap of the attribute 'model_config' of '/' is cut off; save it again"),
    ]

    @Test(arguments: fuzzFindings.map(\.file))
    func fuzzFindingsAreRefusedWithOneClearLine(_ file: String) throws {
        let path = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus/weights-hdf5/\(file)").path
        let message = Fixtures.failure(path)
        let says = try #require(Self.fuzzFindings.first { $0.file == file }).says
        #expect(message == "\(path): \(says)")
    }

    @Test(arguments: expectations.map(\.file))
    func isRefusedWithOneClearLine(_ file: String) throws {
        let path = Fixtures.models("hostile/\(file)")
        let message = Fixtures.failure(path)
        let says = try #require(Self.expectations.first { $0.file == file }).says
        #expect(message.hasPrefix(path + ": "), "\(message)")
        #expect(message.contains(says), "\(message)")
        #expect(!message.contains("\n"))
    }
}

/// Protobufs whose decoded form would dwarf their bytes are refused from the wire format alone.
@Suite struct ProtobufBudgetTests {
    static func varint(_ value: Int) -> [UInt8] {
        var value = UInt64(value), bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }

    static func field(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(payload.count) + payload
    }

    /// A ModelProto (ir_version 8) whose graph holds `count` empty nodes: 2 bytes each.
    static func emptyNodes(_ count: Int) -> [UInt8] {
        let graph = [UInt8](unsafeUninitializedCapacity: 2 * count) { buffer, initialized in
            for k in 0..<count { buffer[2 * k] = 0x0A; buffer[2 * k + 1] = 0x00 }
            initialized = 2 * count
        }
        return [0x08, 0x08] + field(7, graph)
    }

    @Test func millionsOfEmptyNodesAreRefusedBeforeDecoding() throws {
        let bytes = Self.emptyNodes(250_000)
        do {
            _ = try ONNXModel(bytes: bytes)
            Issue.record("decoded 250 000 nodes")
        } catch {
            #expect(error.text == "it could hold 250002 protobuf messages (nodes, tensors, attributes), more than the "
                + "200000 gruscope decodes; a GRU model holds far fewer")
        }
        do {
            _ = try ONNXModel(bytes: Self.emptyNodes(100_000), decodedLimit: 16 << 20)
            Issue.record("decoded past the limit")
        } catch {
            #expect(error.text.hasPrefix("decoding it could take 25.9 MiB, more than the 16 MiB gruscope allows"))
        }
    }

    @Test func aModestGraphWithoutGRUIsDecodedAndSaysSo() throws {
        do {
            _ = try ONNXModel(bytes: Self.emptyNodes(1000))
            Issue.record("decoded a model without a GRU")
        } catch {
            #expect(error.text == "it is an ONNX model without a GRU node (1000 nodes); gruscope shows GRUs")
        }
    }

    @Test func packedZerosCountEightBytesEach() throws {
        // A TensorProto (initializer, field 5 of GraphProto) with int64_data (field 7) packed:
        // one byte per zero on the wire, eight once decoded.
        let zeros = [UInt8](repeating: 0, count: 200_000)
        let bytes: [UInt8] = [0x08, 0x08] + Self.field(7, Self.field(5, Self.field(7, zeros)))
        do {
            _ = try ONNXModel(bytes: bytes, decodedLimit: 1 << 20)
            Issue.record("decoded past the limit")
        } catch {
            #expect(error.text.hasPrefix("decoding it could take 1.5 MiB, more than the 1 MiB gruscope allows"))
        }
    }

    @Test func varintEndsCountsEveryByteBelow0x80WhateverTheAlignmentAndRange() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { buffer in
            for start in 0..<9 {
                for end in [start, start + 1, start + 7, start + 8, start + 9, 500, 999, 1000] where end >= start {
                    let expected = bytes[start..<end].filter { $0 < 0x80 }.count
                    #expect(ProtobufBudget.varintEnds(buffer, from: start, to: end) == expected)
                }
            }
            let ends = ProtobufBudget.VarintEnds(buffer)
            for start in [0, 1, 255, 256, 257, 511, 600] {
                for end in [start, start + 1, 256, 511, 512, 513, 767, 999, 1000] where end >= start {
                    #expect(ends.count(from: start, to: end) == bytes[start..<end].filter { $0 < 0x80 }.count)
                }
            }
        }
    }

    @Test func cutOffAndDamagedBytesSayWhere() throws {
        let whole = Self.emptyNodes(10)
        for (bytes, text) in [
            (Array(whole.dropLast(3)), "the protobuf is cut off at byte 2 of"),
            ([0x08, 0x08, 0x07], "it is not an ONNX model: the protobuf is damaged at byte 2"),
            ([0x08, 0x08, 0x00], "it is not an ONNX model: the protobuf is damaged at byte 2"),
        ] {
            do {
                _ = try ONNXModel(bytes: bytes)
                Issue.record("decoded damaged bytes")
            } catch {
                #expect(error.text.contains(text), "\(error.text)")
            }
        }
    }
}
