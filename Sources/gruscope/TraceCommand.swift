import ArgumentParser
import Foundation
import GRUCore
import Script

/// `gruscope trace`: every number of every step, for scripts, notebooks and grading.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Step the cell over inputs and print every vector of every step.",
        discussion: """
            Each --x, and each line of --inputs FILE, is one step; with neither, the cell takes one \
            step with the scene's x. LIST is numbers separated by commas and/or spaces.

            JSON fields per step (stable names): x, h_prev, r_pre, r, z_pre, z, kept, \
            candidate_pre, candidate, added, h, where kept = z·h_prev, added = (1−z)·candidate and \
            h = kept + added.

            Examples:
              gruscope trace --scene seed-doc --format json
              gruscope trace --weights gru.npz --inputs seq.txt --h0 "0 0 0 0 0 0 0 0"
            """)

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions

    @Option(help: ArgumentHelp("A file with one input vector per line (commas or spaces, # comments).", valueName: "file"))
    var inputs: String?

    @Option(help: ArgumentHelp("json or text.", valueName: "format"))
    var format: String = "text"

    @Flag(help: "Draw the text bars with ASCII characters.")
    var ascii = false

    func run() throws {
        guard format == "json" || format == "text" else {
            throw ScriptError("--format takes json or text, got '\(format)'")
        }
        let setup = try setupOptions.setup()
        let session = try setup.makeSession()
        if let note = session.origin.leftOutNote {
            Gruscope.note(note)
        }
        var sequence = try setup.inputVectors(inputSize: session.inputSize)
        if let inputs {
            sequence += try InputsFile.read(path: inputs, inputSize: session.inputSize)
        }
        if sequence.isEmpty { sequence = [session.x] }

        // The inputs are all known, so the cell projects them in bulk and streams each step.
        var cell = GRUCell(weights: session.weights)
        var out = StandardOutput()
        if format == "json" { out.write(TraceJSON.header(weights: session.weights, pinned: session.pins.gates)) }
        _ = cell.run(inputs: sequence, h0: session.h, pins: session.pins) { index, trace in
            if format == "json" {
                out.write(TraceJSON.stepEntry(trace, index: index))
            } else {
                out.write("step \(index + 1)   x = \(Numbers.list(trace.x))\n")
                out.write(TraceTable.bars(trace, ascii: ascii) + "\n\n")
            }
        }
        if format == "json" { out.write(TraceJSON.footer) }
        out.flush()
    }
}

/// Buffered writes to stdout: a long trace is one write per 64 KiB, not one per line.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        buffer.withUnsafeBytes { bytes in
            try? FileHandle.standardOutput.write(contentsOf: bytes)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
