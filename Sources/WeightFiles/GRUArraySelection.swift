import GRUCore

/// The arrays chosen as one GRU: one name per role of its framework.
struct GRUArraySelection: Equatable {
    let variant: GRUVariant
    /// The prefix as a user passes it to `--prefix`, nil when the names have none.
    let prefix: String?
    /// The file's name for each role.
    let names: [GRUArrayRole: String]
    /// The other complete layers of the same PyTorch GRU (`layer 1`, `layer 0 (reverse)`), which
    /// gruscope does not show: layer 0 in the forward direction is the cell it shows.
    var otherLayers: [String] = []

    /// The file's name for a role this selection has (every role of its framework).
    func name(_ role: GRUArrayRole) -> String {
        names[role] ?? role.canonicalName
    }
}
