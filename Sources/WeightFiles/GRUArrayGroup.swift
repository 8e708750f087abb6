import GRUCore

/// The arrays of a file that could belong to one GRU cell: the same framework, prefix, layer
/// and direction.
struct GRUArrayGroup {
    /// What identifies a group.
    struct Key: Hashable {
        let variant: GRUVariant
        let prefix: String
        let layer: Int
        let reverse: Bool
    }

    let key: Key
    /// The names found for each role, in file order (more than one is an ambiguity).
    private(set) var names: [GRUArrayRole: [String]] = [:]
    /// PyTorch's layer suffix as the file spells it, for naming a missing array.
    private(set) var layerSpelling = ""
    /// The position of the group's first array in the file, to list groups in file order.
    let firstIndex: Int

    init(key: Key, firstIndex: Int) {
        self.key = key
        self.firstIndex = firstIndex
    }

    mutating func add(_ match: GRUNameMatch) {
        if names.isEmpty { layerSpelling = match.layerSpelling }
        names[match.role, default: []].append(match.name)
    }

    var variant: GRUVariant { key.variant }

    /// The roles this group's framework has.
    var roles: [GRUArrayRole] { GRUArrayRole.roles(of: key.variant) }

    /// Whether every array the framework needs is here: the biases of a PyTorch or Keras GRU
    /// may all be absent (`bias=False`, `use_bias=False`), but not just one of PyTorch's two.
    var isComplete: Bool { missingRoles.isEmpty }

    /// The roles that are missing.
    var missingRoles: [GRUArrayRole] {
        let biases = roles.filter(\.isOptional)
        let withoutBiases = biases.allSatisfy { names[$0] == nil }
        return roles.filter { names[$0] == nil && !($0.isOptional && withoutBiases) }
    }

    /// Whether the group has its biases.
    var hasBiases: Bool { roles.filter(\.isOptional).allSatisfy { names[$0] != nil } }

    /// The names found, in role order.
    var foundNames: [String] { roles.flatMap { names[$0] ?? [] } }

    /// Whether the group holds an array only a GRU has: a lone `kernel` and `bias` are just as
    /// likely a dense layer's.
    var hasRecurrentEvidence: Bool {
        names.keys.contains { $0 != .kernel && $0 != .bias }
    }

    /// The prefix as a user passes it to `--prefix`: without its trailing separator.
    var displayPrefix: String {
        var prefix = Substring(key.prefix)
        if prefix.hasSuffix("/") || prefix.hasSuffix(".") { prefix = prefix.dropLast() }
        return String(prefix)
    }

    /// The GRU the group is a cell of, as `--prefix` names it: the display prefix, except for
    /// Keras, whose layers name their weights `LAYER/gru_cell/…`: the GRU is `LAYER`, and a
    /// Bidirectional wrapper's halves (`bi/forward_gru/gru_cell/…` and `bi/backward_gru/gru_cell/…`)
    /// are the forward and reverse cells of one GRU named after the wrapper (`bi`), as in the
    /// model's .keras or .h5 file.
    var gruName: String {
        var prefix = displayPrefix
        guard key.variant == .keras else { return prefix }
        for cell in ["/gru_cell", ".gru_cell"] where prefix.hasSuffix(cell) { prefix = String(prefix.dropLast(cell.count)) }
        var end = prefix.startIndex
        var start = prefix.startIndex
        while start < prefix.endIndex {
            let stop = prefix[start...].firstIndex { $0 == "/" || $0 == "." } ?? prefix.endIndex
            let component = prefix[start..<stop]
            if component.hasPrefix("forward_") || component.hasPrefix("backward_") {
                return String(prefix[..<end])
            }
            end = stop
            start = stop == prefix.endIndex ? stop : prefix.index(after: stop)
        }
        return prefix
    }

    /// The full name the file would use for a role of this group.
    func expectedName(_ role: GRUArrayRole) -> String {
        key.prefix + role.canonicalName + (key.variant == .pytorch ? layerSpelling : "")
    }
}
