import GRUCore

/// Turns the chosen arrays into canonical weights: takes I and H from one array's shape, checks
/// every other shape against them, and hands the flat arrays to GRUCore's layout converters.
enum GRUWeightAssembler {
    /// The weights of `selection`, read from `source`.
    ///
    /// - Parameter resetAfter: Keras's `reset_after` as a JSON file states it; without it the
    ///   bias shape decides (2×3H means reset-after).
    static func assemble(
        _ selection: GRUArraySelection, from source: some WeightArraySource,
        resetAfter: (value: Bool, line: Int)?
    ) throws(FileProblem) -> GRUWeights {
        if let resetAfter, selection.variant != .keras, resetAfter.value != selection.variant.defaultResetAfter {
            throw FileProblem(
                line: resetAfter.line,
                "\"reset_after\" is \(resetAfter.value) but a \(GRUArrayRole.frameworkName(selection.variant)) "
                    + "always has reset_after=\(selection.variant.defaultResetAfter); remove the key")
        }
        func array(_ role: GRUArrayRole) throws(FileProblem) -> WeightArray {
            try source.array(named: selection.name(role))
        }
        switch selection.variant {
        case .tfGRUCell: return try tensorFlow(array)
        case .keras: return try keras(array, resetAfter: resetAfter?.value)
        case .pytorch: return try pyTorch(array)
        }
    }

    private static func tensorFlow(
        _ array: (GRUArrayRole) throws(FileProblem) -> WeightArray
    ) throws(FileProblem) -> GRUWeights {
        let candidateKernel = try array(.candidateKernel)
        let shape = candidateKernel.shape
        guard shape.count == 2, shape[1] >= 1, shape[0] > shape[1] else {
            throw FileProblem(
                line: candidateKernel.line,
                "array \(OneLine.quoted(candidateKernel.name)) has shape \(candidateKernel.shapeText), expected "
                    + "(I+H)×H: H columns, one per hidden unit, and more rows than columns (I input rows above H state rows)")
        }
        let h = shape[1], i = shape[0] - h
        let basis = "with I=\(i), H=\(h) from \(OneLine.quoted(candidateKernel.name))"
        let gatesKernel = try checked(array(.gatesKernel), [i + h, 2 * h], "(I+H)×2H \(basis)")
        let gatesBias = try checked(array(.gatesBias), [2 * h], "2H \(basis)")
        let candidateBias = try checked(array(.candidateBias), [h], "H \(basis)")
        do {
            return try GRUWeights.tensorFlow(
                inputSize: i, hiddenSize: h,
                gatesKernel: gatesKernel.values, gatesBias: gatesBias.values,
                candidateKernel: candidateKernel.values, candidateBias: candidateBias.values)
        } catch {
            throw mismatch(error)
        }
    }

    private static func keras(
        _ array: (GRUArrayRole) throws(FileProblem) -> WeightArray, resetAfter stated: Bool?
    ) throws(FileProblem) -> GRUWeights {
        let kernel = try array(.kernel)
        let shape = kernel.shape
        guard shape.count == 2, shape[0] >= 1, shape[1] >= 3, shape[1] % 3 == 0 else {
            throw FileProblem(
                line: kernel.line,
                "array \(OneLine.quoted(kernel.name)) has shape \(kernel.shapeText), expected I×3H: one row per input "
                    + "and the three gates' columns side by side")
        }
        let i = shape[0], h = shape[1] / 3
        let basis = "with H=\(h) from \(OneLine.quoted(kernel.name))"
        let recurrentKernel = try checked(array(.recurrentKernel), [h, 3 * h], "H×3H \(basis)")
        let bias = try array(.bias)
        let resetAfter: Bool
        switch (stated, bias.shape) {
        case (true?, _):
            _ = try checked(bias, [2, 3 * h], "2×3H as \"reset_after\": true says, \(basis)")
            resetAfter = true
        case (false?, _):
            _ = try checked(bias, [3 * h], "3H as \"reset_after\": false says, \(basis)")
            resetAfter = false
        case (nil, [3 * h]):
            resetAfter = false
        case (nil, [2, 3 * h]):
            resetAfter = true
        case (nil, _):
            throw shapeProblem(bias, expected: "\(3 * h) or 2×\(3 * h) (3H, or 2×3H with reset_after, \(basis))")
        }
        do {
            return try GRUWeights.keras(
                inputSize: i, hiddenSize: h, resetAfter: resetAfter,
                kernel: kernel.values, recurrentKernel: recurrentKernel.values, bias: bias.values)
        } catch {
            throw mismatch(error)
        }
    }

    private static func pyTorch(
        _ array: (GRUArrayRole) throws(FileProblem) -> WeightArray
    ) throws(FileProblem) -> GRUWeights {
        let weightIH = try array(.weightIH)
        let shape = weightIH.shape
        guard shape.count == 2, shape[0] >= 3, shape[0] % 3 == 0, shape[1] >= 1 else {
            throw FileProblem(
                line: weightIH.line,
                "array \(OneLine.quoted(weightIH.name)) has shape \(weightIH.shapeText), expected 3H×I: "
                    + "the three gates' rows stacked, one column per input")
        }
        let h = shape[0] / 3, i = shape[1]
        let basis = "with H=\(h) from \(OneLine.quoted(weightIH.name))"
        let weightHH = try checked(array(.weightHH), [3 * h, h], "3H×H \(basis)")
        let biasIH = try checked(array(.biasIH), [3 * h], "3H \(basis)")
        let biasHH = try checked(array(.biasHH), [3 * h], "3H \(basis)")
        do {
            return try GRUWeights.pyTorch(
                inputSize: i, hiddenSize: h,
                weightIH: weightIH.values, weightHH: weightHH.values,
                biasIH: biasIH.values, biasHH: biasHH.values)
        } catch {
            throw mismatch(error)
        }
    }

    /// The array when its shape is `expected`; otherwise a message with both shapes and why.
    private static func checked(_ array: WeightArray, _ expected: [Int], _ reason: String) throws(FileProblem) -> WeightArray {
        guard array.shape == expected else {
            throw shapeProblem(array, expected: "\(WeightArray.shapeText(expected)) (\(reason))")
        }
        return array
    }

    private static func shapeProblem(_ array: WeightArray, expected: String) -> FileProblem {
        FileProblem(
            line: array.line,
            "array \(OneLine.quoted(array.name)) has shape \(array.shapeText), expected \(expected)")
    }

    /// The shapes are checked before conversion, so this is a last line of defence.
    private static func mismatch(_ error: GRUWeightsError) -> FileProblem {
        FileProblem("the weights do not fit together: \(error.description)")
    }
}
