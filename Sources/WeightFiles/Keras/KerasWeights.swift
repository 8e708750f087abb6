import Foundation
import GRUCore

/// Keras GRU weights in HDF5: Keras 3's `.keras` archives (config.json + model.weights.h5) and
/// `.weights.h5` files, and tf_keras's (Keras 2) `save_weights("x.h5")` and `save("x.h5")` files.
///
/// Cells are found by layout and shape, whatever the layers are called:
/// - Keras 3: `…/cell/vars/0` (kernel I×3H), `1` (recurrent kernel H×3H), `2` (bias 3H or 2×3H,
///   absent with `use_bias=False`); the layer's name is the `name` attribute of its `vars` group,
///   and a Bidirectional wrapper holds `forward_layer` and `backward_layer`.
/// - tf_keras: a group with `kernel:0`, `recurrent_kernel:0` and maybe `bias:0`, under the
///   layer's group (`model_weights/` first for a whole saved model); a Bidirectional wrapper's
///   halves are `forward_NAME` and `backward_NAME`.
/// `reset_after`, `use_bias`, `go_backwards` and the activations come from the model's
/// configuration when the file has one (config.json, or the `model_config` attribute); otherwise
/// `reset_after` comes from the bias shape (2×3H after, 3H before).
enum KerasWeights {
    /// A `.keras` archive's entries.
    static let configEntry = "config.json"
    static let weightsEntry = "model.weights.h5"

    /// The GRU cells of a `.keras` archive held in `bytes`.
    static func cells(archive bytes: [UInt8]) throws(FileProblem) -> [CatalogueCell] {
        let directory = try ZipDirectory(bytes: bytes)
        /// The entry's bytes, checked (sizes, CRC-32), as an array and where they are in it: a
        /// stored entry (Keras stores model.weights.h5) is read where it lies in the archive;
        /// copying it out was 19 MB more at H=1024.
        func entry(_ name: String) throws(FileProblem) -> (bytes: [UInt8], window: Range<Int>) {
            let matching = directory.entries.filter { $0.name == name }
            guard matching.count == 1, let found = matching.first else {
                throw FileProblem(
                    matching.isEmpty
                        ? "it is a zip without \(OneLine.quoted(name)), so not a whole Keras .keras file; save the model "
                            + "with model.save(\"m.keras\")"
                        : "the archive holds \(OneLine.quoted(name)) more than once; save the model again")
            }
            guard found.uncompressedSize <= WeightFile.maximumFileSize else {
                throw FileProblem("its \(OneLine.quoted(name)) would unpack to \(ByteCount.text(found.uncompressedSize)), "
                    + "more than the \(ByteCount.text(WeightFile.maximumFileSize)) gruscope reads")
            }
            let contents = try directory.contents(of: found)
            if found.method == 0 { return (bytes, contents.startIndex..<contents.endIndex) }
            return (Array(contents), 0..<contents.count)
        }
        let config = try entry(configEntry)
        let configuration = try KerasConfig(json: Array(config.bytes[config.window]), source: configEntry)
        let weights = try entry(weightsEntry)
        return try cells(hdf5: weights.bytes, window: weights.window, config: configuration, inside: weightsEntry)
    }

