/// Every GRU cell a weight file holds, and the one a ``CellSelection`` picks.
///
/// ## Where a weight format plugs in
/// A format is a case of ``WeightFormat``, recognised by ``WeightFormat/detect(_:name:)`` from
/// the file's first bytes (or its zip member names), and a reader that turns the file's bytes
/// into ``CatalogueCell``s (see ``WeightFormat/cells(in:)``):
/// - a format that stores arrays under names implements ``WeightArraySource`` (names, headers
///   with shape and dtype, then the numbers on request) and calls
///   ``NamedArrayCatalogue/cells(in:declared:resetAfter:)``, which finds every GRU, layer and
///   direction among the names and checks shapes and limits from the headers alone;
/// - a format that knows its cells itself (ONNX GRU nodes) builds a ``GRUCellInfo`` per cell,
///   checks ``GRUSizeLimits`` before decoding, and returns a ``DecodedCell/packed(_:initialState:)``
///   from its `decode` closure.
/// Selection, listing (`gruscope weights`), messages and limits are then the same for every
/// format. Readers take bytes, not paths, so that a fuzz target can call them directly.
public struct WeightCatalogue {
    /// The format the file was read as.
    public let format: WeightFormat
    let cells: [CatalogueCell]

    init(format: WeightFormat, cells: [CatalogueCell]) {
        self.format = format
        self.cells = cells
    }

    /// The cells in file order.
    public var infos: [GRUCellInfo] { cells.map(\.info) }

    /// The cell `selection` picks, with the other cells of the same GRU.
    ///
    /// Several GRUs need `--prefix` (or a `--layer` only one of them has); of one GRU with several
    /// cells, its first layer and the forward direction are the default. Every refusal points to `gruscope weights FILE`.
    func select(_ selection: CellSelection) throws(FileProblem) -> (cell: CatalogueCell, others: [GRUCellInfo]) {
        var candidates = cells
        if let requested = selection.prefix {
            candidates = try Self.matching(prefix: requested, in: cells)
        } else if let layer = selection.layer {
            // Without --prefix, --layer N picks among several GRUs when only one has a layer N:
            // a Keras stack numbers its GRU layers across the model.
            let having = Set(cells.filter { $0.info.layer == layer }.map { GRUKey($0.info) })
            if having.count == 1, let only = having.first { candidates = cells.filter { GRUKey($0.info) == only } }
        }
        // The GRUs among the candidates, in file order, found in one pass.
        var firstOfGRU: [GRUKey: Int] = [:]
        var gruOrder: [GRUKey] = []
        for cell in candidates {
            let key = GRUKey(cell.info)
            if firstOfGRU[key] == nil {
                firstOfGRU[key] = gruOrder.count
                gruOrder.append(key)
            }
        }
        guard gruOrder.count <= 1, let only = gruOrder.first else {
            throw severalProblem(gruOrder, requested: selection.prefix)
        }
        let ofGRU = candidates.filter { GRUKey($0.info) == only }
        // By default the GRU's first layer (a Keras GRU layer is numbered by its place in the stack).
        let wantedLayer = selection.layer ?? ofGRU.map(\.info.layer).min() ?? 0
        let wantedDirection = selection.direction ?? .forward
        let exact = ofGRU.first { $0.info.layer == wantedLayer && $0.info.direction == wantedDirection }
        let chosen: CatalogueCell
        if let exact {
            chosen = exact
        } else if selection.layer == nil, selection.direction == nil, ofGRU.count == 1, let single = ofGRU.first {
            chosen = single
        } else {
            let asked = "layer \(wantedLayer)" + (wantedDirection == .reverse ? " in the reverse direction" : "")
            let has = OneLine.list(ofGRU.map(\.info.layerText), limit: 12)
            throw FileProblem(
                "the \(Self.describe(only)) has no \(asked); it has \(has); choose with --layer N and --direction forward|reverse",
                listing: true)
        }
        if let problem = chosen.problem { throw problem }
        if let problem = chosen.info.problem { throw FileProblem(problem) }
        let others = ofGRU.filter { $0.info != chosen.info }.map(\.info)
        return (chosen, others)
    }

    /// The cells `--prefix` picks: the exact prefix if a cell has it, else those it starts.
    private static func matching(prefix requested: String, in cells: [CatalogueCell]) throws(FileProblem) -> [CatalogueCell] {
        var wanted = Substring(requested)
        if wanted.hasSuffix("/") || wanted.hasSuffix(".") { wanted = wanted.dropLast() }
        let exact = cells.filter { ($0.info.name ?? "") == wanted }
        if !exact.isEmpty { return exact }
        let starting = wanted.isEmpty ? [] : cells.filter { ($0.info.name ?? "").hasPrefix(wanted) }
        if !starting.isEmpty { return starting }
        let names = uniqueNames(cells)
        // A prefix that ends a listed one (`gru` for `encoder.gru`) is most likely that one.
        let ending = names.filter { name in
            guard name.hasSuffix(wanted), name.count > wanted.count else { return false }
            let before = name.dropLast(wanted.count).last
            return before == "." || before == "/"
        }
        if !wanted.isEmpty, let suggestion = ending.first {
            let others = ending.count > 1 ? " (or \(OneLine.list(Array(ending.dropFirst()), limit: 4)))" : ""
            throw FileProblem(
                "no GRU has the prefix \(OneLine.quoted(requested)); did you mean --prefix \(OneLine.clean(suggestion))\(others)?",
                listing: true)
        }
        throw FileProblem(
            "no GRU has the prefix \(OneLine.quoted(requested)); the GRUs here: \(prefixList(names))", listing: true)
    }

    private func severalProblem(_ grus: [GRUKey], requested: String?) -> FileProblem {
        let names = grus.map { $0.name ?? "" }
        let list = Self.prefixList(names)
        if let requested {
            return FileProblem(
                "the prefix \(OneLine.quoted(requested)) fits \(grus.count) GRUs: \(list); pass a longer --prefix",
                listing: true)
        }
        let example = names.first(where: { !$0.isEmpty }) ?? ""
        return FileProblem(
            "it holds \(grus.count) GRUs: \(list); pass --prefix P to pick one, e.g. --prefix \(OneLine.clean(example))",
            listing: true)
    }

    /// Distinct GRU names in file order.
    private static func uniqueNames(_ cells: [CatalogueCell]) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for cell in cells where seen.insert(cell.info.name ?? "").inserted {
            names.append(cell.info.name ?? "")
        }
        return names
    }

    /// Prefixes for a message, at most a dozen, then how many more.
    static func prefixList(_ names: [String]) -> String {
        let limit = 12
        let shown = names.prefix(limit).map { $0.isEmpty ? "(no prefix)" : OneLine.quoted($0) }.joined(separator: ", ")
        return names.count > limit ? shown + " and \(names.count - limit) more" : shown
    }

    private static func describe(_ key: GRUKey) -> String {
        "GRU " + (key.name.map(OneLine.quoted) ?? "without a prefix")
    }

    /// One GRU: its name and framework.
    private struct GRUKey: Hashable {
        let name: String?
        let variant: String

        init(_ info: GRUCellInfo) {
            name = info.name
            variant = info.variant.rawValue
        }
    }
}
