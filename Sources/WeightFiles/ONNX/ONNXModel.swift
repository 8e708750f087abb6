import Foundation
import GRUCore
import SwiftProtobuf

/// An ONNX model (a ModelProto, as torch.onnx.export and onnx.save write it) and the GRU cells
/// of its graph.
///
/// GRU nodes that feed one another (torch exports a 2-layer nn.GRU as two GRU nodes joined by a
/// Transpose and a Reshape) are the layers of one GRU, named after its first node; each
/// direction of a node is a cell.
///
/// GRU nodes are found by operator, whatever their weights are called (torch's exporter names
/// them `onnx::GRU_342` or `val_76`); W, R, B and initial_h come from the graph's initializers or
/// from Constant nodes. Each direction of a node is a cell: W is D×3H×I and R D×3H×H with row
/// blocks [z, r, h], B is D×6H (input then recurrent biases), and `linear_before_reset` 1 applies
/// the reset gate after the recurrent product. Before anything is decoded, the bytes' decoded
/// size is bounded by ``ProtobufBudget`` and held to ``WeightFile/maximumUnpackedSize``.
struct ONNXModel {
    /// The cells of the graph's GRU nodes, in graph order, each node's forward cell first.
    let cells: [GRUCellInfo]
    /// For each cell, its node and its index among the node's directions.
    private let sources: [(node: GRUNode, direction: Int)]
    /// Where the model file is, for external data.
    private let directory: String
    /// Nodes a search from one GRU's input back to the GRU before it visits at most.
    static let maximumChainSearch = 64

    /// A GRU node whose attributes and tensor shapes have been checked.
    private struct GRUNode {
        let name: String
        let resetAfter: Bool
        let inputSize: Int
        let hiddenSize: Int
        let w: Onnx_TensorProto
        let r: Onnx_TensorProto
        let b: Onnx_TensorProto?
        let initialH: Onnx_TensorProto?
        /// The name of an initial_h the graph computes rather than stores.
        let computedInitialH: String?
    }

