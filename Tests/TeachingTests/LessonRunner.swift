import Localization
import Foundation
import GRUCore
import Script
@testable import Teaching

/// Runs lessons the way a user does, keeping what each step left behind.
struct LessonRun {
    struct Entered {
        var step: LessonStep
        var session: Session
        var narration: String
        var output: String
    }

    var lesson: Lesson
    var steps: [Entered] = []
    var completion: String = ""

    /// Starts a built-in lesson and presses next until it is complete.
    init(_ name: String, language: Language) throws {
        var teaching = TeachingCommands(language: language)
        var session = try SessionSetup().makeSession()
        var output = try teaching.startLesson(named: name, session: &session).output
        guard let lesson = teaching.progress?.lesson else { throw ScriptError("\(name) did not start") }
        self.lesson = lesson
        while true {
            guard let progress = teaching.progress, let narration = teaching.narration else { break }
            steps.append(Entered(step: progress.step, session: session, narration: narration, output: output))
            output = try teaching.nextStep(session: &session).output
            if teaching.isLessonComplete {
                completion = output
                break
            }
        }
    }
}

/// An independent reading of narration placeholders, to check the numbers a lesson prints.
enum PlaceholderTruth {
    /// The true value of `{spelling}` and whether it is shown as a percentage.
    static func value(_ spelling: String, now: Session, previous: Session?) -> (value: Float, percent: Bool)? {
        var text = spelling
        if let colon = text.lastIndex(of: ":") { text = String(text[..<colon]) }
        var session = now
        if text.hasPrefix("prev.") {
            guard let previous else { return nil }
            session = previous
            text.removeFirst(5)
        }
        if text == "t" { return (Float(session.t), false) }
        guard let open = text.firstIndex(of: "["), text.hasSuffix("]"),
              let index = Int(text[text.index(after: open)..<text.index(before: text.endIndex)])
        else { return nil }
        var name = String(text[..<open])
        let percent = name.hasSuffix("%")
        if percent { name.removeLast() }
        let trace = session.trace
        let j = index
        let u = trace.zPre[j]
        let sigma = 1 / (1 + exp(-u))
        let value: Float? = switch name {
        case "x": trace.x[j]
        case "h_prev": trace.hPrev[j]
        case "r": trace.r[j]
        case "z": trace.z[j]
        case "r_pre": trace.rPre[j]
        case "z_pre": trace.zPre[j]
        case "kept": trace.kept[j]
        case "candidate": trace.candidate[j]
        case "candidate_pre": trace.candidatePre[j]
        case "added": trace.added[j]
        case "h": trace.h[j]
        case "forget": 1 - trace.z[j]
        case "rh": trace.r[j] * trace.hPrev[j]
        case "delta": trace.h[j] - trace.hPrev[j]
        case "bug.u": u
        case "bug.sigma": sigma
        case "bug.mix": 1 - u
        case "bug.sum": sigma + 1 - u
        case "bug.h": sigma * trace.hPrev[j] + (1 - u) * trace.candidate[j]
        default: nil
        }
        return value.map { ($0, percent) }
    }

    /// The texts that stand where the template has placeholders, in order.
    static func filled(template: String, text: String) -> [String]? {
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
    }
}