    /// The GRU cells of an HDF5 weight file; `config` is the model's configuration when known
    /// apart from the file (a .keras archive's config.json). Each cell's numbers are read when
    /// it is decoded, from the file opened again.
    static func cells(
        hdf5 bytes: [UInt8], window: Range<Int>? = nil, config: KerasConfig? = nil, inside entry: String? = nil
    ) throws(FileProblem) -> [CatalogueCell] {
        func placed(_ problem: FileProblem) -> FileProblem {
            guard let entry else { return problem }
            return FileProblem("its \(OneLine.quoted(entry)): \(problem.text)", listing: problem.pointsToListing)
        }
        let found: [Found]
        do throws(FileProblem) {
            found = try HDF5File.withFile(bytes: bytes, window: window) { file throws(FileProblem) -> [Found] in
                try find(file, config: config)
            }
        } catch {
            throw placed(error)
        }
        return found.map { cell in
            let datasets = [(GRUArrayRole.kernel, cell.kernel), (.recurrentKernel, cell.recurrentKernel)]
                + (cell.bias.map { [(GRUArrayRole.bias, $0)] } ?? [])
            var catalogued = CatalogueCell(info: cell.info, arrayNames: datasets.map(\.1.path)) { () throws(FileProblem) -> DecodedCell in
                do throws(FileProblem) {
                    return try HDF5File.withFile(bytes: bytes, window: window) { file throws(FileProblem) -> DecodedCell in
                        var arrays: [GRUArrayRole: WeightArray] = [:]
                        for (role, dataset) in datasets {
                            let values = try file.floats(dataset)
                            if let bad = FiniteCheck.firstNonFinite(values) {
                                throw FileProblem("dataset \(OneLine.quoted(dataset.path)) holds \(values[bad]) at "
                                    + "\(WeightArray.indexText(bad, shape: dataset.shape)); weights must be finite numbers")
                            }
                            arrays[role] = WeightArray(name: dataset.path, shape: dataset.shape, values: values, line: nil)
                        }
                        guard let plan = cell.plan else { throw FileProblem(cell.info.problem ?? "the cell cannot be read") }
                        return .framework(plan, arrays: arrays)
                    }
                } catch {
                    throw placed(error)
                }
            }
            catalogued.problem = cell.problem.map(placed)
            catalogued.notes = cell.notes
            return catalogued
        }
    }

    /// One cell as found in the file.
    private struct Found {
        let info: GRUCellInfo
        /// The checked shapes, or nil when the cell cannot be loaded (``problem`` says why).
        let plan: GRUCellPlan?
        let kernel: HDF5Dataset
        let recurrentKernel: HDF5Dataset
        let bias: HDF5Dataset?
        let problem: FileProblem?
        /// What had to be assumed (reset_after without a bias or a configuration, the layers' order).
        var notes: [String]
    }

    /// A layer's datasets before its shapes are judged.
    private struct Candidate {
        /// The layer as the user names it (the wrapper's name for a Bidirectional half).
        let layerName: String
        /// The GRU's own name, as its configuration knows it (`forward_gru`, or the layer's).
        let configName: String
        /// What orders the layers when there is no configuration, and groups a wrapper's halves.
        let layerKey: String
        let backward: Bool
        let kernel: HDF5Dataset
        let recurrentKernel: HDF5Dataset
        let bias: HDF5Dataset?
    }