    /// Decodes the model and finds its GRU cells.
    ///
    /// - Parameter directory: where the model file is, for tensors stored beside it (ONNX
    ///   external data, which torch.onnx.export writes as `MODEL.onnx.data`).
    init(bytes: [UInt8], directory: String = ".", decodedLimit: Int = WeightFile.maximumUnpackedSize) throws(FileProblem) {
        let budget = bytes.withUnsafeBytes { buffer in
            Result { () throws(ProtobufBudget.Malformed) in try ProtobufBudget.estimate(of: buffer) }
        }
        switch budget {
        case let .failure(malformed):
            throw FileProblem(
                malformed.truncated
                    ? "it is not a whole ONNX model: the protobuf is cut off at byte \(malformed.offset) of \(bytes.count); "
                        + "export or copy it again"
                    : "it is not an ONNX model: the protobuf is damaged at byte \(malformed.offset)")
        case let .success(estimate):
            guard estimate.messages <= ProtobufBudget.maximumMessages else {
                throw FileProblem(
                    "it could hold \(estimate.messages) protobuf messages (nodes, tensors, attributes), more than the "
                        + "\(ProtobufBudget.maximumMessages) gruscope decodes; a GRU model holds far fewer")
            }
            guard estimate.bytes <= decodedLimit else {
                throw FileProblem(
                    "decoding it could take \(ByteCount.text(estimate.bytes)), more than the \(ByteCount.text(decodedLimit)) "
                        + "gruscope allows; a GRU model is far smaller, so it is damaged or not a model")
            }
        }
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = ProtobufBudget.maximumDepth
        let model: Onnx_ModelProto
        do {
            model = try Onnx_ModelProto(serializedBytes: bytes, options: options)
        } catch {
            throw FileProblem("it is not an ONNX model: protobuf decoding failed (\(Self.describe(error)))")
        }
        guard model.hasGraph else {
            throw FileProblem("it is an ONNX model without a graph, so it holds no GRU")
        }
        let graph = model.graph
        var constants: [String: Onnx_TensorProto] = [:]
        for tensor in graph.initializer where constants[tensor.name] == nil {
            constants[tensor.name] = tensor
        }
        for node in graph.node where node.opType == "Constant" && Self.isDefaultDomain(node.domain) {
            guard let output = node.output.first,
                let value = node.attribute.first(where: { $0.name == "value" && $0.hasT })
            else { continue }
            constants[output] = value.t
        }
        var producers: [String: Int] = [:]
        for (position, node) in graph.node.enumerated() {
            for output in node.output where !output.isEmpty { producers[output] = position }
        }
        var cells: [GRUCellInfo] = []
        var sources: [(node: GRUNode, direction: Int)] = []
        /// Each GRU node's position in the graph, with its GRU's name and its layer.
        var stacks: [Int: (name: String, layer: Int, resetAfter: Bool)] = [:]
        for (position, node) in graph.node.enumerated() where node.opType == "GRU" && Self.isDefaultDomain(node.domain) {
            let checked = try Self.check(node, position: position, constants: constants)
            var stack = (name: checked.node.name, layer: 0, resetAfter: checked.node.resetAfter)
            if let below = Self.gruFeeding(node, graph: graph, producers: producers, grus: stacks),
                below.resetAfter == checked.node.resetAfter
            {
                stack = (below.name, below.layer + 1, below.resetAfter)
            }
            stacks[position] = stack
            let h = checked.node.hiddenSize, i = checked.node.inputSize
            let problem = GRUSizeLimits.problem(inputSize: i, hiddenSize: h, resetAfter: checked.node.resetAfter)
            for (index, direction) in checked.directions.enumerated() {
                cells.append(GRUCellInfo(
                    name: stack.name, layer: stack.layer, direction: direction, inputSize: i, hiddenSize: h,
                    variant: checked.node.resetAfter ? .pytorch : .keras, resetAfter: checked.node.resetAfter,
                    hasBiases: checked.node.b != nil, dtype: Self.typeName(checked.node.w.dataType),
                    problem: problem.map { "\($0); the file is damaged or not one GRU's weights" }))
                sources.append((checked.node, index))
            }
        }
        if cells.isEmpty {
            let lstm = graph.node.contains { $0.opType == "LSTM" }
            throw FileProblem(
                lstm
                    ? "it is an ONNX model with LSTM nodes but no GRU; looks like an LSTM: gruscope shows GRUs"
                    : "it is an ONNX model without a GRU node (\(graph.node.count) nodes); gruscope shows GRUs")
        }
        self.cells = cells
        self.sources = sources
        self.directory = directory
    }

    /// The catalogue's cells: each decodes its own direction of its node.
    func catalogueCells() -> [CatalogueCell] {
        cells.indices.map { index in
            let node = sources[index].node
            var cell = CatalogueCell(info: cells[index], arrayNames: [node.w, node.r, node.b, node.initialH].compactMap { $0?.name }) {
                () throws(FileProblem) -> DecodedCell in try self.decoded(index)
            }
            if let computed = node.computedInitialH {
                cell.notes = ["the initial_h of GRU node \(Self.quoted(node.name)) is computed by the graph "
                    + "(\(Self.quoted(computed))), not stored; gruscope starts from h = 0, as torch does without h0"]
            }
            return cell
        }
    }

    /// The GRU node whose output reaches `node`'s input X within ``maximumChainSearch`` nodes.
    private static func gruFeeding(
        _ node: Onnx_NodeProto, graph: Onnx_GraphProto, producers: [String: Int],
        grus: [Int: (name: String, layer: Int, resetAfter: Bool)]
    ) -> (name: String, layer: Int, resetAfter: Bool)? {
        guard let x = node.input.first else { return nil }
        var queue = [x], visited: Set<Int> = [], next = 0
        while next < queue.count, visited.count < maximumChainSearch {
            let name = queue[next]
            next += 1
            guard let position = producers[name], visited.insert(position).inserted else { continue }
            if let gru = grus[position] { return gru }
            queue += graph.node[position].input.filter { !$0.isEmpty }
        }
        return nil
    }

