import ConsoleTesting
import Foundation

/// `orgtui demo-server --port 0` as a child process: the standalone backend one test talks to.
///
/// It prints `orgtui demo-server listening on <base URL>` and then the API token; both are read from its
/// stdout (redirected to a file, polled with a deadline). `stop()` sends SIGTERM and, if it lingers, SIGKILL.
final class DemoServerProcess: Sendable {
    let baseURL: String
    let token: String
    /// The OpenAI Admin API's base URL (`openai <base URL>`, the banner's third line), when printed.
    let openAIBaseURL: String?
    /// The Keycard Management API's base URL (`keycard <base URL>`, the banner's fourth line), when printed.
    let keycardBaseURL: String?
    private let child: TmuxSession.ChildProcess

    private init(
        child: TmuxSession.ChildProcess, baseURL: String, token: String, openAIBaseURL: String?, keycardBaseURL: String?
    ) {
        self.child = child
        self.baseURL = baseURL
        self.token = token
        self.openAIBaseURL = openAIBaseURL
        self.keycardBaseURL = keycardBaseURL
    }

    /// Starts `orgtui demo-server --port 0` with `arguments` added (`--token`, `--openai-users`).
    static func start(
        binary: URL, folder: URL, arguments: [String] = [], timeout: Duration = .seconds(30)
    ) async throws -> DemoServerProcess {
        let outURL = folder.appendingPathComponent("demo-server.out")
        let errURL = folder.appendingPathComponent("demo-server.err")
        let child = try TmuxSession.ChildProcess.spawn(
            binary.path, ["demo-server", "--port", "0"] + arguments,
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": folder.path,
                "XDG_STATE_HOME": folder.appendingPathComponent("server-state").path,
                "XDG_CONFIG_HOME": folder.appendingPathComponent("server-config").path,
            ],
            stdout: outURL.path, stderr: errURL.path)

        let banner = "orgtui demo-server listening on "
        let openAIBanner = "openai "
        let keycardBanner = "keycard "
        let lines: (String, String, String?, String?)?
        do {
            lines = try await TmuxSession.poll(timeout: timeout) {
                let text = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                // The provider lines (OpenAI, Keycard) are printed with the first two, ending in a blank line.
                if lines.count >= 2, lines[0].hasPrefix(banner), text.hasSuffix("\n\n") || lines.count >= 4 {
                    let openAI = lines.dropFirst(2).first { $0.hasPrefix(openAIBanner) }
                    let keycard = lines.dropFirst(2).first { $0.hasPrefix(keycardBanner) }
                    return (lines[0], lines[1], openAI, keycard)
                }
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
        guard let (first, second, third, fourth) = lines else {
            await stop(child)
            throw EndToEndFailure("demo-server did not print its base URL and token within \(timeout)")
        }
        let baseURL = String(first.dropFirst(banner.count)).trimmingCharacters(in: .whitespaces)
        let token = second.trimmingCharacters(in: .whitespaces)
        let openAIBaseURL = third.map { String($0.dropFirst(openAIBanner.count)).trimmingCharacters(in: .whitespaces) }
        let keycardBaseURL = fourth.map {
            String($0.dropFirst(keycardBanner.count)).trimmingCharacters(in: .whitespaces)
        }
        return DemoServerProcess(
            child: child, baseURL: baseURL, token: token, openAIBaseURL: openAIBaseURL, keycardBaseURL: keycardBaseURL)
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
