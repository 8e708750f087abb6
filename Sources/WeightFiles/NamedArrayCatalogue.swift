import GRUCore

/// Finds the GRU cells among a file's array names: groups the names by framework, prefix,
/// layer and direction, keeps the complete groups, and checks each one's shapes from the
/// arrays' headers (no numbers are read).
///
/// Linear in the number of names: a file with 20 000 GRUs is catalogued in well under a second.
enum NamedArrayCatalogue {
    /// The cells of `source`.
    ///
    /// - Parameters:
    ///   - stripNPY: npz entry names end in `.npy`, which is not part of the array's name.
    ///   - declared: the variant a JSON file states, which restricts the search to that framework.
    ///   - resetAfter: Keras's `reset_after` as the file states it, with its line.
    static func cells<Source: WeightArraySource>(
        in source: Source, declared: GRUVariant? = nil, resetAfter: (value: Bool, line: Int?)? = nil
    ) throws(FileProblem) -> [CatalogueCell] {
        let names = source.arrayNames
        var groups = group(names)
        if let declared {
            groups = groups.filter { $0.variant == declared }
            guard !groups.isEmpty else {
                throw FileProblem(
                    "it says \"variant\": \"\(declared.rawValue)\" but holds no \(GRUArrayRole.frameworkName(declared)) "
                        + "arrays (\(GRUArrayRole.requiredList(declared))); found \(arrayList(names))")
            }
        }
        let complete = groups.filter(\.isComplete)
        guard !complete.isEmpty else { throw missingProblem(groups, names: names) }
        return complete.map { group in cell(group, source: source, resetAfter: resetAfter) }
    }

    /// One complete group as a cell; a problem with its arrays is kept in its info.
    private static func cell<Source: WeightArraySource>(
        _ group: GRUArrayGroup, source: Source, resetAfter: (value: Bool, line: Int?)?
    ) -> CatalogueCell {
        let prefix = group.gruName
        let name = prefix.isEmpty ? nil : prefix
        let direction: CellDirection = group.key.reverse ? .reverse : .forward
        var chosen: [GRUArrayRole: String] = [:]
        var dtype = ""
        do throws(FileProblem) {
            for role in group.roles {
                guard let found = group.names[role], let first = found.first else { continue }
                guard found.count == 1 else {
                    throw FileProblem(
                        "the arrays \(OneLine.list(found)) all fit \(role.canonicalName) of the "
                            + "\(GRUArrayRole.frameworkName(group.variant)) \(shownPrefix(group)); keep only one")
                }
                chosen[role] = first
            }
            if let primary = group.roles.first.flatMap({ chosen[$0] }) {
                dtype = try source.header(named: primary).dtype
            }
            let plan = try GRUWeightAssembler.plan(
                variant: group.variant, names: chosen, resetAfter: resetAfter,
                header: { (name: String) throws(FileProblem) -> ArrayHeader in try source.header(named: name) })
            let info = GRUCellInfo(
                name: name, layer: group.key.layer, direction: direction,
                inputSize: plan.inputSize, hiddenSize: plan.hiddenSize, variant: plan.variant,
                resetAfter: plan.resetAfter, hasBiases: plan.hasBiases, dtype: dtype)
            let arrayNames = plan.roles.compactMap { plan.names[$0] }
            return CatalogueCell(info: info, arrayNames: arrayNames) { () throws(FileProblem) -> DecodedCell in
                var arrays: [GRUArrayRole: WeightArray] = [:]
                for role in plan.roles {
                    guard let arrayName = plan.names[role] else { continue }
                    arrays[role] = try source.array(named: arrayName)
                }
                return .framework(plan, arrays: arrays)
            }
        } catch {
            let info = GRUCellInfo(
                name: name, layer: group.key.layer, direction: direction, inputSize: 0, hiddenSize: 0,
                variant: group.variant, resetAfter: group.variant.defaultResetAfter, hasBiases: group.hasBiases,
                dtype: dtype, problem: error.text)
            return CatalogueCell(info: info, arrayNames: group.foundNames, problem: error) { () throws(FileProblem) -> DecodedCell in
                throw error
            }
        }
    }

    /// Every reading of every name, grouped, in the order the groups first appear.
    static func group(_ names: [String], stripNPY: Bool = false) -> [GRUArrayGroup] {
        var groups: [GRUArrayGroup] = []
        var index: [GRUArrayGroup.Key: Int] = [:]
        for (position, name) in names.enumerated() {
            for match in GRUNameMatch.matches(for: name, stripNPY: stripNPY) {
                let key = GRUArrayGroup.Key(
                    variant: match.role.variant, prefix: match.prefix, layer: match.layer, reverse: match.reverse)
                let slot: Int
                if let known = index[key] {
                    slot = known
                } else {
                    slot = groups.count
                    index[key] = slot
                    groups.append(GRUArrayGroup(key: key, firstIndex: position))
                }
                groups[slot].add(match)
            }
        }
        return groups
    }

    /// No complete group: name the arrays missing from the most promising one, or say why
    /// nothing here looks like a GRU.
    private static func missingProblem(_ groups: [GRUArrayGroup], names: [String]) -> FileProblem {
        guard !names.isEmpty else { return FileProblem("it holds no arrays") }
        if let hint = positionalHint(names) { return FileProblem(hint) }
        let best = groups.max { a, b in
            let scoreA = (a.hasRecurrentEvidence ? 1 : 0, a.names.count, -a.roles.count, -a.firstIndex)
            let scoreB = (b.hasRecurrentEvidence ? 1 : 0, b.names.count, -b.roles.count, -b.firstIndex)
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

    /// `np.savez(f, *layer.get_weights())` names the arrays `arr_0`, `arr_1`, …: their roles are lost.
    private static func positionalHint(_ names: [String]) -> String? {
        guard names.contains(where: { $0.hasPrefix("arr_") && Int($0.dropFirst(4)) != nil }) else { return nil }
        return "its arrays are named by position (\(arrayList(names))), as np.savez(f, *arrays) saves them, so gruscope "
            + "cannot tell which is which; save them by name, e.g. for Keras: kernel, recurrent_kernel, bias = "
            + "layer.get_weights(); np.savez(\"gru.npz\", kernel=kernel, recurrent_kernel=recurrent_kernel, bias=bias)"
    }

    static func shownPrefix(_ group: GRUArrayGroup) -> String {
        group.displayPrefix.isEmpty ? "without a prefix" : OneLine.quoted(group.displayPrefix)
    }

    /// The file's array names for a message.
    static func arrayList(_ names: [String]) -> String {
        names.isEmpty ? "no arrays" : OneLine.list(names)
    }
}
