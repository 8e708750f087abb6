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
            Each --x, and each step of --inputs FILE, is one step; with neither, the cell takes one \
            step with the scene's x. LIST is numbers separated by commas and/or spaces.

            --inputs reads text (one input vector per line, commas or spaces, # comments; CSV with \
            or without a header line), a NumPy .npy file holding a T×I array (float32 or float64), \
            or an .npz holding one such array; the format is told by the content. - reads \
            standard input.

            JSON fields per step (stable names): x, h_prev, r_pre, r, z_pre, z, kept, \
            candidate_pre, candidate, added, h, where kept = z·h_prev, added = (1−z)·candidate and \
            h = kept + added. With --influence the document also has "influence": a T×T array whose \
            row t, column s is ‖∂h_t/∂x_s‖ (the Frobenius norm of the H×I Jacobian: how strongly the \
            input of step s still moves the state after step t, through the whole recurrence), 0 \
            where s comes after t. Steps count from 0 there: step t reads x_t and makes h_t.

            Examples:
              gruscope trace --scene seed-doc --format json
              gruscope trace --weights gru.npz --inputs seq.npy --h0 "0 0 0 0 0 0 0 0"
              gruscope trace --inputs seq.csv --influence --format json
            """)

    @OptionGroup(title: "Setup") var setupOptions: SetupOptions

    @Option(help: ArgumentHelp(
        "Input vectors, one step each: text (one per line), .csv, .npy (T×I) or .npz; - for standard input.",
        valueName: "file"))
    var inputs: String?

    @Option(help: ArgumentHelp("json or text.", valueName: "format"))
    var format: String = "text"

    @Flag(help: "Draw the text bars with ASCII characters.")
    var ascii = false

    @Flag(help: ArgumentHelp(
        "Also give the influence ‖∂h_t/∂x_s‖ of every input on every later state (at most \(GRUSequence.maximumInfluenceSteps) steps)."))
    var influence = false

    func run() throws {
        guard format == "json" || format == "text" else {
            throw ScriptError("--format takes json or text, got '\(format)'")
        }
        let setup = try setupOptions.setup()
        let session = try setup.makeSession()
        if let note = session.origin.leftOutNote {
            Gruscope.note(note)
        }
        let inputSize = session.inputSize
        var flat = try setup.inputVectors(inputSize: inputSize).flatMap { $0 }
        if let inputs {
            flat += try InputsFile.table(path: inputs, inputSize: inputSize).values
        }
        if flat.isEmpty { flat = session.x }
        let steps = flat.count / inputSize
        if influence && steps > GRUSequence.maximumInfluenceSteps {
            throw ScriptError(
                "--influence takes at most \(GRUSequence.maximumInfluenceSteps) steps (a T×T matrix), got \(steps); "
                    + "trace a shorter stretch of the sequence")
        }
        let output = TraceOutput(json: format == "json", weights: session.weights, pinned: session.pins.gates, ascii: ascii)
        if influence {
            let sequence = try computedSequence(session: session, inputs: flat)
            let matrix = try Self.withProgress("influence") { report in try sequence.influenceMatrix(report) }
            sequence.forEachTrace(in: 0..<steps, output.step)
            output.finish(influence: matrix)
        } else {
            // The inputs are all known, so the cell projects them in bulk and streams each step.
            var cell = GRUCell(weights: session.weights)
            cell.run(flatInputs: flat, h0: session.h, pins: session.pins, body: output.step)
            output.finish(influence: nil)
        }
    }

    private func computedSequence(session: Session, inputs: [Float]) throws -> GRUSequence {
        do {
            var sequence = try GRUSequence(weights: session.weights, h0: session.h, pins: session.pins, inputs: inputs)
            try sequence.compute()
            return sequence
        } catch let error as GRUSequenceError {
            throw ScriptError(error.description)
        }
    }

    /// Runs `work`, showing how far it is on stderr when stderr is a terminal.
    static func withProgress<R>(_ what: String, _ work: ((GRUProgress) -> Bool) throws -> R) throws -> R {
        let shown = isatty(STDERR_FILENO) == 1
        var last = -1
        let result = try work { progress in
            let percent = Int(progress.fraction * 100)
            if shown && percent != last {
                last = percent
                FileHandle.standardError.write(Data("\r\(what): \(percent)%".utf8))
            }
            return true
        }
        if shown && last >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return result
    }
}

/// Where the steps go: the JSON document, or the text tables.
private final class TraceOutput {
    private let json: TraceJSON.Writer?
    private var text = StandardOutput()
    private let ascii: Bool

    init(json: Bool, weights: GRUWeights, pinned: [Gate], ascii: Bool) {
        self.json = json ? TraceJSON.Writer(weights: weights, pinned: pinned, output: StandardOutputBytes.write) : nil
        self.ascii = ascii
    }

    func step(_ index: Int, _ trace: GRUTrace) {
        if let json {
            json.append(trace, index: index)
        } else {
            text.write("step \(index + 1)   x = \(Numbers.list(trace.x))\n")
            text.write(TraceTable.bars(trace, ascii: ascii) + "\n\n")
        }
    }

    func finish(influence: GRUInfluenceMatrix?) {
        if let json {
            json.finish(influence: influence)
            return
        }
        if let influence { text.write(Self.influenceTable(influence)) }
        text.flush()
    }

    /// The influence matrix as a lower-triangular table, with the step numbers of the text above.
    static func influenceTable(_ matrix: GRUInfluenceMatrix) -> String {
        var lines = [
            "influence ‖∂h/∂x‖: row = the state after that step, column = the input of that step "
                + "(how strongly it still moves the state); blank where the input comes later",
            "step " + (0..<matrix.steps).map { String(format: "%10d", $0 + 1) }.joined(),
        ]
        for t in 0..<matrix.steps {
            lines.append(String(format: "%4d ", t + 1) + (0...t).map { String(format: "%10.3g", Double(matrix[t, $0])) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes bytes to standard output, whole.
enum StandardOutputBytes {
    static func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno != EINTR {
                return
            }
        }
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
        buffer.withUnsafeBytes { StandardOutputBytes.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
