import GRUCore

/// What a file says about one array before its numbers are read: enough to check shapes and
/// limits before anything large is allocated.
struct ArrayHeader: Equatable {
    /// The name exactly as the file spells it.
    let name: String
    let shape: [Int]
    /// `float32`, `float64`, `float16`, `bfloat16`, `JSON numbers`, or what the file holds instead.
    let dtype: String
    /// Where the array starts in a text file.
    let line: Int?

    var shapeText: String { WeightArray.shapeText(shape) }
}

/// A framework's GRU whose shapes have been checked: I, H and the convention, and the file's
/// name for each array it has.
struct GRUCellPlan: Equatable {
    let variant: GRUVariant
    let inputSize: Int
    let hiddenSize: Int
    let resetAfter: Bool
    /// False when the file has no biases (they count as zero).
    let hasBiases: Bool
    /// The file's name for each role present.
    let names: [GRUArrayRole: String]

    /// The roles whose arrays are read, in the framework's order.
    var roles: [GRUArrayRole] { GRUArrayRole.roles(of: variant).filter { names[$0] != nil } }
}

/// Checks a framework GRU's shapes (taking I and H from one array and every other shape from
/// them), then turns the decoded arrays into canonical weights through GRUCore's converters.
enum GRUWeightAssembler {
    /// The plan for the arrays `names` (one per role present), from their headers.
    ///
    /// - Parameter resetAfter: Keras's `reset_after` as the file states it (a JSON key, or a
    ///   .keras config), with its line; without it the bias shape decides (2×3H means
    ///   reset-after), and a Keras GRU without biases takes Keras's default, reset-after.
    static func plan(
        variant: GRUVariant, names: [GRUArrayRole: String], resetAfter: (value: Bool, line: Int?)?,
        header: (String) throws(FileProblem) -> ArrayHeader
    ) throws(FileProblem) -> GRUCellPlan {
        if let resetAfter, variant != .keras, resetAfter.value != variant.defaultResetAfter {
            throw FileProblem(
                line: resetAfter.line,
                "\"reset_after\" is \(resetAfter.value) but a \(GRUArrayRole.frameworkName(variant)) "
                    + "always has reset_after=\(variant.defaultResetAfter); remove the key")
        }
        func array(_ role: GRUArrayRole) throws(FileProblem) -> ArrayHeader? {
            guard let name = names[role] else { return nil }
            return try header(name)
        }
        func required(_ role: GRUArrayRole) throws(FileProblem) -> ArrayHeader {
            guard let found = try array(role) else {
                throw FileProblem("array \(OneLine.quoted(role.canonicalName)) is missing")
            }
            return found
        }
        let plan: GRUCellPlan
        switch variant {
        case .tfGRUCell: plan = try tensorFlow(required, names: names)
        case .keras: plan = try keras(required, array, names: names, stated: resetAfter?.value)
        case .pytorch: plan = try pyTorch(required, array, names: names)
        }
        if let problem = GRUSizeLimits.problem(
            inputSize: plan.inputSize, hiddenSize: plan.hiddenSize, resetAfter: plan.resetAfter) {
            throw FileProblem("\(problem); the file is damaged or not one GRU's weights")
        }
        return plan
    }

    /// Canonical weights from the decoded arrays of a plan.
    static func assemble(_ plan: GRUCellPlan, arrays: [GRUArrayRole: WeightArray]) throws(FileProblem) -> GRUWeights {
        let i = plan.inputSize, h = plan.hiddenSize
        func values(_ role: GRUArrayRole, zeros count: Int) -> [Float] {
            arrays[role]?.values ?? [Float](repeating: 0, count: count)
        }
        do {
            switch plan.variant {
            case .tfGRUCell:
                return try GRUWeights.tensorFlow(
                    inputSize: i, hiddenSize: h,
                    gatesKernel: values(.gatesKernel, zeros: 0), gatesBias: values(.gatesBias, zeros: 2 * h),
                    candidateKernel: values(.candidateKernel, zeros: 0), candidateBias: values(.candidateBias, zeros: h))
            case .keras:
                return try GRUWeights.keras(
                    inputSize: i, hiddenSize: h, resetAfter: plan.resetAfter,
                    kernel: values(.kernel, zeros: 0), recurrentKernel: values(.recurrentKernel, zeros: 0),
                    bias: values(.bias, zeros: (plan.resetAfter ? 2 : 1) * 3 * h))
            case .pytorch:
                return try GRUWeights.pyTorch(
                    inputSize: i, hiddenSize: h,
                    weightIH: values(.weightIH, zeros: 0), weightHH: values(.weightHH, zeros: 0),
                    biasIH: values(.biasIH, zeros: 3 * h), biasHH: values(.biasHH, zeros: 3 * h))
            }
        } catch {
            // The shapes are checked before decoding, so this is a last line of defence.
            throw FileProblem("the weights do not fit together: \(error.description)")
        }
    }

    private static func tensorFlow(
        _ required: (GRUArrayRole) throws(FileProblem) -> ArrayHeader, names: [GRUArrayRole: String]
    ) throws(FileProblem) -> GRUCellPlan {
        let candidateKernel = try required(.candidateKernel)
        let shape = candidateKernel.shape
        guard shape.count == 2, shape[1] >= 1, shape[0] > shape[1] else {
            throw FileProblem(
                line: candidateKernel.line,
                "array \(OneLine.quoted(candidateKernel.name)) has shape \(candidateKernel.shapeText), expected "
                    + "(I+H)×H: H columns, one per hidden unit, and more rows than columns (I input rows above H state rows)")
        }
        let h = shape[1], i = shape[0] - h
        let basis = "with I=\(i), H=\(h) from \(OneLine.quoted(candidateKernel.name))"
        try checked(required(.gatesKernel), [i + h, 2 * h], "(I+H)×2H \(basis)")
        try checked(required(.gatesBias), [2 * h], "2H \(basis)")
        try checked(required(.candidateBias), [h], "H \(basis)")
        return GRUCellPlan(variant: .tfGRUCell, inputSize: i, hiddenSize: h, resetAfter: false, hasBiases: true, names: names)
    }

