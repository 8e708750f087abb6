import Foundation
import Localization

/// Reading and writing the files users name, with messages that say what is wrong and why.
///
/// - `~` and `~/…` stand for `$HOME` (what the shell does), not the account's home in the
///   password database.
/// - Reading is bounded: nothing larger than the limit is read, whatever the file claims.
/// - Writing is atomic (a temporary file beside the target, then a rename), never replaces a
///   file unless asked to, keeps a replaced file's permissions, and refuses to write through a
///   symbolic link or onto a pipe, socket, device or folder.
public enum UserFiles {
    /// The largest lesson file read; lessons are a few kilobytes.
    public static let largestLessonFile = 1 << 20

    /// The process's environment, read once.
    public static let environment = ProcessInfo.processInfo.environment

    /// `path` with a leading `~` or `~/` replaced by `HOME` (left as it is when HOME is unset,
    /// and for `~name`, which names another account).
    public static func expand(_ path: String, environment: [String: String] = environment) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// The text of a file, at most `limit` bytes of UTF-8. `shownAs` names it in messages;
    /// `tooLarge` and `notText` are the catalogue keys of those two mistakes (they take `{file}`).
    public static func readText(
        _ path: String, shownAs: String, limit: Int, tooLarge: String, notText: String
    ) throws(UserError) -> String {
        let bytes = try readBytes(path, shownAs: shownAs, limit: limit, tooLarge: tooLarge)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UserError(key: notText, ["file": shownAs])
        }
        return text
    }

    /// The bytes of a file, at most `limit` of them; a folder, a missing or unreadable file, or
    /// one larger than `limit` is refused with the reason.
    public static func readBytes(_ path: String, shownAs: String, limit: Int, tooLarge: String) throws(UserError) -> [UInt8] {
        // Not blocking on open, so a pipe with no writer cannot hang; reads block again after.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw unreadable(shownAs, errno) }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(shownAs, errno) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw UserError(key: "error.file.directory", ["file": shownAs]) }
        if kind == S_IFREG && Int(info.st_size) > limit { throw UserError(key: tooLarge, ["file": shownAs, "limit": String(limit)]) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(shownAs, errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw UserError(key: tooLarge, ["file": shownAs, "limit": String(limit)]) }
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically. An existing plain file is replaced only when
    /// `replacing` is true (`command!`, as in vim: the message names `command` for the fix), and
    /// keeps its permissions; a new file gets the usual ones (0666 less the umask).
    public static func write(
        _ bytes: [UInt8], to path: String, shownAs: String, replacing: Bool, command: String
    ) throws(UserError) {
        var existing = stat()
        var mode: mode_t?
        if lstat(path, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFLNK: throw UserError(key: "error.file.link", ["file": shownAs])
            case S_IFREG:
                guard replacing else { throw UserError(key: "error.file.exists", ["file": shownAs, "command": command]) }
                mode = existing.st_mode & 0o7777
            case S_IFDIR: throw UserError(key: "error.file.directory", ["file": shownAs])
            default: throw UserError(key: "error.file.not_plain", ["file": shownAs])
            }
        } else if errno != ENOENT {
            throw unwritable(shownAs, errno)
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).gruscope-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw unwritable(shownAs, errno) }
        var failure: Int32?
        var written = 0
        while written < bytes.count && failure == nil {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno != EINTR { failure = errno }
            } else {
                written += count
            }
        }
        if failure == nil, let mode, fchmod(fd, mode) != 0 { failure = errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw unwritable(shownAs, failure)
        }
    }

    private static func unreadable(_ file: String, _ code: Int32) -> UserError {
        UserError(key: "error.file.unreadable", ["file": file, "reason": String(cString: strerror(code))])
    }

    private static func unwritable(_ file: String, _ code: Int32) -> UserError {
        UserError(key: "error.file.unwritable", ["file": file, "reason": String(cString: strerror(code))])
    }
}
