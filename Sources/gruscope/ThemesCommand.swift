import Foundation
import ArgumentParser
import Localization
import Themes

/// `gruscope themes`: the themes there are, and where each comes from.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (use one with --theme NAME or :theme NAME).",
        discussion: """
            Themes are TOML files naming colours for roles (reset gate, update gate, kept, \
            candidate, …). gruscope looks in $GRUSCOPE_THEMES, then $XDG_CONFIG_HOME/gruscope/themes \
            (~/.config/gruscope/themes), then the themes/ folder of the repository; a file there \
            replaces the built-in theme of the same name. Built in:
            """ + " " + ThemeLibrary.builtInNames.joined(separator: ", ") + ".")

    func run() throws {
        let listings = ThemeCatalog.library().list()
        // Names, descriptions and paths come from files: printed escaped and clipped, so a
        // theme cannot send the terminal escape sequences or flood it.
        let names = listings.map { EchoText.printable($0.name, limit: 40) }
        let width = names.map(DisplayWidth.of).max() ?? 0
        for (listing, shownName) in zip(listings, names) {
            let name = DisplayWidth.padded(shownName, to: width)
            let source = EchoText.printable(listing.source.description, limit: 200)
            if let error = listing.error {
                print("\(name)  broken: \(EchoText.printable(error.description, limit: 300))")
            } else {
                print("\(name)  \(EchoText.printable(listing.description, limit: 120))  [\(source)]")
            }
        }
    }
}
