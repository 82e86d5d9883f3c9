import APICore
import Dispatch
import Foundation
import Synchronization

/// A profile's `token_command`: a shell command whose standard output is the API token (a password manager:
/// `op read …`, `pass show … | head -n1`, `security find-generic-password -w …`).
///
/// It runs with `/bin/sh -c` before the console takes the terminal, with the terminal's stdin and stderr (so a
/// password manager can prompt), and must finish within `timeout`. Its output, trimmed of surrounding white space,
/// becomes a `Secret`; it never appears in a message or a log.
public struct TokenCommand: Sendable, Hashable {
    /// The shell command.
    public var command: String
    /// How long it may run before it is stopped and the start fails.
    public var timeout: Duration
    /// What the command belongs to, for messages ("profile 'work'").
    public var owner: String

    /// A command that may run for `timeout` (30 s by default: long enough to unlock a password manager).
    public init(_ command: String, owner: String, timeout: Duration = .seconds(30)) {
        self.command = command
        self.owner = owner
        self.timeout = timeout
    }

    /// Runs the command and returns its output as the token.
    public func run() async throws(ConfigError) -> Secret {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw failure("could not start /bin/sh (\(error.localizedDescription))")
        }
        switch await Self.outcome(of: process, output: output, timeout: timeout) {
        case .timedOut:
            throw failure("did not finish within \(Self.seconds(timeout).formatted()) s and was stopped")
        case .exited(let data, let status, let signalled):
            if signalled { throw failure("was killed by signal \(status)") }
            guard status == 0 else {
                throw failure("failed with exit status \(status)\(status == 127 ? " (command not found)" : "")")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw failure("printed nothing") }
            // A line break or control character would end up inside an HTTP header.
            guard !token.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw failure(
                    "printed more than the token (several lines or control characters); make it print only the token")
            }
            return Secret(token)
        }
    }

    private func failure(_ what: String) -> ConfigError {
        ConfigError("The token_command of \(owner) \(what)")
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// How a run ended.
    private enum Outcome: Sendable {
        case exited(Data, status: Int32, signalled: Bool)
        case timedOut
    }

    /// Reads the output to its end and waits for the exit on a worker thread, racing a timer; on timeout the
    /// process (and its process group, when it leads one) is stopped and the wait returns without it.
    private static func outcome(of process: Process, output: Pipe, timeout: Duration) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            // Whichever of the exit and the timer comes first resumes; the other finds the slot empty.
            let pending = Mutex<CheckedContinuation<Outcome, Never>?>(continuation)
            let finish: @Sendable (Outcome) -> Bool = { outcome in
                let waiting = pending.withLock { slot in
                    let taken = slot
                    slot = nil
                    return taken
                }
                waiting?.resume(returning: outcome)
                return waiting != nil
            }
            let reader = output.fileHandleForReading
            DispatchQueue.global().async {
                let data = reader.readDataToEndOfFile()
                process.waitUntilExit()
                let signalled = process.terminationReason == .uncaughtSignal
                _ = finish(.exited(data, status: process.terminationStatus, signalled: signalled))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds(timeout)) {
                guard finish(.timedOut) else { return }
                stop(process)
            }
        }
    }

    /// SIGTERM, then SIGKILL a second later if it is still running; its process group too when it leads one.
    private static func stop(_ process: Process) {
        let pid = process.processIdentifier
        let leadsGroup = getpgid(pid) == pid
        for (signal, delay) in [(SIGTERM, 0.0), (SIGKILL, 1.0)] {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                guard process.isRunning else { return }
                if leadsGroup { kill(-pid, signal) }
                kill(pid, signal)
            }
        }
    }
}