    /// The weights of cell `index` (of ``cells``) and its initial state when the node has one.
    private func decoded(_ index: Int) throws(FileProblem) -> DecodedCell {
        let (node, d) = sources[index]
        let i = node.inputSize, h = node.hiddenSize
        let w = try Self.floats(node.w, role: "W", node: node.name, directory: directory)
        let r = try Self.floats(node.r, role: "R", node: node.name, directory: directory)
        var b: [Float]?
        if let tensor = node.b { b = try Self.floats(tensor, role: "B", node: node.name, directory: directory) }
        let weights: GRUWeights
        do {
            weights = try GRUWeights.onnx(
                inputSize: i, hiddenSize: h, variant: node.resetAfter ? .pytorch : .keras, resetAfter: node.resetAfter,
                direction: d, w: w, r: r, b: b)
        } catch {
            throw FileProblem("the weights do not fit together: \(error.description)")
        }
        var initialState: [Float]?
        if let tensor = node.initialH {
            let values = try Self.floats(tensor, role: "initial_h", node: node.name, directory: directory)
            let batch = values.count / (Self.directionCount(node) * h)
            // The first sequence of the batch, as a single cell steps one.
            let start = d * batch * h
            initialState = Array(values[start..<start + h])
        }
        return .packed(weights, initialState: initialState)
    }

    // MARK: Checking a node

    private static func check(
        _ node: Onnx_NodeProto, position: Int, constants: [String: Onnx_TensorProto]
    ) throws(FileProblem) -> (node: GRUNode, directions: [CellDirection]) {
        let name = node.name.isEmpty ? "GRU#\(position)" : node.name
        let quoted = Self.quoted(name)
        var attributes: [String: Onnx_AttributeProto] = [:]
        for attribute in node.attribute { attributes[attribute.name] = attribute }
        let directionText = attributes["direction"].map { String(decoding: $0.s, as: UTF8.self) } ?? "forward"
        let directions: [CellDirection]
        switch directionText {
        case "forward": directions = [.forward]
        case "reverse": directions = [.reverse]
        case "bidirectional": directions = [.forward, .reverse]
        default:
            throw FileProblem("GRU node \(quoted) has direction \(OneLine.quoted(directionText)); ONNX allows forward, reverse "
                + "and bidirectional")
        }
        let linear = attributes["linear_before_reset"]?.i ?? 0
        guard linear == 0 || linear == 1 else {
            throw FileProblem("GRU node \(quoted) has linear_before_reset = \(linear); ONNX allows 0 and 1")
        }
        if let clip = attributes["clip"] {
            throw FileProblem("GRU node \(quoted) clips its gates' inputs at \(clip.f) (clip); gruscope shows the GRU "
                + "without clipping, so export it without clip")
        }
        if let activations = attributes["activations"] {
            let names = activations.strings.map { String(decoding: $0, as: UTF8.self) }
            let standard = Array(repeating: ["sigmoid", "tanh"], count: directions.count).flatMap { $0 }
            guard names.map({ $0.lowercased() }) == standard else {
                throw FileProblem("GRU node \(quoted) uses the activations \(OneLine.list(names)); gruscope shows the "
                    + "standard GRU (Sigmoid for the gates, Tanh for the candidate)")
            }
        }
        for extra in ["activation_alpha", "activation_beta"] where attributes[extra] != nil {
            throw FileProblem("GRU node \(quoted) sets \(extra); gruscope shows the standard GRU (Sigmoid, Tanh)")
        }
        func tensor(_ slot: Int, _ role: String) throws(FileProblem) -> Onnx_TensorProto? {
            guard slot < node.input.count, !node.input[slot].isEmpty else { return nil }
            let input = node.input[slot]
            guard let found = constants[input] else {
                throw FileProblem("the \(role) of GRU node \(quoted) is \(Self.quoted(input)), which the file computes "
                    + "rather than stores; gruscope reads W, R, B and initial_h from initializers or Constant nodes")
            }
            if found.dataLocation == .external {
                _ = try ONNXExternalData(found, role: role, node: name)
            }
            return found
        }
        guard let w = try tensor(1, "W"), let r = try tensor(2, "R") else {
            throw FileProblem("GRU node \(quoted) lacks its W or R input")
        }
        let count = directions.count
        let wShape = try shape(w, role: "W", node: name)
        guard wShape.count == 3, wShape[0] == count, wShape[1] >= 3, wShape[1] % 3 == 0, wShape[2] >= 1 else {
            throw FileProblem("the W of GRU node \(quoted) has shape \(WeightArray.shapeText(wShape)), expected "
                + "\(count)×3H×I (directions, the gates' rows [z, r, h], inputs)")
        }
        let h = wShape[1] / 3, i = wShape[2]
        if let hidden = attributes["hidden_size"]?.i, hidden != h {
            throw FileProblem("GRU node \(quoted) says hidden_size = \(hidden) but its W has 3H = \(wShape[1]) rows")
        }
        try expect(r, [count, 3 * h, h], "\(count)×3H×H", role: "R", node: name, h: h)
        let b = try tensor(3, "B")
        if let b { try expect(b, [count, 6 * h], "\(count)×6H", role: "B", node: name, h: h) }
        // torch's TorchScript exporter computes a zero initial_h from the input's shape (Shape,
        // Gather, Expand): a computed initial_h is not read, and the cell starts from zeros.
        let initialHInput = node.input.count > 5 ? node.input[5] : ""
        let computedInitialH = !initialHInput.isEmpty && constants[initialHInput] == nil
        let initialH = computedInitialH ? nil : try tensor(5, "initial_h")
        if let initialH {
            let shape = try shape(initialH, role: "initial_h", node: name)
            guard shape.count == 3, shape[0] == count, shape[1] >= 1, shape[2] == h else {
                throw FileProblem("the initial_h of GRU node \(quoted) has shape \(WeightArray.shapeText(shape)), "
                    + "expected \(count)×batch×\(h)")
            }
        }
        for (role, tensor) in [("W", w), ("R", r), ("B", b), ("initial_h", initialH)] {
            guard let tensor else { continue }
            _ = try elementSize(tensor, role: role, node: name)
        }
        let checked = GRUNode(
            name: name, resetAfter: linear == 1, inputSize: i, hiddenSize: h, w: w, r: r, b: b, initialH: initialH,
            computedInitialH: computedInitialH ? initialHInput : nil)
        return (checked, directions)
    }

