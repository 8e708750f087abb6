import Foundation
import GRUCore

/// One way of reading an array's name as part of a GRU: `encoder.gru.weight_ih_l0` is the
/// `weight_ih` of the PyTorch GRU with prefix `encoder.gru.`, layer 0.
struct GRUNameMatch: Equatable {
    /// The name as the file spells it.
    let name: String
    /// Everything before the framework's own name, with its separator: `encoder.gru.`, or empty.
    let prefix: String
    let role: GRUArrayRole
    /// PyTorch's layer suffix (`_l1`, `_l0_reverse`); empty for layer 0 forward and other frameworks.
    let layer: String
    /// The layer suffix as spelled, `_l0` included, so that a missing array can be named exactly.
    let layerSpelling: String

    /// Every reading of `name`; a name can fit several (`gates/kernel` is TensorFlow's gates kernel
    /// and, read loosely, the Keras kernel of a GRU called `gates`), and the grouping decides.
    static func matches(for name: String, stripNPY: Bool) -> [GRUNameMatch] {
        var stem = Substring(name)
        if stripNPY, stem.hasSuffix(".npy") { stem = stem.dropLast(4) }
        stem = withoutVariableIndex(stem)
        var found: [GRUNameMatch] = []
        let (layerless, layer) = splitPyTorchLayer(stem)
        for role in GRUArrayRole.allCases {
            let candidate = role.variant == .pytorch ? layerless : stem
            for leaf in role.leafNames {
                guard let prefix = prefix(of: candidate, leaf: leaf) else { continue }
                let roleLayer = role.variant == .pytorch && layer != "_l0" ? layer : ""
                found.append(GRUNameMatch(
                    name: name, prefix: String(prefix), role: role, layer: roleLayer,
                    layerSpelling: role.variant == .pytorch ? layer : ""))
            }
        }
        return found
    }

    /// TensorFlow names variables `kernel:0`; the `:0` is not part of the name.
    private static func withoutVariableIndex(_ name: Substring) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name }
        let digits = name[name.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return name }
        return name[..<colon]
    }

    /// `weight_ih_l1_reverse` → (`weight_ih`, `_l1_reverse`); names without a layer suffix stay whole.
    private static func splitPyTorchLayer(_ name: Substring) -> (Substring, String) {
        var rest = name
        var suffix = ""
        if rest.hasSuffix("_reverse") {
            rest = rest.dropLast("_reverse".count)
            suffix = "_reverse"
        }
        guard let marker = rest.range(of: "_l", options: .backwards) else { return (name, "") }
        let digits = rest[marker.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (name, "") }
        return (rest[..<marker.lowerBound], String(rest[marker.lowerBound...]) + suffix)
    }

    /// The prefix before `leaf` when `name` is `leaf` or ends with `/leaf` or `.leaf`.
    private static func prefix(of name: Substring, leaf: String) -> Substring? {
        guard name.hasSuffix(leaf) else { return nil }
        let prefix = name.dropLast(leaf.count)
        guard prefix.isEmpty || prefix.hasSuffix("/") || prefix.hasSuffix(".") else { return nil }
        return prefix
    }
}
