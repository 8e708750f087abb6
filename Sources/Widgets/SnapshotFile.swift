import Foundation

/// Compares snapshot text with a file kept in the repository, for tests in any target.
///
/// - A missing file is written and reported (so a new snapshot is looked at once before it
///   becomes the reference).
/// - With `GRUSCOPE_RECORD_SNAPSHOTS=1` in the environment every compared file is rewritten
///   and the comparison passes: rerun the tests and review the change with `git diff`.
/// - Otherwise a mismatch returns a message listing the differing lines.
public enum SnapshotFile {
    /// The environment variable that switches to recording.
    public static let recordVariable = "GRUSCOPE_RECORD_SNAPSHOTS"

    /// nil when `actual` matches the file at `path` (or was recorded on request); otherwise a
    /// message for the test failure.
    public static func check(actual: String, path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let recording = environment[recordVariable] == "1"
        let existing = try? String(contentsOfFile: path, encoding: .utf8)
        if recording || existing == nil {
            do {
                let directory = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                return "could not write snapshot \(path): \(error.localizedDescription)"
            }
            return recording ? nil : "recorded new snapshot \(path); review it and run the test again"
        }
        guard let expected = existing, expected != actual else { return nil }
        return "snapshot \(path) differs (run with \(recordVariable)=1 to accept the new output):\n" + diff(expected: expected, actual: actual)
    }

    /// The path for a snapshot named `name` of the test file `testFile` (pass `#filePath`):
    /// `Tests/Fixtures/snapshots/<test target folder>/<name>.txt`. Snapshots live outside the
    /// test target folders so SwiftPM does not warn about unhandled resource files.
    public static func path(named name: String, forTestFile testFile: String) -> String {
        let targetDirectory = (testFile as NSString).deletingLastPathComponent
        let target = (targetDirectory as NSString).lastPathComponent
        let tests = (targetDirectory as NSString).deletingLastPathComponent
        return tests + "/Fixtures/snapshots/" + target + "/" + name + ".txt"
    }

    /// Differing lines as `line N` with `-` expected and `+` actual, at most `limit` of them.
    public static func diff(expected: String, actual: String, limit: Int = 20) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var shown = 0
        for i in 0..<max(old.count, new.count) {
            let before = i < old.count ? String(old[i]) : nil
            let after = i < new.count ? String(new[i]) : nil
            guard before != after else { continue }
            if shown == limit {
                out.append("… more differences not shown")
                break
            }
            out.append("line \(i + 1):")
            out.append("- " + (before ?? "(no line)"))
            out.append("+ " + (after ?? "(no line)"))
            shown += 1
        }
        return out.joined(separator: "\n")
    }
}