    private static func find(_ file: HDF5File, config given: KerasConfig?) throws(FileProblem) -> [Found] {
        let (datasets, groups) = try file.walk()
        var config = given
        if config == nil, let text = try file.stringAttribute("model_config", of: "") {
            config = try KerasConfig(json: Array(text.utf8), source: "the model_config attribute")
        }
        // tf_keras lists its layers in order: at the root of save_weights' file, under
        // model_weights in save's.
        var layerOrder = try file.stringsAttribute("layer_names", of: "") ?? []
        if layerOrder.isEmpty, groups.contains("model_weights") {
            layerOrder = try file.stringsAttribute("layer_names", of: "model_weights") ?? []
        }
        var candidates = try keras3Candidates(datasets, groups: Set(groups), file: file) + tfKerasCandidates(datasets)
        guard !candidates.isEmpty || !datasets.isEmpty else {
            throw FileProblem("it is an HDF5 file without datasets, so it holds no weights")
        }
        candidates.sort { a, b in
            let keyA = (config?.position(of: a.layerName) ?? layerOrder.firstIndex(of: a.layerName) ?? Int.max)
            let keyB = (config?.position(of: b.layerName) ?? layerOrder.firstIndex(of: b.layerName) ?? Int.max)
            if keyA != keyB { return keyA < keyB }
            if a.layerKey != b.layerKey { return naturalOrder(a.layerKey, b.layerKey) }
            return !a.backward && b.backward
        }
        var found: [Found] = []
        var lstm: String?
        // Each GRU layer is numbered in the model's order (a Bidirectional's halves share one
        // number), so that --layer N picks the N-th GRU layer of a stack.
        var layers: [String: Int] = [:]
        for candidate in candidates {
            let k = candidate.kernel.shape, u = candidate.recurrentKernel.shape
            guard k.count == 2, u.count == 2, u[0] >= 1, k[0] >= 1, k[1] == u[1] else { continue }
            let h = u[0]
            if u[1] == 4 * h { lstm = lstm ?? candidate.layerName; continue }
            guard u[1] == 3 * h else { continue }
            let layer = layers[candidate.layerName] ?? layers.count
            layers[candidate.layerName] = layer
            found.append(judge(candidate, layer: layer, hiddenSize: h, config: config))
        }
        let ordered = candidates.allSatisfy { config?.position(of: $0.layerName) != nil || layerOrder.contains($0.layerName) }
        if layers.count > 1, !ordered {
            for index in found.indices {
                found[index].notes.append("the file does not say the order of its \(layers.count) GRU layers, so --layer "
                + "numbers them by their names in the file; load the .keras file to number them as the model stacks them")
            }
        }
        guard !found.isEmpty else {
            if let lstm {
                throw FileProblem("its layer \(OneLine.quoted(lstm)) has 4H columns, so it looks like an LSTM; gruscope shows GRUs")
            }
            throw FileProblem("it holds no Keras GRU weights (\(datasets.count) datasets, none a GRU's kernel I×3H with a "
                + "recurrent_kernel H×3H); save the model with model.save(\"m.keras\") or model.save_weights(\"m.weights.h5\")")
        }
        return found
    }

    /// Checks a GRU's shapes and configuration and describes it as a cell; what is wrong is
    /// kept as the cell's problem, so that the other cells still load and list.
    private static func judge(_ candidate: Candidate, layer: Int, hiddenSize h: Int, config: KerasConfig?) -> Found {
        let settings = config?.gru(named: candidate.configName) ?? config?.gru(named: candidate.layerName)
        let backward = candidate.backward || (settings?.goBackwards ?? false)
        var notes: [String] = []
        var stated = settings?.resetAfter
        if candidate.bias == nil, stated == nil {
            stated = true
            notes.append("layer \(OneLine.quoted(candidate.layerName)) has no bias and the file no configuration, so "
                + "reset_after=True (Keras's default) is assumed; load the .keras file to be sure")
        }
        var names: [GRUArrayRole: String] = [.kernel: candidate.kernel.path, .recurrentKernel: candidate.recurrentKernel.path]
        var headers: [String: HDF5Dataset] = [candidate.kernel.path: candidate.kernel, candidate.recurrentKernel.path: candidate.recurrentKernel]
        if let bias = candidate.bias {
            names[.bias] = bias.path
            headers[bias.path] = bias
        }
        var plan: GRUCellPlan?
        var problem: FileProblem?
        do throws(FileProblem) {
            if let settings, !settings.standardActivations {
                throw FileProblem("layer \(OneLine.quoted(candidate.layerName)) uses activation \(OneLine.quoted(settings.activation)) "
                    + "and recurrent_activation \(OneLine.quoted(settings.recurrentActivation)); gruscope shows the standard "
                    + "GRU (tanh and sigmoid)")
            }
            plan = try GRUWeightAssembler.plan(
                variant: .keras, names: names, resetAfter: stated.map { ($0, nil) },
                header: { (name: String) throws(FileProblem) -> ArrayHeader in
                    guard let dataset = headers[name] else { throw FileProblem("dataset \(OneLine.quoted(name)) is missing") }
                    return ArrayHeader(name: name, shape: dataset.shape, dtype: dataset.typeName, line: nil)
                })
        } catch {
            problem = error
        }
        let info = GRUCellInfo(
            name: candidate.layerName, layer: layer, direction: backward ? .reverse : .forward,
            inputSize: plan?.inputSize ?? candidate.kernel.shape.first ?? 0, hiddenSize: plan?.hiddenSize ?? h,
            variant: .keras, resetAfter: plan?.resetAfter ?? stated ?? true, hasBiases: candidate.bias != nil,
            dtype: candidate.kernel.typeName, problem: problem?.text)
        return Found(
            info: info, plan: plan, kernel: candidate.kernel, recurrentKernel: candidate.recurrentKernel,
            bias: candidate.bias, problem: problem, notes: notes)
    }

