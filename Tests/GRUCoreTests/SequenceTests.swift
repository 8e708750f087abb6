import Testing
@testable import GRUCore

/// GRUSequence: what it stores, what it recomputes, how edits re-run only what they must, and how
/// a long computation stops and carries on.
@Suite struct SequenceTests {
    static func sequence(
        variant: GRUVariant = .pytorch, inputSize: Int = 3, hiddenSize: Int = 7, steps: Int = 150,
        pins: GatePins = GatePins(), seed: UInt64 = 1
    ) throws -> GRUSequence {
        let weights = try WeightInitializer.weights(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        var sequence = try GRUSequence(
            weights: weights, h0: randomValues(hiddenSize, seed: seed + 10), pins: pins,
            inputs: randomValues(steps * inputSize, scale: 2, seed: seed + 20))
        try sequence.compute()
        return sequence
    }

    @Test(arguments: GRUKernelPath.available)
    func everyStepIsTheCellsStepBitForBit(_ path: GRUKernelPath) throws {
        for variant in GRUVariant.allCases {
            var pins = GatePins()
            if variant == .keras { try pins.pin(.r, to: randomValues(7, seed: 3).map(abs), hiddenSize: 7) }
            var sequence = try Self.sequence(variant: variant, steps: GRUCell.chunkSteps * 2 + 5, pins: pins)
            sequence.kernelPath = path
            try sequence.setH0(sequence.h0)
            try sequence.compute()
            var cell = GRUCell(weights: sequence.weights)
            cell.kernelPath = path
            var expected: [GRUTrace] = []
            let final = cell.run(flatInputs: sequence.inputs, h0: sequence.h0, pins: pins) { _, trace in expected.append(trace) }
            #expect(sequence.lastState == final, "\(path) \(variant) final state")
            var seen = 0
            sequence.forEachTrace(in: 0..<sequence.count) { t, trace in
                #expect(trace == expected[t], "\(path) \(variant) step \(t)")
                seen += 1
            }
            #expect(seen == sequence.count)
            for t in [0, 1, 63, 64, sequence.count - 1] {
                #expect(sequence.trace(at: t) == expected[t], "\(path) \(variant) trace(at: \(t))")
                #expect(sequence.state(after: t) == expected[t].h)
                #expect(sequence.state(before: t) == expected[t].hPrev)
                for field in TraceField.allCases {
                    #expect(sequence.values(of: field, in: t..<(t + 1)) == expected[t][field], "\(field)")
                }
            }
            #expect(sequence.values(of: .kept, in: 3..<6) == expected[3..<6].flatMap(\.kept))
            #expect(sequence.stateHistory(unit: 2) == expected.map { $0.h[2] })
        }
    }

    @Test(arguments: GRUKernelPath.available)
    func gateHistoriesAreTheTracesGatesExactly(_ path: GRUKernelPath) throws {
        for variant in GRUVariant.allCases {
            for (inputSize, hiddenSize) in [(3, 7), (33, 40), (1, 70)] {
                var sequence = try Self.sequence(variant: variant, inputSize: inputSize, hiddenSize: hiddenSize, steps: 90)
                sequence.kernelPath = path
                try sequence.setH0(sequence.h0)
                try sequence.compute()
                let z = sequence.values(of: .z, in: 0..<sequence.count), r = sequence.values(of: .r, in: 0..<sequence.count)
                for unit in [0, hiddenSize / 2, hiddenSize - 1] {
                    let zHistory = sequence.gateHistory(.z, unit: unit), rHistory = sequence.gateHistory(.r, unit: unit)
                    #expect(zHistory == (0..<sequence.count).map { z[$0 * hiddenSize + unit] }, "\(path) \(variant) z of \(unit)")
                    #expect(rHistory == (0..<sequence.count).map { r[$0 * hiddenSize + unit] }, "\(path) \(variant) r of \(unit)")
                    #expect(sequence.gateHistory(.z, unit: unit, in: 40..<50) == Array(zHistory[40..<50]))
                }
            }
        }
    }

    @Test func editingAPastInputReRunsOnlyTheStepsAfterIt() throws {
        var sequence = try Self.sequence(steps: 100)
        let before = (0..<100).map { sequence.state(after: $0) }
        var x = sequence.input(at: 60)
        x[1] += 0.75
        try sequence.setInput(x, at: 60)
        #expect(sequence.computedCount == 60)
        #expect(!sequence.isComputed)
        var progress: [GRUProgress] = []
        try sequence.compute { progress.append($0); return true }
        #expect(sequence.isComputed)
        for t in 0..<60 { #expect(sequence.state(after: t) == before[t]) }
        #expect(sequence.state(after: 60) != before[60])
        // The same as a sequence built with the edited input from the start.
        var inputs = sequence.inputs
        inputs.replaceSubrange(60 * 3..<61 * 3, with: x)
        var fresh = try GRUSequence(weights: sequence.weights, h0: sequence.h0, inputs: inputs)
        try fresh.compute()
        #expect((0..<100).map { fresh.state(after: $0) } == (0..<100).map { sequence.state(after: $0) })
        try sequence.setInput(x[1] - 0.75, at: 60, index: 1)
        try sequence.compute()
        #expect((0..<100).map { sequence.state(after: $0) } == before)
    }

    @Test func h0AndPinsReRunEverything() throws {
        var sequence = try Self.sequence(steps: 20)
        var h0 = sequence.h0
        h0[0] = 0.9
        try sequence.setH0(h0)
        #expect(sequence.computedCount == 0)
        try sequence.compute()
        var pins = GatePins()
        try pins.pin(.z, to: [Float](repeating: 1, count: 7), hiddenSize: 7)
        try sequence.setPins(pins)
        #expect(sequence.computedCount == 0)
        try sequence.compute()
        // z pinned to 1 keeps the state unchanged at every step.
        #expect(sequence.lastState == h0)
        try sequence.setPins(pins)
        #expect(sequence.isComputed, "the same pins change nothing")
    }

    @Test func appendingInsertingAndRemovingSteps() throws {
        var sequence = try Self.sequence(steps: 10)
        let states = (0..<10).map { sequence.state(after: $0) }
        try sequence.append(sequence.input(at: 9))
        #expect(sequence.count == 11 && sequence.computedCount == 10)
        try sequence.compute()
        sequence.removeLast(1)
        #expect(sequence.count == 10 && sequence.isComputed)
        try sequence.insert(contentsOf: [0, 0, 0], at: 4)
        #expect(sequence.computedCount == 4)
        try sequence.compute()
        #expect(sequence.state(after: 3) == states[3])
        sequence.removeSteps(4..<5)
        try sequence.compute()
        #expect((0..<10).map { sequence.state(after: $0) } == states)
        sequence.removeLast(10)
        #expect(sequence.count == 0 && sequence.lastState == sequence.h0)
        try sequence.compute()
    }

    @Test func aLongComputationStopsWhenAskedAndCarriesOn() throws {
        let weights = try WeightInitializer.weights(variant: .pytorch, inputSize: 4, hiddenSize: 64)
        var sequence = try GRUSequence(
            weights: weights, h0: [Float](repeating: 0, count: 64), inputs: randomValues(4 * 5000, seed: 2))
        let perCheck = sequence.stepsPerCheck
        #expect(perCheck >= 1 && perCheck < 5000)
        var calls = 0
        #expect(throws: GRUInterrupted.self) {
            try sequence.compute { progress in
                calls += 1
                #expect(progress.total == 5000 && progress.done == calls * perCheck)
                return calls < 3
            }
        }
        #expect(sequence.computedCount == 3 * perCheck)
        let partial = sequence.state(after: sequence.computedCount - 1)
        try sequence.compute()
        #expect(sequence.isComputed)
        var straight = try GRUSequence(weights: weights, h0: [Float](repeating: 0, count: 64), inputs: sequence.inputs)
        try straight.compute()
        #expect(straight.lastState == sequence.lastState)
        #expect(straight.state(after: 3 * perCheck - 1) == partial)
    }

    @Test func badChangesAreRefusedAndChangeNothing() throws {
        var sequence = try Self.sequence(steps: 5)
        let original = sequence.inputs
        #expect(throws: GRUSequenceError.wrongLength(what: .input(step: 2), expected: 3, actual: 2)) {
            try sequence.setInput([1, 2], at: 2)
        }
        #expect(throws: GRUSequenceError.notFinite(what: .input(step: 1), index: 2, value: .infinity)) {
            try sequence.setInput([1, 2, .infinity], at: 1)
        }
        #expect(throws: GRUSequenceError.stepOutOfRange(step: 5, count: 5)) { try sequence.setInput([1, 2, 3], at: 5) }
        #expect(throws: GRUSequenceError.indexOutOfRange(index: 3, count: 3)) { try sequence.setInput(1, at: 0, index: 3) }
        #expect(throws: GRUSequenceError.self) { try sequence.append(contentsOf: [1, 2, 3, .nan, 5, 6]) }
        #expect(throws: GRUSequenceError.self) { try sequence.append(contentsOf: [1, 2]) }
        #expect(throws: GRUSequenceError.self) { try sequence.setH0([0]) }
        #expect(sequence.inputs == original && sequence.isComputed)
        #expect(throws: GRUSequenceError.tooLong(steps: GRUSequence.maximumSteps + 1, limit: GRUSequence.maximumSteps)) {
            try sequence.append(contentsOf: [Float](repeating: 0, count: (GRUSequence.maximumSteps - 4) * 3))
        }
        #expect(sequence.count == 5)
        // Wider cells reach the limit on stored numbers first.
        let wide = try WeightInitializer.weights(variant: .pytorch, inputSize: 3, hiddenSize: 100)
        var big = try GRUSequence(weights: wide, h0: [Float](repeating: 0, count: 100))
        let limit = GRUSequence.maximumStoredValues / 103
        #expect(limit < GRUSequence.maximumSteps)
        #expect(throws: GRUSequenceError.tooLong(steps: limit + 1, limit: limit)) {
            try big.append(contentsOf: [Float](repeating: 0, count: (limit + 1) * 3))
        }
        try big.append(contentsOf: [Float](repeating: 0, count: 3))
        #expect(big.count == 1)
        #expect("\(GRUSequenceError.tooLong(steps: 10, limit: 9))".contains("at most 9 steps"))
    }

    @Test func retentionIsTheProductOfTheUpdateGates() throws {
        let sequence = try Self.sequence(variant: .tfGRUCell, steps: 40)
        let z = sequence.values(of: .z, in: 0..<40)
        for unit in [0, 3, 6] {
            let retention = sequence.retention(at: 30, unit: unit)
            #expect(retention.count == 31 && retention[30] == 1)
            var product: Float = 1
            for s in stride(from: 29, through: 0, by: -1) {
                product *= z[(s + 1) * 7 + unit]
                #expect(retention[s] == product)
            }
            let half = GRUSequence.halfLife(retention: retention)
            if let half {
                #expect(retention[30 - half] <= 0.5 && (half == 1 || retention[30 - half + 1] > 0.5))
            } else {
                #expect(retention[0] > 0.5)
            }
            #expect(sequence.halfLife(at: 30, unit: unit) == half)
        }
        #expect(GRUSequence.halfLife(retention: [0.9, 0.6, 1]) == nil)
        #expect(GRUSequence.halfLife(retention: [0.4, 0.6, 1]) == 2)
        #expect(GRUSequence.halfLife(retention: [1]) == nil)
    }

    @Test func retentionStopsMultiplyingOnceThePathIsClosedAndGivesTheSameProducts() {
        // A closed gate (z = 0) at step 3 and products that underflow to 0 long before step 0:
        // the steps before either read exactly what the whole product gives, 0.
        var gates: [Float] = (0..<400).map { $0 % 7 == 0 ? 0.2 : 0.7 }
        gates[3] = 0
        for t in [0, 1, 3, 4, 10, 399] {
            let retention = GRUSequence.retention(updateGates: gates, at: t)
            #expect(retention.count == t + 1 && retention[t] == 1)
            var product: Float = 1
            for s in stride(from: t - 1, through: 0, by: -1) {
                product *= gates[s + 1]
                #expect(retention[s] == product, "t = \(t), s = \(s)")
            }
        }
        #expect(GRUSequence.retention(updateGates: gates, at: 399)[0..<150].allSatisfy { $0 == 0 })
        #expect(GRUSequence.retention(updateGates: gates, at: 4) == [0, 0, 0, 0.7, 1])
    }

    @Test func timelineColumnsSummariseTheirSteps() throws {
        // H = 64 and 500 steps: the recomputed fields are summarised on several threads.
        let sequence = try Self.sequence(variant: .tfGRUCell, inputSize: 8, hiddenSize: 64, steps: 500)
        for field in [TraceField.h, .hPrev, .x, .z, .added] {
            let width = field.isPerInput ? 8 : 64
            let all = sequence.values(of: field, in: 0..<500)
            for (range, columns) in [(0..<500, 37), (100..<130, 200), (7..<8, 3), (0..<500, 500)] {
                var reports = 0
                let summary = try sequence.summary(of: field, in: range, columns: columns) { _ in reports += 1; return true }
                #expect(summary.columns == min(columns, range.count))
                var covered: [Int] = []
                for c in 0..<summary.columns {
                    let steps = summary.steps(inColumn: c)
                    covered += Array(steps)
                    #expect(!steps.isEmpty)
                    for t in steps { #expect(summary.column(of: t) == c) }
                    for j in [0, width / 2, width - 1] {
                        let values = steps.map { all[$0 * width + j] }
                        #expect(summary.minimum[c * width + j] == values.min())
                        #expect(summary.maximum[c * width + j] == values.max())
                        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
                        #expect(abs(Double(summary.mean[c * width + j]) - mean) <= 1e-6 * max(1, abs(mean)), "\(field) column \(c) unit \(j)")
                    }
                }
                #expect(covered == Array(range), "\(field) \(range) in \(columns) columns")
                if [TraceField.h, .hPrev, .x].contains(field) { #expect(reports == 0) }
            }
        }
        var calls = 0
        #expect(throws: GRUInterrupted.self) {
            _ = try sequence.summary(of: .r, in: 0..<500, columns: 10) { _ in calls += 1; return false }
        }
        #expect(calls == 1)
    }
}
