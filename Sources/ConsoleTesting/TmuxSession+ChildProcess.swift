import Foundation
import Synchronization

/// Child processes of the tmux tests, started without `Foundation.Process`.
extension TmuxSession {
    /// What a finished child process left behind.
    public struct ProcessResult: Sendable, CustomStringConvertible {
        public var status: Int32
        public var stdout: Data
        public var stderr: String

        public init(status: Int32, stdout: Data, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }

        public var description: String {
            "exit \(status); stdout: \(String(decoding: stdout, as: UTF8.self)); stderr: \(stderr)"
        }

        /// Runs `executable` to completion (see `ChildProcess`) with its output in temporary files.
        public static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws
            -> ProcessResult
        {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "orgtui-proc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let outURL = folder.appendingPathComponent("out")
            let errURL = folder.appendingPathComponent("err")
            let child = try ChildProcess.spawn(
                executable, arguments, environment: environment, stdout: outURL.path, stderr: errURL.path)
            let status = await child.wait()
            let stdout = (try? Data(contentsOf: outURL)) ?? Data()
            let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
            return ProcessResult(status: status, stdout: stdout, stderr: stderr)
        }
    }

    /// A child started with `posix_spawn`, waited for with `waitpid`.
    ///
    /// Not `Foundation.Process`, for two reasons found the hard way: on Linux a child started by `Process`
    /// inherits the test runner's blocked signal mask (a tmux server started that way ignores `kill-server`
    /// and SIGTERM, and passes the mask on to the console in its pane), and `Process` learns that a child
    /// ended from a descriptor the child inherits, which a daemon it forks (the tmux server) keeps open, so
    /// the termination handler never runs. Here the child gets an empty signal mask, default signal
    /// dispositions, stdin from /dev/null, stdout and stderr to the given files, and no other descriptor.
    public final class ChildProcess: Sendable {
        public let pid: pid_t
        private let reaped = Mutex<Int32?>(nil)

        private init(pid: pid_t) { self.pid = pid }

        /// Starts `executable` (an absolute path) with exactly `environment`.
        public static func spawn(
            _ executable: String, _ arguments: [String], environment: [String: String], stdout: String, stderr: String
        ) throws -> ChildProcess {
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var mask = sigset_t()
            sigemptyset(&mask)
            posix_spawnattr_setsigmask(&attributes, &mask)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for number in [
                SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU,
                SIGUSR1,
                SIGUSR2, SIGWINCH,
            ] {
                sigaddset(&defaults, number)
            }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            closeFrom3(&actions)

            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var pid = pid_t()
            let error = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            guard error == 0 else {
                throw CommandFailed(
                    arguments: [executable] + arguments,
                    result: ProcessResult(status: -1, stdout: Data(), stderr: String(cString: strerror(error))))
            }
            return ChildProcess(pid: pid)
        }

        /// The exit status once the child has ended (128 + the signal number if a signal ended it), else nil.
        /// Reaps the child; never blocks.
        public func exitStatus() -> Int32? {
            reaped.withLock { known in
                if let known { return known }
                var status: Int32 = 0
                guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
                known = Self.decode(status)
                return known
            }
        }

        /// Waits for the child to end (polling `waitpid` every 10 ms, without blocking a thread).
        public func wait() async -> Int32 {
            while true {
                if let status = exitStatus() { return status }
                try? await ContinuousClock().sleep(for: .milliseconds(10))
            }
        }

        /// Sends `signal` to the child (if it has not been reaped yet).
        public func send(_ signal: Int32) {
            guard exitStatus() == nil else { return }
            signalProcess(pid, signal)
        }

        private static func decode(_ status: Int32) -> Int32 {
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
    }
}

/// `kill(2)`, out of reach of `TmuxSession.kill()`.
private func signalProcess(_ pid: pid_t, _ signal: Int32) {
    _ = kill(pid, signal)
}

/// Adds "close every descriptor from 3 up" to `actions` where the C library has it (glibc 2.34+:
/// `posix_spawn_file_actions_addclosefrom_np`, looked up at run time because the header hides it from Swift).
private func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
    #if os(Linux)
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    #endif
}
