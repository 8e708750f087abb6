import App
import ArgumentParser
import Localization
import Script
import Teaching

/// Where the repl and the screen take their sequence and session from.
struct SessionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The input sequence, one step a row: text or CSV (commas or spaces, # comments), .npy (T×I), .npz (one array); - reads standard input.", valueName: "file"))
    var inputs: String?

    @Option(help: ArgumentHelp("Open a session file (`save FILE` writes one): weights, sequence, cursor, pins, lesson and view.", valueName: "file"))
    var open: String?

    @Flag(help: "Reopen the last session (kept automatically in $XDG_STATE_HOME/gruscope, or ~/.local/state/gruscope).")
    var resume = false

    /// The line session the setup and teaching options make, with the sequence, the session file
    /// or the last session taken in; also the lesson's first step as text. With
    /// `loadingInputs: false` the `--inputs` file is left to the caller (``inputsCommand``): the
    /// screen loads it once it shows, as work that reports progress and can be stopped.
    func lineSession(_ setup: SetupOptions, _ teaching: TeachingOptions, loadingInputs: Bool = true) throws(UserError) -> (lines: LineSession<TeachingCommands>, opening: String?) {
        if open != nil && resume { throw UserError("--open and --resume both choose a session; give one") }
        var chosen = open
        if resume { chosen = try autosavePath() }
        if let path = chosen {
            var lines = LineSession(session: try setup.setup().makeSession(), commands: TeachingCommands(language: try teaching.language()))
            let outcome = lines.receive(.sessionOpened(path: path, Result { () throws(UserError) in try OpenedSession.read(path: path) }))
            if let error = outcome.error { throw error }
            lines.session = lines.session.startingHere()
            return (lines, outcome.output)
        }
        var (lines, opening) = try teaching.lineSession(setup)
        if let inputs, loadingInputs {
            let outcome = lines.complete(.needs(.readInputs(path: inputs, inputSize: lines.session.inputSize)))
            if let error = outcome.error { throw error }
            lines.session = lines.session.startingHere()
        }
        return (lines, opening)
    }

    /// `--inputs FILE` as the command the screen runs once it shows (nil without it, or when a
    /// session file was chosen, which holds its own sequence).
    var inputsCommand: Event? {
        guard let inputs, open == nil, !resume else { return nil }
        return .command(.core(.inputs(.file(inputs))), line: "inputs " + inputs)
    }

    private func autosavePath() throws(UserError) -> String {
        guard let path = Autosave.path() else { throw UserError(key: "error.session.no_state_folder") }
        return path
    }
}
