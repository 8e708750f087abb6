import GRUCore

/// Finds the one GRU in a file's array names: groups the names by framework, prefix and layer,
/// keeps the complete groups, and asks for `--prefix` when there are several.
enum GRULocator {
    /// The selection for a file whose arrays are `names` (in file order).
    ///
    /// - Parameters:
    ///   - stripNPY: npz entry names end in `.npy`, which is not part of the array's name.
    ///   - declared: the variant a JSON file states, which restricts the search to that framework.
    ///   - prefix: the user's `--prefix`, with or without its trailing `/` or `.`.
    static func locate(
        names: [String], stripNPY: Bool, declared: GRUVariant?, prefix requested: String?
    ) throws(FileProblem) -> GRUArraySelection {
        var groups = group(names, stripNPY: stripNPY)
        if let declared {
            groups = groups.filter { $0.variant == declared }
            guard groups.contains(where: { !$0.names.isEmpty }) else {
                throw FileProblem(
                    "it says \"variant\": \"\(declared.rawValue)\" but holds no \(GRUArrayRole.frameworkName(declared)) "
                        + "arrays (\(GRUArrayRole.requiredList(declared))); found \(arrayList(names))")
            }
        }
        let everyComplete = groups.filter { $0.isComplete && $0.key.layer.isEmpty }
        if let requested {
            groups = try select(groups, prefix: requested, available: everyComplete)
        }
        let complete = groups.filter { $0.isComplete && $0.key.layer.isEmpty }
        if complete.count == 1, let only = complete.first {
            var selection = try resolve(only)
            selection.otherLayers = groups
                .filter { $0.isComplete && !$0.key.layer.isEmpty && $0.key.prefix == only.key.prefix && $0.variant == only.variant }
                .map { layerName($0.key.layer) }
            return selection
        }
        if complete.count > 1 {
            throw severalProblem(complete, requested: requested)
        }
        if let layered = groups.first(where: { $0.isComplete }) {
            let layers = groups.filter { $0.isComplete && $0.key.prefix == layered.key.prefix }.map { layerName($0.key.layer) }
            throw FileProblem(
                "it holds \(layers.joined(separator: ", ")) of the PyTorch GRU \(shownPrefix(layered)) but not layer 0 "
                    + "(names ending in _l0); gruscope shows layer 0 in the forward direction")
        }
        throw missingProblem(groups, names: names)
    }

    /// Every reading of every name, grouped, in the order the groups first appear.
    private static func group(_ names: [String], stripNPY: Bool) -> [GRUArrayGroup] {
        var groups: [GRUArrayGroup] = []
        var index: [GRUArrayGroup.Key: Int] = [:]
        for (position, name) in names.enumerated() {
            for match in GRUNameMatch.matches(for: name, stripNPY: stripNPY) {
                let key = GRUArrayGroup.Key(variant: match.role.variant, prefix: match.prefix, layer: match.layer)
                if index[key] == nil {
                    index[key] = groups.count
                    groups.append(GRUArrayGroup(key: key, firstIndex: position))
                }
                if let slot = index[key] { groups[slot].add(match) }
            }
        }
        return groups
    }

    /// The groups `--prefix` picks: the exact prefix if a group has it, else those it starts.
    private static func select(
        _ groups: [GRUArrayGroup], prefix requested: String, available: [GRUArrayGroup]
    ) throws(FileProblem) -> [GRUArrayGroup] {
        var wanted = Substring(requested)
        if wanted.hasSuffix("/") || wanted.hasSuffix(".") { wanted = wanted.dropLast() }
        let exact = groups.filter { $0.displayPrefix == wanted }
        if !exact.isEmpty { return exact }
        let starting = wanted.isEmpty ? [] : groups.filter { $0.displayPrefix.hasPrefix(wanted) }
        if starting.contains(where: \.isComplete) { return starting }
        let choices = available.isEmpty
            ? "this file holds no complete GRU"
            : "the GRUs here: \(prefixList(available))"
        throw FileProblem("no GRU has the prefix \(OneLine.quoted(requested)); \(choices)")
    }

