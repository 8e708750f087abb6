import Foundation
import Testing
@testable import GRUCore

/// The library side of `gruscope bench`: what it reports and the raw files it reads. Nothing here
/// depends on how fast the machine is.
@Suite struct BenchmarkTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gruscope-bench-\(UUID().uuidString).f32")
        try Data(bytes).write(to: url)
        return url.path
    }

    static func littleEndianBytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { value -> [UInt8] in
            let bits = value.bitPattern.littleEndian
            return (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
        }
    }

    @Test func theJSONHasTheAgreedShape() throws {
        let weights = try WeightInitializer.weights(variant: .pytorch, inputSize: 3, hiddenSize: 4, seed: 9)
        let inputs = GRUBenchmark.randomInputs(inputSize: 3, steps: 7, seed: 9)
        let result = GRUBenchmark.measure(weights: weights, inputs: inputs, runs: 3)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["input_size", "hidden_size", "steps", "ns_per_step", "h_checksum"])
        #expect(object["input_size"] as? Int == 3)
        #expect(object["hidden_size"] as? Int == 4)
        #expect(object["steps"] as? Int == 7)
        let nsPerStep = try #require(object["ns_per_step"] as? Double)
        #expect(nsPerStep > 0 && nsPerStep.isFinite)
        let cell = GRUCell(weights: weights)
        let final = cell.finalState(flatInputs: inputs, h0: [0, 0, 0, 0])
        let checksum = final.reduce(0) { $0 + Double($1) }
        #expect(object["h_checksum"] as? Double == checksum)
        #expect(result.runs == 3)
        #expect(result.text.contains("I=3 H=4 T=7"))
    }

    @Test func theChecksumIsTheSameOnEveryPath() throws {
        let weights = try WeightInitializer.weights(variant: .tfGRUCell, inputSize: 5, hiddenSize: 40)
        let inputs = GRUBenchmark.randomInputs(inputSize: 5, steps: 20, seed: 1)
        let sums = GRUKernelPath.available.map {
            GRUBenchmark.measure(weights: weights, inputs: inputs, runs: 1, path: $0).hChecksum
        }
        for sum in sums { #expect(abs(sum - sums[0]) < 1e-4) }
    }

    @Test func randomInputsAreSeededAndInRange() {
        let a = GRUBenchmark.randomInputs(inputSize: 4, steps: 50, seed: 3)
        #expect(a.count == 200)
        #expect(a == GRUBenchmark.randomInputs(inputSize: 4, steps: 50, seed: 3))
        #expect(a != GRUBenchmark.randomInputs(inputSize: 4, steps: 50, seed: 4))
        #expect(a.allSatisfy { $0 >= -1 && $0 < 1 })
    }

    @Test func theMedianTakesTheMiddle() {
        #expect(GRUBenchmark.median([5, 1, 3]) == 3)
        #expect(GRUBenchmark.median([4, 1, 3, 2]) == 2.5)
        #expect(GRUBenchmark.median([]) == 0)
    }

    @Test func rawInputsAreWholeSteps() throws {
        let values = randomValues(6, seed: 1)
        let path = try Self.temporaryFile(Self.littleEndianBytes(values))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inputs = try GRUBenchmark.rawInputs(path: path, inputSize: 3)
        #expect(inputs.count == values.count)
    }

    @Test func badRawFilesAreRefusedWithTheirName() throws {
        let path = try Self.temporaryFile(Self.littleEndianBytes([1, 2, 3]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try GRUBenchmark.rawInputs(path: path, inputSize: 2)
            Issue.record("3 values are not whole steps of 2")
        } catch {
            #expect(error.description.contains("a multiple of I=2"))
        }

        let ragged = try Self.temporaryFile([0, 0, 128, 63, 0])
        defer { try? FileManager.default.removeItem(atPath: ragged) }
        #expect(throws: GRUBenchmarkError.notFloat32(path: ragged, bytes: 5)) {
            try GRUBenchmark.readRawFloats(path: ragged)
        }

        for bad: Float in [.nan, .infinity, -.infinity] {
            let file = try Self.temporaryFile(Self.littleEndianBytes([1, bad]))
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                _ = try GRUBenchmark.readRawFloats(path: file)
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.description.contains("value 1 is \(bad), expected a finite number"))
            }
        }

        let empty = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: GRUBenchmarkError.self) { try GRUBenchmark.rawInputs(path: empty, inputSize: 1) }

        let missing = "/nonexistent/gruscope-weights.f32"
        do {
            _ = try GRUBenchmark.readRawFloats(path: missing)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description.hasPrefix("\(missing): cannot read the file"))
        }
    }
}
