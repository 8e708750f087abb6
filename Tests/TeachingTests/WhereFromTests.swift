import Localization
import GRUCore
import Script
import Testing
@testable import Teaching

@Suite struct WhereFromTests {
    static func close(_ a: Float, _ b: Float, _ tolerance: Float = 1e-4) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func thePartsAddUpToTheTracesPreActivationUnderBothRules() throws {
        for (name, session) in try TestSessions.variety() {
            let trace = session.trace
            for unit in 0..<session.hiddenSize {
                for quantity in GateQuantity.allCases {
                    let b = PreActivationBreakdown(quantity, unit: unit, trace: trace, weights: session.weights)
                    let expected: Float = switch quantity {
                    case .r: trace.rPre[unit]
                    case .z: trace.zPre[unit]
                    case .candidate: trace.candidatePre[unit]
                    }
                    let context = "\(name) \(quantity) unit \(unit)"
                    #expect(Self.close(b.bias + b.inputPart + b.recurrentPart, expected), "\(context)")
                    #expect(Self.close(b.preActivation, expected), "\(context)")
                    #expect(b.tracePreActivation == expected)
                    // The listed terms and the rest make up each part.
                    let inputs = b.inputTerms.reduce(0) { $0 + $1.product } + b.otherInput.sum
                    #expect(Self.close(inputs, b.inputPart), "\(context) input terms")
                    let recurrent = b.recurrentTerms.reduce(0) { $0 + $1.product } + b.otherRecurrent.sum
                    #expect(b.inputTerms.count + b.otherInput.count == session.inputSize)
                    #expect(b.recurrentTerms.count + b.otherRecurrent.count == session.hiddenSize)
                    if let scale = b.resetScale, let product = b.recurrentProduct {
                        #expect(quantity == .candidate && session.weights.resetAfter)
                        #expect(Self.close(recurrent, product), "\(context) recurrent terms")
                        #expect(Self.close(scale * (product + b.recurrentBias), b.recurrentPart), "\(context)")
                        #expect(scale == trace.r[unit] && b.bias == b.inputBias)
                    } else {
                        #expect(Self.close(recurrent, b.recurrentPart), "\(context) recurrent terms")
                        #expect(b.bias == b.inputBias + b.recurrentBias)
                    }
                    // Largest first, never a zero term, at most three.
                    let magnitudes = b.inputTerms.map { abs($0.product) }
                    #expect(magnitudes == magnitudes.sorted(by: >) && b.inputTerms.count <= 3)
                    #expect(!b.inputTerms.contains { $0.product == 0 } && !b.recurrentTerms.contains { $0.product == 0 })
                    // The squashing gives the trace's value unless the gate is pinned (the engine's
                    // vector sigmoid and tanh agree with the scalar ones to a few ulp).
                    let traced: Float
                    switch quantity {
                    case .r: traced = trace.r[unit]
                    case .z: traced = trace.z[unit]
                    case .candidate: traced = trace.candidate[unit]
                    }
                    #expect(abs(b.value - traced) <= 1e-6, "\(quantity) of unit \(unit): \(b.value) vs \(traced)")
                }
            }
        }
    }

    @Test func theCandidateWithResetBeforeScalesEachOldUnitByItsOwnR() throws {
        let session = try TestSessions.seedDocComputed()
        let b = PreActivationBreakdown(.candidate, unit: 2, trace: session.trace, weights: session.weights)
        for term in b.recurrentTerms {
            #expect(term.reset == session.trace.r[term.index])
            #expect(term.value == session.trace.hPrev[term.index])
            #expect(Self.close(term.product, term.weight * session.trace.r[term.index] * term.value))
        }
        #expect(b.resetScale == nil && b.recurrentProduct == nil)
    }

    @Test func aPinnedGateShowsTheComputedValueAsUnused() throws {
        let session = try Session(scene: .seedDoc)   // z pinned
        let en = try WhereFrom.text(.z, unit: 4, trace: session.trace, weights: session.weights, language: .en)
        let computed = NumberText.value(Activation.sigmoid(session.trace.zPre[4]), decimals: 3)
        #expect(en.contains("but z is pinned to 0.500 in this step, so the computed \(computed) is not used."), "\(en)")
        let zh = try WhereFrom.text(.z, unit: 4, trace: session.trace, weights: session.weights, language: .zh)
        #expect(zh.contains("不过这一步 z 被固定为 0.500，算出来的 \(computed) 并没有用上。"), "\(zh)")
        let r = try WhereFrom.text(.r, unit: 4, trace: session.trace, weights: session.weights, language: .en)
        #expect(!r.contains("pinned"))
    }

    @Test func theTextStatesTheBreakdownsNumbers() throws {
        for (name, session) in try TestSessions.variety() {
            for unit in [0, session.hiddenSize - 1] {
                for quantity in GateQuantity.allCases {
                    let b = PreActivationBreakdown(quantity, unit: unit, trace: session.trace, weights: session.weights)
                    for language in Language.allCases {
                        let text = try WhereFrom.text(quantity, unit: unit, trace: session.trace, weights: session.weights, language: language)
                        let lines = text.split(separator: "\n")
                        #expect(lines.count >= 6, "\(text)")
                        #expect(!text.contains("{") && !text.contains("why."), "\(name): \(text)")
                        let numbers = TestText.numbers(in: text)
                        for (label, truth) in [("bias", b.bias), ("input", b.inputPart), ("recurrent", b.recurrentPart),
                                               ("pre", b.tracePreActivation), ("value", b.computedValue)] {
                            #expect(numbers.contains { TestText.matches($0, truth) }, "\(name) \(language): \(label) \(truth) not in \(text)")
                        }
                        for term in b.inputTerms + b.recurrentTerms {
                            #expect(numbers.contains { TestText.matches($0, term.product) }, "\(name): term \(term) not in \(text)")
                        }
                        let rule = session.weights.resetAfter && quantity == .candidate
                        #expect(text.contains("r[\(unit)]·(U_c·h + b_hc)") == rule)
                        #expect(text.contains(quantity == .candidate ? "tanh(" : "σ("))
                    }
                }
            }
        }
    }

    @Test func gateWordsAreRecognised() {
        #expect(GateQuantity(word: "r") == .r)
        #expect(GateQuantity(word: "Z") == .z)
        for word in ["candidate", "cand", "c", "h~", "h̃"] { #expect(GateQuantity(word: word) == .candidate) }
        #expect(GateQuantity(word: "h") == nil)
        #expect(GateQuantity(word: "") == nil)
    }
}