    private static func expect(
        _ tensor: Onnx_TensorProto, _ expected: [Int], _ text: String, role: String, node: String, h: Int
    ) throws(FileProblem) {
        let found = try shape(tensor, role: role, node: node)
        guard found == expected else {
            throw FileProblem("the \(role) of GRU node \(quoted(node)) has shape \(WeightArray.shapeText(found)), expected "
                + "\(WeightArray.shapeText(expected)) (\(text) with H=\(h) from W)")
        }
    }

    private static func shape(_ tensor: Onnx_TensorProto, role: String, node: String) throws(FileProblem) -> [Int] {
        guard tensor.dims.count <= StoredArrayLimits.maximumRank, tensor.dims.allSatisfy({ $0 >= 0 }),
            let count = WeightArray.elementCount(tensor.dims.map { Int($0) }), count < Int.max / 8
        else {
            throw FileProblem("the \(role) of GRU node \(quoted(node)) declares the shape "
                + "\(tensor.dims.map(String.init).joined(separator: "×")), which no file can hold")
        }
        return tensor.dims.map { Int($0) }
    }

    // MARK: Tensor values

    /// Bytes per value of a tensor type gruscope reads, refusing the others and segments.
    private static func elementSize(_ tensor: Onnx_TensorProto, role: String, node: String) throws(FileProblem) -> Int {
        guard !tensor.hasSegment else {
            throw FileProblem("the \(role) of GRU node \(quoted(node)) is split into segments, which gruscope does not read")
        }
        switch Onnx_TensorProto.DataType(rawValue: Int(tensor.dataType)) {
        case .float?: return 4
        case .double?: return 8
        case .float16?, .bfloat16?: return 2
        default:
            throw FileProblem("the \(role) of GRU node \(quoted(node)) holds \(typeName(tensor.dataType)) values; "
                + "gruscope reads float32, float64, float16 and bfloat16")
        }
    }

