/// What a Keras model's configuration (config.json of a .keras archive, or the `model_config`
/// attribute of a tf_keras H5 file) says about its layers: their order, and each GRU's settings.
struct KerasConfig {
    /// One GRU layer's settings that change what its weights mean.
    struct GRUSettings: Equatable {
        var resetAfter: Bool?
        var goBackwards = false
        var activation = "tanh"
        var recurrentActivation = "sigmoid"

        /// Whether the GRU uses the activations every framework's GRU uses.
        var standardActivations: Bool { activation == "tanh" && recurrentActivation == "sigmoid" }
    }

    /// Each named layer's position in the configuration, in document order.
    private var positions: [String: Int] = [:]
    private var grus: [String: GRUSettings] = [:]

    /// Parses the configuration JSON; `source` names it in messages.
    init(json bytes: [UInt8], source: String) throws(FileProblem) {
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw FileProblem("its \(source) is not valid JSON: \(error.message(file: source))")
        }
        visit(root.value)
    }

    /// The layer's position in the configuration, or nil when it is not named there.
    func position(of layer: String) -> Int? { positions[layer] }

    /// The settings of the GRU called `name`, or nil when the configuration has no such GRU.
    func gru(named name: String) -> GRUSettings? { grus[name] }

    /// Walks every object: a layer is an object with `class_name` and a `config` that has a `name`.
    private mutating func visit(_ value: JSONValue) {
        switch value {
        case let .object(members):
            if let className = Self.string(members, "class_name"), case let .object(config)? = Self.member(members, "config"),
                let name = Self.string(config, "name")
            {
                if positions[name] == nil { positions[name] = positions.count }
                if className == "GRU", grus[name] == nil { grus[name] = Self.settings(config) }
            }
            for member in members { visit(member.value.value) }
        case let .array(nodes):
            for node in nodes { visit(node.value) }
        default:
            break
        }
    }

    private static func settings(_ config: [JSONMember]) -> GRUSettings {
        var settings = GRUSettings()
        if case let .bool(value)? = member(config, "reset_after") { settings.resetAfter = value }
        if case let .bool(value)? = member(config, "go_backwards") { settings.goBackwards = value }
        if let activation = activationName(member(config, "activation")) { settings.activation = activation }
        if let activation = activationName(member(config, "recurrent_activation")) { settings.recurrentActivation = activation }
        return settings
    }

    /// `"tanh"`, or a serialised function `{"class_name": "function", "config": "tanh", …}`.
    private static func activationName(_ value: JSONValue?) -> String? {
        switch value {
        case let .string(name)?: return name
        case let .object(members)?: return string(members, "config") ?? string(members, "class_name")
        default: return nil
        }
    }

    private static func member(_ members: [JSONMember], _ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value.value
    }

    private static func string(_ members: [JSONMember], _ key: String) -> String? {
        if case let .string(text)? = member(members, key) { return text }
        return nil
    }
}
