import Foundation
import GRUCore

/// One way of reading an array's name as part of a GRU: `encoder.gru.weight_ih_l1_reverse` is
/// the `weight_ih` of the PyTorch GRU with prefix `encoder.gru.`, layer 1, reverse direction.
struct GRUNameMatch: Equatable {
    /// The name as the file spells it.
    let name: String
    /// Everything before the framework's own name, with its separator: `encoder.gru.`, or empty.
    let prefix: String
    let role: GRUArrayRole
    /// PyTorch's layer (`_l1` is 1); 0 for names without a suffix and for other frameworks.
    let layer: Int
    /// PyTorch's `_reverse` suffix, or a Keras name under `backward_…` (a Bidirectional wrapper).
    let reverse: Bool
    /// The layer suffix as spelled, `_l0` included, so that a missing array can be named exactly.
    let layerSpelling: String

    /// Every reading of `name`; a name can fit several (`gates/kernel` is TensorFlow's gates kernel
    /// and, read loosely, the Keras kernel of a GRU called `gates`), and the grouping decides.
    static func matches(for name: String, stripNPY: Bool) -> [GRUNameMatch] {
        var stem = Substring(name)
        if stripNPY, stem.hasSuffix(".npy") { stem = stem.dropLast(4) }
        stem = withoutVariableIndex(stem)
        // A TensorFlow 2 checkpoint names a variable `…/kernel/.ATTRIBUTES/VARIABLE_VALUE`.
        let checkpointSuffix = "/.ATTRIBUTES/VARIABLE_VALUE"
        if stem.hasSuffix(checkpointSuffix) { stem = stem.dropLast(checkpointSuffix.count) }
        var found: [GRUNameMatch] = []
        let layered = splitPyTorchLayer(stem)
        for role in GRUArrayRole.allCases {
            let candidate = role.variant == .pytorch ? layered.stem : stem
            for leaf in role.leafNames {
                guard let prefix = prefix(of: candidate, leaf: leaf) else { continue }
                let isPyTorch = role.variant == .pytorch
                found.append(GRUNameMatch(
                    name: name, prefix: String(prefix), role: role,
                    layer: isPyTorch ? layered.layer : 0,
                    reverse: isPyTorch ? layered.reverse : isBackward(prefix),
                    layerSpelling: isPyTorch ? layered.spelling : ""))
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

    /// `weight_ih_l1_reverse` → (`weight_ih`, 1, reverse, `_l1_reverse`); names without a layer
    /// suffix stay whole, as layer 0 forward.
    private static func splitPyTorchLayer(_ name: Substring) -> (stem: Substring, layer: Int, reverse: Bool, spelling: String) {
        var rest = name
        var reverse = false
        if rest.hasSuffix("_reverse") {
            rest = rest.dropLast("_reverse".count)
            reverse = true
        }
        guard let marker = rest.range(of: "_l", options: .backwards) else { return (name, 0, false, "") }
        let digits = rest[marker.upperBound...]
        // Nine digits at most keeps the number an Int; no real GRU has a billion layers.
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let layer = Int(digits)
        else { return (name, 0, false, "") }
        return (rest[..<marker.lowerBound], layer, reverse, String(rest[marker.lowerBound...]) + (reverse ? "_reverse" : ""))
    }

    /// Keras's Bidirectional wrapper names its two layers `forward_gru` and `backward_gru`.
    private static func isBackward(_ prefix: Substring) -> Bool {
        prefix.split(whereSeparator: { $0 == "/" || $0 == "." }).contains { $0.hasPrefix("backward_") }
    }

    /// The prefix before `leaf` when `name` is `leaf` or ends with `/leaf` or `.leaf`.
    private static func prefix(of name: Substring, leaf: String) -> Substring? {
        guard name.hasSuffix(leaf) else { return nil }
        let prefix = name.dropLast(leaf.count)
        guard prefix.isEmpty || prefix.hasSuffix("/") || prefix.hasSuffix(".") else { return nil }
        return prefix
    }
}
