import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// While curses owns the screen, whatever would be written to stderr (a runtime's fatal error and backtrace, a
/// library's warning) goes to `$XDG_STATE_HOME/orgtui/crash-<time>.log` (mode 0600) instead of over the screen or
/// the shell after it; the file is removed when nothing was written to it.
struct StandardErrorCapture {
    let path: String
    private let saved: Int32

    /// Sends stderr to a new file in the state folder; nil (stderr left alone) when that file cannot be made.
    static func start(environment: [String: String]) -> StandardErrorCapture? {
        let folder = (FileLogHandler.defaultPath(environment: environment) as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stamp = Date().formatted(.iso8601).replacingOccurrences(of: ":", with: "-")
        let path = (folder as NSString).appendingPathComponent("crash-\(stamp).log")
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard file >= 0 else { return nil }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            return nil
        }
        close(file)
        return StandardErrorCapture(path: path, saved: saved)
    }

    private init(path: String, saved: Int32) {
        self.path = path
        self.saved = saved
    }

    /// Gives stderr back to the terminal; the file goes if it stayed empty, else its path is said there.
    func stop() {
        dup2(saved, STDERR_FILENO)
        close(saved)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            unlink(path)
        } else {
            FileHandle.standardError.write(Data("orgtui: messages written while the console ran are in \(path)\n".utf8))
        }
    }
}
