import Foundation
import ArgumentParser
import Themes

/// `gruscope themes`: the themes there are, and where each comes from.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (use one with --theme NAME or :theme NAME).",
        discussion: """
            Themes are TOML files naming colours for roles (reset gate, update gate, kept, \
            candidate, …). gruscope looks in $GRUSCOPE_THEMES, ~/.config/gruscope/themes and the \
            themes/ folder of the repository; default and mono are built in.
            """)

    func run() throws {
        let listings = ThemeCatalog.library().list()
        let width = listings.map(\.name.count).max() ?? 0
        for listing in listings {
            let name = listing.name.padding(toLength: width, withPad: " ", startingAt: 0)
            if let error = listing.error {
                print("\(name)  broken: \(error.description)")
            } else {
                print("\(name)  \(listing.description)  [\(listing.source)]")
            }
        }
    }
}
