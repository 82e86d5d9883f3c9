import ConsoleTesting
import Foundation

/// Runs one of the SDK driver scripts in `Tests/IntegrationTests/Conformance/` with the venv's Python.
///
/// The child gets a clean environment: the parent's, minus every variable of the providers' SDKs and
/// every proxy variable (httpx honours them, and loopback traffic must not go through a proxy), plus the
/// given `environment`. Output goes to temporary files, so a chatty child can never block on a full pipe;
/// the run waits for the process to terminate, and kills it after `timeout`.
struct PythonSDKProcess: Sendable {
    /// What a finished run left behind.
    struct Outcome: Sendable, CustomStringConvertible {
        var arguments: [String]
        var exitStatus: Int32
        var stdout: Data
        var stderr: String

        var description: String {
            let out = String(decoding: stdout, as: UTF8.self)
            return "\(arguments.joined(separator: " ")) exited \(exitStatus)\nstdout: \(out)\nstderr: \(stderr)"
        }
    }

    /// A run that did not produce what the caller needed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The script's file name inside the `Conformance` folder.
    var script: String
    /// Variables to set in the child (on top of the cleaned parent environment).
    var environment: [String: String]
    /// How long a run may take before the child is terminated.
    var timeout: Duration = .seconds(180)

    /// Environment prefixes never passed on to the child.
    private static let strippedPrefixes = ["CLOUDFLARE_", "OPENAI_", "KEYCARD"]
    private static let strippedNames: Set<String> = [
        "http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
    ]

    /// Runs the script with `arguments` and returns its outcome, whatever its exit status.
    func run(_ arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = ConformanceEnvironment.python
        let scriptPath = ConformanceEnvironment.scriptsFolder.appendingPathComponent(script).path
        process.arguments = ["-B", scriptPath] + arguments

        var childEnvironment = ProcessInfo.processInfo.environment.filter { name, _ in
            !Self.strippedNames.contains(name) && !Self.strippedPrefixes.contains { name.hasPrefix($0) }
        }
        childEnvironment["PYTHONDONTWRITEBYTECODE"] = "1"
        childEnvironment["PYTHONUNBUFFERED"] = "1"
        childEnvironment.merge(environment) { _, new in new }
        process.environment = childEnvironment

        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("orgtui-sdk-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        _ = files.createFile(atPath: stdoutURL.path, contents: nil)
        _ = files.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice

        let box = ProcessBox(process)
        let watchdog = Watchdog.start(after: timeout) { box.terminateForTimeout() }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? stdoutHandle.close()
        try? stderrHandle.close()

        let outcome = Outcome(
            arguments: [script] + arguments,
            exitStatus: status,
            stdout: (try? Data(contentsOf: stdoutURL)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        )
        if box.timedOut {
            throw Failure(description: "timed out after \(timeout), terminated: \(outcome)")
        }
        return outcome
    }

    /// Runs the script, requires exit status 0 and decodes the one JSON object it printed.
    func json<Output: Decodable>(_ type: Output.Type, _ arguments: [String]) async throws -> Output {
        let outcome = try await run(arguments)
        guard outcome.exitStatus == 0 else {
            throw Failure(description: "SDK run failed: \(outcome)")
        }
        do {
            return try JSONDecoder().decode(Output.self, from: outcome.stdout)
        } catch {
            throw Failure(description: "cannot decode \(Output.self) (\(error)) from: \(outcome)")
        }
    }
}

/// The running child, shared with the watchdog task.
private final class ProcessBox: @unchecked Sendable {
    private let lock = NSLock()
    private let process: Process
    private var didTimeOut = false

    init(_ process: Process) { self.process = process }

    var timedOut: Bool { lock.withLock { didTimeOut } }

    func terminateForTimeout() {
        lock.withLock {
            guard process.isRunning else { return }
            didTimeOut = true
            process.terminate()
        }
    }
}