    /// Exactly one array per role, or a message naming the rivals.
    private static func resolve(_ group: GRUArrayGroup) throws(FileProblem) -> GRUArraySelection {
        var chosen: [GRUArrayRole: String] = [:]
        for role in group.requiredRoles {
            guard let names = group.names[role], let first = names.first else { continue }
            guard names.count == 1 else {
                throw FileProblem(
                    "the arrays \(OneLine.list(names)) all fit \(role.canonicalName) of the "
                        + "\(GRUArrayRole.frameworkName(group.variant)) \(shownPrefix(group)); keep only one")
            }
            chosen[role] = first
        }
        let prefix = group.displayPrefix
        return GRUArraySelection(variant: group.variant, prefix: prefix.isEmpty ? nil : prefix, names: chosen)
    }

    private static func severalProblem(_ groups: [GRUArrayGroup], requested: String?) -> FileProblem {
        let list = prefixList(groups)
        if let requested {
            return FileProblem(
                "the prefix \(OneLine.quoted(requested)) fits \(groups.count) GRUs: \(list); pass a longer --prefix")
        }
        let example = groups.first(where: { !$0.displayPrefix.isEmpty })?.displayPrefix ?? ""
        return FileProblem(
            "it holds \(groups.count) GRUs: \(list); pass --prefix P to pick one, e.g. --prefix \(OneLine.clean(example))")
    }

    /// No complete group: name the arrays missing from the most promising one.
    private static func missingProblem(_ groups: [GRUArrayGroup], names: [String]) -> FileProblem {
        guard !names.isEmpty else { return FileProblem("it holds no arrays") }
        let best = groups.filter { $0.key.layer.isEmpty }.max { a, b in
            let scoreA = (a.hasRecurrentEvidence ? 1 : 0, a.names.count, -a.requiredRoles.count, -a.firstIndex)
            let scoreB = (b.hasRecurrentEvidence ? 1 : 0, b.names.count, -b.requiredRoles.count, -b.firstIndex)
            return scoreA < scoreB
        }
        guard let best, best.hasRecurrentEvidence || best.names.count > 1 else {
            return FileProblem(
                "no GRU weights found among its arrays (\(arrayList(names))); gruscope reads a TensorFlow GRUCell "
                    + "(\(GRUArrayRole.requiredList(.tfGRUCell))), a Keras GRU (\(GRUArrayRole.requiredList(.keras))) "
                    + "or a PyTorch GRU (\(GRUArrayRole.requiredList(.pytorch)))")
        }
        let missing = best.missingRoles.map { OneLine.quoted(best.expectedName($0)) }
        let subject = missing.count == 1
            ? "array \(missing[0]) is missing"
            : "arrays \(missing.dropLast().joined(separator: ", ")) and \(missing.last ?? "") are missing"
        return FileProblem(
            "\(subject): a \(GRUArrayRole.frameworkName(best.variant)) needs "
                + "\(GRUArrayRole.requiredList(best.variant)); found \(OneLine.list(best.foundNames))")
    }

    /// The groups' prefixes for a message, with the framework where two share a prefix.
    private static func prefixList(_ groups: [GRUArrayGroup]) -> String {
        groups.map { group in
            let shared = groups.filter { $0.displayPrefix == group.displayPrefix }.count > 1
            let name = group.displayPrefix.isEmpty ? "(no prefix)" : OneLine.quoted(group.displayPrefix)
            return shared ? "\(name) (\(GRUArrayRole.frameworkName(group.variant)))" : name
        }.joined(separator: ", ")
    }

    /// `_l1` → `layer 1`, `_l0_reverse` → `layer 0 (reverse)`.
    private static func layerName(_ suffix: String) -> String {
        var rest = Substring(suffix)
        let reverse = rest.hasSuffix("_reverse")
        if reverse { rest = rest.dropLast("_reverse".count) }
        if rest.hasPrefix("_l") { rest = rest.dropFirst(2) }
        return "layer \(rest)" + (reverse ? " (reverse)" : "")
    }

    private static func shownPrefix(_ group: GRUArrayGroup) -> String {
        group.displayPrefix.isEmpty ? "without a prefix" : OneLine.quoted(group.displayPrefix)
    }

    /// The file's array names for a message.
    private static func arrayList(_ names: [String]) -> String {
        names.isEmpty ? "no arrays" : OneLine.list(names)
    }
}