    /// Keras 3: `OWNER/cell/vars/{0,1,2}`, the owner's name in `OWNER/vars`'s `name` attribute.
    private static func keras3Candidates(
        _ datasets: [HDF5Dataset], groups: Set<String>, file: HDF5File
    ) throws(FileProblem) -> [Candidate] {
        func name(of owner: String) throws(FileProblem) -> String {
            let vars = join(owner, "vars")
            guard groups.contains(vars) else { return lastComponent(owner) }
            return try file.stringAttribute("name", of: vars) ?? lastComponent(owner)
        }
        var byGroup: [String: [String: HDF5Dataset]] = [:]
        for dataset in datasets where dataset.parent == "cell/vars" || dataset.parent.hasSuffix("/cell/vars") {
            byGroup[dataset.parent, default: [:]][String(dataset.name)] = dataset
        }
        var candidates: [Candidate] = []
        for (group, members) in byGroup {
            guard let kernel = members["0"], let recurrent = members["1"] else { continue }
            let owner = String(group.dropLast("cell/vars".count)).trimmingSuffix("/")
            let ownerName = try name(of: owner)
            let ownerLast = lastComponent(owner)
            var layerName = ownerName, layerKey = owner, backward = false
            if ownerLast == "forward_layer" || ownerLast == "backward_layer" {
                let wrapper = String(owner.dropLast(ownerLast.count)).trimmingSuffix("/")
                layerName = try name(of: wrapper)
                layerKey = wrapper
                backward = ownerLast == "backward_layer"
            }
            candidates.append(Candidate(
                layerName: layerName, configName: ownerName, layerKey: layerKey, backward: backward,
                kernel: kernel, recurrentKernel: recurrent, bias: members["2"]))
        }
        return candidates
    }

    /// tf_keras: a group holding `kernel:0` and `recurrent_kernel:0` (and maybe `bias:0`).
    private static func tfKerasCandidates(_ datasets: [HDF5Dataset]) -> [Candidate] {
        var byGroup: [String: [String: HDF5Dataset]] = [:]
        for dataset in datasets {
            var name = String(dataset.name)
            if name.hasSuffix(":0") { name = String(name.dropLast(2)) }
            guard ["kernel", "recurrent_kernel", "bias"].contains(name) else { continue }
            byGroup[dataset.parent, default: [:]][name] = dataset
        }
        var candidates: [Candidate] = []
        for (group, members) in byGroup {
            guard let kernel = members["kernel"], let recurrent = members["recurrent_kernel"] else { continue }
            var parts = group.split(separator: "/").map(String.init)
            if parts.first == "model_weights" { parts.removeFirst() }
            guard let layerName = parts.first else { continue }
            let half = parts.first { $0.hasPrefix("forward_") || $0.hasPrefix("backward_") }
            candidates.append(Candidate(
                layerName: layerName, configName: half.map { String($0.drop { $0 != "_" }.dropFirst()) } ?? layerName,
                layerKey: layerName, backward: half?.hasPrefix("backward_") ?? false,
                kernel: kernel, recurrentKernel: recurrent, bias: members["bias"]))
        }
        return candidates
    }

    private static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "/" + name }

    private static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// `gru_2` before `gru_10`.
    private static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: .numeric) == .orderedAscending
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
