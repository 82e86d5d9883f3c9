import ConsoleTesting
import Foundation

/// `orgtui demo-server --port 0` as a child process: the standalone backend one test talks to.
///
/// It prints `orgtui demo-server listening on <base URL>` and then the API token; both are read from its
/// stdout (redirected to a file, polled with a deadline). `stop()` sends SIGTERM and, if it lingers, SIGKILL.
final class DemoServerProcess: Sendable {
    let baseURL: String
    let token: String
    private let child: TmuxSession.ChildProcess

    private init(child: TmuxSession.ChildProcess, baseURL: String, token: String) {
        self.child = child
        self.baseURL = baseURL
        self.token = token
    }

    static func start(binary: URL, folder: URL, timeout: Duration = .seconds(30)) async throws -> DemoServerProcess {
        let outURL = folder.appendingPathComponent("demo-server.out")
        let errURL = folder.appendingPathComponent("demo-server.err")
        let child = try TmuxSession.ChildProcess.spawn(
            binary.path, ["demo-server", "--port", "0"],
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": folder.path,
                "XDG_STATE_HOME": folder.appendingPathComponent("server-state").path,
                "XDG_CONFIG_HOME": folder.appendingPathComponent("server-config").path,
            ],
            stdout: outURL.path, stderr: errURL.path)

        let banner = "orgtui demo-server listening on "
        let lines: (String, String)?
        do {
            lines = try await TmuxSession.poll(timeout: timeout) {
                let text = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                if lines.count >= 2, lines[0].hasPrefix(banner) { return (lines[0], lines[1]) }
                if let status = child.exitStatus() {
                    let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
                    throw EndToEndFailure("demo-server exited (\(status)) before it listened: \(stderr)")
                }
                return nil
            }
        } catch {
            await stop(child)
            throw error
        }
        guard let (first, second) = lines else {
            await stop(child)
            throw EndToEndFailure("demo-server did not print its base URL and token within \(timeout)")
        }
        let baseURL = String(first.dropFirst(banner.count)).trimmingCharacters(in: .whitespaces)
        let token = second.trimmingCharacters(in: .whitespaces)
        return DemoServerProcess(child: child, baseURL: baseURL, token: token)
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and reaps it.
    func stop() async {
        await Self.stop(child)
    }

    private static func stop(_ child: TmuxSession.ChildProcess) async {
        child.send(SIGTERM)
        let ended = try? await TmuxSession.poll(timeout: .seconds(5)) { child.exitStatus() }
        if ended == nil {
            child.send(SIGKILL)
            _ = await child.wait()
        }
    }
}
