import GRUCore

/// A JSON weight file: `{"variant": "keras", "reset_after": true, "kernel": [[...]], ...}`.
///
/// Arrays are nested JSON arrays under the framework's own names; nested objects are read as
/// name paths (`{"gates": {"kernel": ...}}` is `gates/kernel`). Keys that hold neither arrays
/// nor objects (a `source` note, sizes) are ignored.
struct JSONWeightDocument: WeightArraySource {
    /// The variant the file states, if it does.
    let variant: GRUVariant?
    /// Keras's `reset_after` as the file states it, with its line.
    let resetAfter: (value: Bool, line: Int)?
    let arrayNames: [String]
    private let arrays: [String: JSONNode]

    /// Reads the document from the file's bytes.
    init(bytes: [UInt8]) throws(FileProblem) {
        let root = try JSONReader.parse(bytes)
        guard case let .object(members) = root.value else {
            throw FileProblem(
                line: root.line,
                "the file holds \(root.value.kind), not a JSON object; expected "
                    + "{\"variant\": \"tf-grucell\" | \"keras\" | \"pytorch\", \"<array name>\": [[...]], ...}")
        }
        var variant: GRUVariant?
        var resetAfter: (value: Bool, line: Int)?
        var names: [String] = []
        var arrays: [String: JSONNode] = [:]
        for member in members {
            switch member.key {
            case "variant":
                guard case let .string(text) = member.value.value, let stated = GRUVariant(rawValue: text) else {
                    throw FileProblem(
                        line: member.line,
                        "\"variant\" is \(Self.shown(member.value.value)); expected one of \(GRUVariant.spellings)")
                }
                variant = stated
            case "reset_after":
                guard case let .bool(flag) = member.value.value else {
                    throw FileProblem(
                        line: member.line, "\"reset_after\" is \(Self.shown(member.value.value)); expected true or false")
                }
                resetAfter = (flag, member.line)
            default:
                Self.collect(member.key, member.value, into: &names, &arrays)
            }
        }
        self.variant = variant
        self.resetAfter = resetAfter
        self.arrayNames = names
        self.arrays = arrays
    }

    func header(named name: String) throws(FileProblem) -> ArrayHeader {
        let array = try array(named: name)
        return ArrayHeader(name: name, shape: array.shape, dtype: "JSON numbers", line: array.line)
    }

    func array(named name: String) throws(FileProblem) -> WeightArray {
        guard let node = arrays[name] else {
            throw FileProblem("array \(OneLine.quoted(name)) is missing")
        }
        guard case let .numbers(shape, values) = node.value else {
            throw Self.arrayProblem(node, name: name, position: "")
        }
        return WeightArray(name: name, shape: shape, values: values, line: node.line)
    }

    /// Adds the arrays under `name`: the value itself, or an object's arrays as `name/key`.
    private static func collect(
        _ name: String, _ node: JSONNode, into names: inout [String], _ arrays: inout [String: JSONNode]
    ) {
        switch node.value {
        case .numbers, .array:
            names.append(name)
            arrays[name] = node
        case let .object(members):
            for member in members {
                collect(name + "/" + member.key, member.value, into: &names, &arrays)
            }
        case .string, .number, .bool, .null:
            break
        }
    }

    /// Why an array is not a rectangular block of numbers: the first element that is not a number,
    /// or the first row whose shape differs from the first row's.
    private static func arrayProblem(_ node: JSONNode, name: String, position: String) -> FileProblem {
        let quoted = OneLine.quoted(name)
        guard case let .array(elements) = node.value else {
            return FileProblem(line: node.line, "\(quoted) holds \(node.value.kind), not an array of numbers")
        }
        for (index, element) in elements.enumerated() {
            switch element.value {
            case .array:
                return arrayProblem(element, name: name, position: position + "[\(index)]")
            case .string, .bool, .null, .object:
                return FileProblem(
                    line: element.line,
                    "array \(quoted) holds \(element.value.kind) at \(position)[\(index)]; expected only numbers")
            case .number, .numbers:
                continue
            }
        }
        let shapes = elements.map { element -> [Int] in
            if case let .numbers(shape, _) = element.value { return shape }
            return []
        }
        let odd = shapes.firstIndex { $0 != shapes.first } ?? 0
        func describe(_ shape: [Int]) -> String {
            shape.isEmpty ? "a single number" : "\(shape.count == 1 ? "\(shape[0]) values" : "shape \(WeightArray.shapeText(shape))")"
        }
        return FileProblem(
            line: elements[odd].line,
            "array \(quoted) is ragged: \(position)[\(odd)] has \(describe(shapes[odd])) where \(position)[0] has "
                + "\(describe(shapes.first ?? [])); every row must be the same length")
    }

    private static func shown(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): return OneLine.quoted(text)
        case let .bool(flag): return String(flag)
        case let .number(number): return String(number)
        default: return value.kind
        }
    }
}