    private static func keras(
        _ required: (GRUArrayRole) throws(FileProblem) -> ArrayHeader,
        _ optional: (GRUArrayRole) throws(FileProblem) -> ArrayHeader?,
        names: [GRUArrayRole: String], stated: Bool?
    ) throws(FileProblem) -> GRUCellPlan {
        let kernel = try required(.kernel)
        let recurrent = try required(.recurrentKernel)
        let shape = kernel.shape
        if recurrent.shape.count == 2, let other = otherCell(gateCount: recurrent.shape[1], hidden: recurrent.shape[0]) {
            throw FileProblem(
                line: recurrent.line,
                "array \(OneLine.quoted(recurrent.name)) has shape \(recurrent.shapeText): \(other)")
        }
        guard shape.count == 2, shape[0] >= 1, shape[1] >= 3, shape[1] % 3 == 0 else {
            throw FileProblem(
                line: kernel.line,
                "array \(OneLine.quoted(kernel.name)) has shape \(kernel.shapeText), expected I×3H: one row per input "
                    + "and the three gates' columns side by side")
        }
        let i = shape[0], h = shape[1] / 3
        let basis = "with H=\(h) from \(OneLine.quoted(kernel.name))"
        try checked(recurrent, [h, 3 * h], "H×3H \(basis)")
        let resetAfter: Bool
        switch (stated, try optional(.bias)) {
        case (let stated, nil):
            resetAfter = stated ?? true
        case let (true?, bias?):
            try checked(bias, [2, 3 * h], "2×3H as \"reset_after\": true says, \(basis)")
            resetAfter = true
        case let (false?, bias?):
            try checked(bias, [3 * h], "3H as \"reset_after\": false says, \(basis)")
            resetAfter = false
        case let (nil, bias?) where bias.shape == [3 * h]:
            resetAfter = false
        case let (nil, bias?) where bias.shape == [2, 3 * h]:
            resetAfter = true
        case let (nil, bias?):
            throw shapeProblem(bias, expected: "\(3 * h) or 2×\(3 * h) (3H, or 2×3H with reset_after, \(basis))")
        }
        return GRUCellPlan(
            variant: .keras, inputSize: i, hiddenSize: h, resetAfter: resetAfter, hasBiases: names[.bias] != nil, names: names)
    }

    private static func pyTorch(
        _ required: (GRUArrayRole) throws(FileProblem) -> ArrayHeader,
        _ optional: (GRUArrayRole) throws(FileProblem) -> ArrayHeader?,
        names: [GRUArrayRole: String]
    ) throws(FileProblem) -> GRUCellPlan {
        let weightIH = try required(.weightIH)
        let weightHH = try required(.weightHH)
        if weightHH.shape.count == 2, let other = otherCell(gateCount: weightHH.shape[0], hidden: weightHH.shape[1]) {
            throw FileProblem("array \(OneLine.quoted(weightHH.name)) has shape \(weightHH.shapeText): \(other)")
        }
        let shape = weightIH.shape
        guard shape.count == 2, shape[0] >= 3, shape[0] % 3 == 0, shape[1] >= 1 else {
            throw FileProblem(
                line: weightIH.line,
                "array \(OneLine.quoted(weightIH.name)) has shape \(weightIH.shapeText), expected 3H×I: "
                    + "the three gates' rows stacked, one column per input")
        }
        let h = shape[0] / 3, i = shape[1]
        let basis = "with H=\(h) from \(OneLine.quoted(weightIH.name))"
        try checked(weightHH, [3 * h, h], "3H×H \(basis)")
        if let biasIH = try optional(.biasIH) { try checked(biasIH, [3 * h], "3H \(basis)") }
        if let biasHH = try optional(.biasHH) { try checked(biasHH, [3 * h], "3H \(basis)") }
        return GRUCellPlan(
            variant: .pytorch, inputSize: i, hiddenSize: h, resetAfter: true, hasBiases: names[.biasIH] != nil, names: names)
    }

    /// A recurrent matrix with 4H or H gate rows is an LSTM's or a plain RNN's, not a GRU's.
    private static func otherCell(gateCount: Int, hidden: Int) -> String? {
        guard hidden >= 1 else { return nil }
        if gateCount == 4 * hidden {
            return "4H×H (H=\(hidden)) looks like an LSTM (four gates); gruscope shows GRUs (three blocks, 3H)"
        }
        if gateCount == hidden {
            return "H×H (H=\(hidden)) looks like a plain RNN (one block); gruscope shows GRUs (three blocks, 3H)"
        }
        return nil
    }

    /// Refuses an array whose shape is not `expected`, with both shapes and why.
    private static func checked(_ array: ArrayHeader, _ expected: [Int], _ reason: String) throws(FileProblem) {
        guard array.shape == expected else {
            throw shapeProblem(array, expected: "\(WeightArray.shapeText(expected)) (\(reason))")
        }
    }

    private static func shapeProblem(_ array: ArrayHeader, expected: String) -> FileProblem {
        FileProblem(
            line: array.line,
            "array \(OneLine.quoted(array.name)) has shape \(array.shapeText), expected \(expected)")
    }
}
