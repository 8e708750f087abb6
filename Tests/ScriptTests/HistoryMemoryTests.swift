import Foundation
import GRUCore
import Localization
import Testing
@testable import Script

/// The undo history's memory: what it counts is what an edit keeps (two rows of x, never the
/// sequence), the benchmark's count matches, and the bounds hold on a long sequence.
@Suite struct HistoryMemoryTests {
    static func weights(inputSize: Int, hiddenSize: Int) throws -> GRUWeights {
        try Session.randomWeights(variant: .pytorch, inputSize: inputSize, hiddenSize: hiddenSize, seed: 3)
    }

    @Test func anEditOfALongSequenceKeepsTwoRowsNotTheSequence() throws {
        let inputSize = 8
        var session = try Session(weights: try Self.weights(inputSize: inputSize, hiddenSize: 16), origin: .random(variant: .pytorch, seed: 3))
        try session.setInputs(SequenceGenerator(kind: .noise, length: 100_000).rows(inputSize: inputSize), source: .inline)
        session = session.startingHere()
        try session.goto(99_990)
        try session.setX(at: 2, to: 0.75)
        #expect(session.history.undoable.count == 2)
        #expect(session.history.bytes == 2 * inputSize * MemoryLayout<Float>.stride)
        // A step past the end keeps one row and a count, whatever the count.
        try session.goto(99_999)
        try session.step(50_000)
        #expect(session.history.bytes == 3 * inputSize * MemoryLayout<Float>.stride)
    }

    @Test func theBenchmarkCountsWhatTheEditsKeepAndUndoesThemAll() throws {
        let inputSize = 4, edits = 40
        let weights = try Self.weights(inputSize: inputSize, hiddenSize: 8)
        let inputs = GRUBenchmark.randomInputs(inputSize: inputSize, steps: 600, seed: 5)
        let result = try SessionHistoryBenchmark.measure(weights: weights, inputs: inputs, edits: edits, window: 50, seed: 9)
        #expect(result.steps == 600 && result.edits == edits)
        #expect(result.historyBytes == edits * 2 * inputSize * MemoryLayout<Float>.stride)
        #expect((edits...(2 * edits)).contains(result.entries))
        #expect(result.undos == result.entries && result.undoneExactly == true)
        // Both are the kernel's counts for a process whose other test threads allocate and free at
        // the same time (its per-CPU counters are summed lazily), so only their presence is
        // checked, not their order.
        #expect(result.residentBefore > 0 && result.residentAfter > 0 && result.peakResident > 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        #expect(json["history_bytes"] as? Int == result.historyBytes)
        #expect(result.text.contains("history: \(result.entries) entries (limit \(SessionHistory.maximumEntries))"))
    }

    @Test func manyEditsStayWithinTheCountAndTheBytes() throws {
        let inputSize = 512
        var session = try Session(weights: try Self.weights(inputSize: inputSize, hiddenSize: 2), origin: .random(variant: .pytorch, seed: 3))
        // 1500 edits of a 512-wide x: 6 MB of rows, past the count but not the bytes.
        for k in 0..<1500 { try session.setX([Float(k % 5) + 1]) }
        #expect(session.history.undoable.count == SessionHistory.maximumEntries)
        #expect(session.history.bytes == SessionHistory.maximumEntries * 2 * inputSize * MemoryLayout<Float>.stride)
        // Whole sequences of 4 MiB each: the byte budget drops the oldest first.
        let rows = SequenceGenerator(kind: .noise, length: 2048).rows(inputSize: inputSize)
        for _ in 0..<20 {
            try session.setInputs(rows, source: .inline)
            try session.setInputs(SequenceGenerator(kind: .sine, length: 2048).rows(inputSize: inputSize), source: .inline)
        }
        #expect(session.history.bytes <= SessionHistory.maximumBytes)
        #expect(session.history.bytes > SessionHistory.maximumBytes - 8 * 2048 * inputSize * MemoryLayout<Float>.stride)
    }
}
