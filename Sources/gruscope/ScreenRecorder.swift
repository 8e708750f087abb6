import App
import Foundation
import Localization
import Script
import Themes
import Widgets

/// A `:record FILE.cast` in progress: the asciicast v2 text so far, kept in memory up to
/// ``AsciicastRecording/maximumBytes`` and written atomically when the recording stops (`:record`,
/// quitting, or the limit).
/// Starting writes the header at once, so a path that cannot be written is refused before the
/// class relies on it.
struct ScreenRecorder {
    let path: String
    private var cast: AsciicastRecording
    private var text: String
    private let started: Double
    private(set) var frames = 0
    private var lastTime: Double = 0

    /// Starts a recording of a `width`×`height` screen, or says why the file cannot be written.
    static func start(path: String, replacing: Bool, width: Int, height: Int) -> Result<ScreenRecorder, UserError> {
        let now = Date().timeIntervalSince1970
        let cast = AsciicastRecording(width: width, height: height, timestamp: Int(now))
        do {
            try UserFiles.write(Array(cast.header.utf8), to: UserFiles.expand(path), shownAs: path, replacing: replacing, command: "record")
        } catch {
            return .failure(error)
        }
        return .success(ScreenRecorder(path: path, cast: cast, text: cast.header, started: RenderBenchmark.now()))
    }

    private init(path: String, cast: AsciicastRecording, text: String, started: Double) {
        self.path = path
        self.cast = cast
        self.text = text
        self.started = started
    }

    /// Whether the recording reached its limit (``AsciicastRecording/maximumBytes``).
    var isFull: Bool { cast.isFull }

    /// Adds a frame drawn now.
    mutating func add(_ grid: Grid, resolve: (Style) -> ResolvedStyle) {
        guard !isFull else { return }
        lastTime = RenderBenchmark.now() - started
        let lines = cast.frame(grid, at: lastTime, resolve: resolve)
        guard !lines.isEmpty else { return }
        text += lines
        frames += 1
    }

    /// Writes the file (it exists: ``start(path:replacing:width:height:)`` made it).
    func finish() -> Result<RecordingChange, UserError> {
        do {
            try UserFiles.write(Array(text.utf8), to: UserFiles.expand(path), shownAs: path, replacing: true, command: "record")
        } catch {
            return .failure(error)
        }
        return .success(.stopped(path: path, frames: frames, seconds: lastTime, full: isFull))
    }
}