    /// A tensor's values as float32, from raw_data or the typed field, all checked to be finite.
    private static func floats(
        _ tensor: Onnx_TensorProto, role: String, node: String, directory: String
    ) throws(FileProblem) -> [Float] {
        let shape = try shape(tensor, role: role, node: node)
        let count = WeightArray.elementCount(shape) ?? 0
        let size = try elementSize(tensor, role: role, node: node)
        let what = "the \(role) of GRU node \(quoted(node))"
        let type = tensor.dataType
        let values: [Float]
        var raw = tensor.rawData
        if tensor.dataLocation == .external {
            raw = try ONNXExternalData(tensor, role: role, node: node).read(in: directory, expected: count * size)
        }
        if !raw.isEmpty || count == 0 {
            guard raw.count == count * size else {
                throw FileProblem("\(what) has \(raw.count) bytes of data, but its shape "
                    + "\(WeightArray.shapeText(shape)) needs \(count * size)")
            }
            let stored: StoredFloat
            switch size {
            case 8: stored = .float64
            case 2: stored = Int(type) == Onnx_TensorProto.DataType.bfloat16.rawValue ? .bfloat16 : .float16
            default: stored = .float32
            }
            values = raw.withUnsafeBytes { raw in stored.floats(in: raw, count: count) }
        } else {
            let stored: Int
            switch size {
            case 8: stored = tensor.doubleData.count
            case 2: stored = tensor.int32Data.count
            default: stored = tensor.floatData.count
            }
            guard stored == count else {
                throw FileProblem("\(what) holds \(stored) values, but its shape \(WeightArray.shapeText(shape)) needs \(count)")
            }
            switch size {
            case 8: values = tensor.doubleData.map { Float($0) }
            case 2: values = tensor.int32Data.map { half(UInt16(truncatingIfNeeded: $0), type: type) }
            default: values = tensor.floatData
            }
        }
        if let bad = FiniteCheck.firstNonFinite(values) {
            throw FileProblem("\(what) holds \(values[bad]) at \(WeightArray.indexText(bad, shape: shape)) "
                + "(as float32); weights must be finite numbers")
        }
        return values
    }

    /// A float16 or bfloat16 value from its bits.
    private static func half(_ bits: UInt16, type: Int32) -> Float {
        if Int(type) == Onnx_TensorProto.DataType.bfloat16.rawValue { return Float(bitPattern: UInt32(bits) << 16) }
        return Float(Float16(bitPattern: bits))
    }

    // MARK: Names

    /// Where ONNX puts a canonical block's rows: [z, r, h].
    private static func onnxBlock(_ block: GateBlock) -> Int {
        switch block {
        case .update: return 0
        case .reset: return 1
        case .candidate: return 2
        }
    }

    private static func directionCount(_ node: GRUNode) -> Int {
        node.w.dims.first.map { Int($0) } ?? 1
    }

    static func typeName(_ dataType: Int32) -> String {
        switch Onnx_TensorProto.DataType(rawValue: Int(dataType)) {
        case .float?: return "float32"
        case .double?: return "float64"
        case .float16?: return "float16"
        case .bfloat16?: return "bfloat16"
        case let known?: return "\(known)"
        case nil: return "data type \(dataType)"
        }
    }

    private static func isDefaultDomain(_ domain: String) -> Bool { domain.isEmpty || domain == "ai.onnx" }

    private static func quoted(_ name: String) -> String { OneLine.quoted(name) }

    private static func describe(_ error: Error) -> String {
        switch error {
        case BinaryDecodingError.truncated: return "the data is cut off"
        case BinaryDecodingError.messageDepthLimit: return "messages nest deeper than \(ProtobufBudget.maximumDepth) levels"
        case BinaryDecodingError.malformedProtobuf: return "malformed data"
        case BinaryDecodingError.invalidUTF8: return "a text field is not UTF-8"
        case BinaryDecodingError.missingRequiredFields: return "a required field is missing"
        default: return OneLine.clean(String(describing: error))
        }
    }
}
