import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A detached tmux session on its own server socket, for end-to-end tests of the console.
///
/// Every tmux command runs as a child process (`tmux -u -f /dev/null -L <socket> …`) with a small, explicit
/// environment, so the user's tmux configuration and a surrounding tmux session never leak in. The screen is
/// read with `capture-pane -p`; `waitForScreen` polls it every 50 ms until a predicate holds or a deadline
/// passes (never a fixed sleep). `kill()` stops the whole server, and with it every process in the pane.
public final class TmuxSession: Sendable {
    /// The `-L` socket name: one tmux server per session.
    public let socketName: String
    /// The tmux executable.
    public let tmux: String
    /// The environment of every tmux client command (and so of the server and the pane's shell).
    private let environment: [String: String]
    /// The server's socket file, which `kill-server` leaves behind; `kill()` removes it.
    private let socketPath = Mutex<String?>(nil)
    private static let target = "e2e"

    /// A wait that ran out of time; carries the last screen, so a failure shows what was there instead.
    public struct TimedOut: Error, CustomStringConvertible {
        public var what: String
        public var timeout: Duration
        public var lastScreen: String

        public var description: String {
            "Timed out after \(timeout) waiting for \(what). Last screen:\n\(lastScreen)"
        }
    }

    /// A tmux command that failed.
    public struct CommandFailed: Error, CustomStringConvertible {
        public var arguments: [String]
        public var result: ProcessResult
        public var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(result)" }
    }

    /// The first `tmux` found on `PATH` (or in the usual places), or nil when tmux is not installed.
    public static func findExecutable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for folder in folders where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts a tmux server on a fresh socket with one detached session of `width`×`height` running
    /// `command` (a shell command line, run by `/bin/sh -c`).
    ///
    /// `environment` is the complete environment of the tmux server (and so of the pane); `LANG` should name a
    /// UTF-8 locale, or tmux replaces wide characters with `_`. `directory` is the pane's working directory.
    public static func start(
        command: String, width: Int = 120, height: Int = 40, environment: [String: String], directory: String? = nil,
        tmux: String? = nil, socketName: String = "orgtui-e2e-\(UUID().uuidString)"
    ) async throws -> TmuxSession {
        guard let tmux = tmux ?? findExecutable() else {
            throw CommandFailed(
                arguments: ["(not installed)"], result: ProcessResult(status: -1, stdout: Data(), stderr: ""))
        }
        let session = TmuxSession(socketName: socketName, tmux: tmux, environment: environment)
        try await session.run(
            ["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
                + (directory.map { ["-c", $0] } ?? []) + [command])
        do {
            let path = try await session.display("#{socket_path}")
            session.socketPath.withLock { $0 = path.isEmpty ? nil : path }
            // The pane keeps its size however a client would size it; none ever attaches.
            try await session.run(["set-option", "-g", "window-size", "manual"])
        } catch {
            await session.kill()
            throw error
        }
        return session
    }

    private init(socketName: String, tmux: String, environment: [String: String]) {
        self.socketName = socketName
        self.tmux = tmux
        self.environment = environment
    }

    /// Runs `tmux -L <socket> <arguments>`; throws when it exits non-zero.
    @discardableResult
    public func run(_ arguments: [String]) async throws -> ProcessResult {
        let full = ["-u", "-f", "/dev/null", "-L", socketName] + arguments
        let result = try await ProcessResult.run(tmux, full, environment: environment)
        guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
        return result
    }

    /// The visible screen as text, one line per row (`capture-pane -p`), trailing blanks trimmed by tmux.
    public func capture() async throws -> String {
        let result = try await run(["capture-pane", "-p", "-t", Self.target])
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// The visible screen with SGR attribute escapes (`capture-pane -p -e`).
    public func captureWithAttributes() async throws -> String {
        let result = try await run(["capture-pane", "-p", "-e", "-t", Self.target])
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// A tmux format evaluated for the pane (`display-message -p`), e.g. `#{alternate_on}` or `#{cursor_flag}`.
    public func display(_ format: String) async throws -> String {
        let result = try await run(["display-message", "-p", "-t", Self.target, format])
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `Tab`, `BTab`, `j`, …), all in one `send-keys`, so they
    /// reach the program together like auto-repeated keys.
    public func sendKeys(_ keys: String...) async throws {
        try await run(["send-keys", "-t", Self.target] + keys)
    }

    /// Sends a list of tmux key names in one `send-keys`.
    public func sendKeys(contentsOf keys: [String]) async throws {
        try await run(["send-keys", "-t", Self.target] + keys)
    }

    /// Types `text` literally (`send-keys -l`).
    public func type(_ text: String) async throws {
        try await run(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Sends keys, but not before `instant`: for a dialog that ignores keys in its first moments, pass the
    /// moment the dialog was seen on screen plus that guard.
    public func sendKeys(_ keys: String..., notBefore instant: ContinuousClock.Instant) async throws {
        try await ContinuousClock().sleep(until: instant)
        try await run(["send-keys", "-t", Self.target] + keys)
    }

    /// Types `text` literally, but not before `instant` (a dialog's key guard, as for `sendKeys(_:notBefore:)`).
    public func type(_ text: String, notBefore instant: ContinuousClock.Instant) async throws {
        try await ContinuousClock().sleep(until: instant)
        try await type(text)
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 50 ms until `predicate` holds; returns that screen and when it was seen.
    ///
    /// Throws `TimedOut` (with the last screen) when `timeout` passes first.
    @discardableResult
    ///
    /// With `attributes`, the predicate sees the screen with SGR escapes (`capture-pane -e`).
    public func waitForScreen(
        _ what: String, timeout: Duration = .seconds(15), attributes: Bool = false, _ predicate: (String) throws -> Bool
    ) async throws -> Screen {
        var last = ""
        let found: Screen? = try await Self.poll(timeout: timeout) {
            last = try await attributes ? captureWithAttributes() : capture()
            return try predicate(last) ? Screen(text: last, seenAt: .now) : nil
        }
        guard let found else { throw TimedOut(what: what, timeout: timeout, lastScreen: last) }
        return found
    }

    /// Waits until the screen contains every one of `needles`.
    @discardableResult
    public func waitForText(_ needles: String..., timeout: Duration = .seconds(15)) async throws -> Screen {
        try await waitForScreen(needles.map { "\"\($0)\"" }.joined(separator: " and "), timeout: timeout) { screen in
            needles.allSatisfy(screen.contains)
        }
    }

    /// Stops the tmux server and every process in its panes (they get SIGHUP), and removes its socket file.
    public func kill() async {
        _ = try? await ProcessResult.run(
            tmux, ["-f", "/dev/null", "-L", socketName, "kill-server"], environment: environment)
        if let path = socketPath.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A captured screen and the moment it was captured.
    public struct Screen: Sendable, CustomStringConvertible {
        public var text: String
        public var seenAt: ContinuousClock.Instant

        public init(text: String, seenAt: ContinuousClock.Instant) {
            self.text = text
            self.seenAt = seenAt
        }

        public var lines: [String] { text.components(separatedBy: "\n") }
        public var description: String { text }
    }

    /// Calls `attempt` every `interval` until it returns a value or `timeout` has passed (then returns nil).
    ///
    /// The one polling loop of the end-to-end tests: waits have deadlines, never fixed lengths.
    public static func poll<T>(
        timeout: Duration, interval: Duration = .milliseconds(50), _ attempt: () async throws -> T?
    ) async throws -> T? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let value = try await attempt() { return value }
            if clock.now >= deadline { return nil }
            try await clock.sleep(until: min(clock.now + interval, deadline))
        }
    }
}
