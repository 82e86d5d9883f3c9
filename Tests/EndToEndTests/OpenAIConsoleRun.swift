import APICore
import APITransport
import ConsoleTesting
import Foundation
import OpenAIAdminAPI

/// One end-to-end run against the OpenAI Admin API: a standalone demo server started with a known admin key
/// (`--token`, which is also the OpenAI login key), `orgtui --provider openai` in tmux with `OPENAI_BASE_URL` and
/// `OPENAI_ADMIN_KEY` from the banner, and a client on the same server to check its state and its request log.
struct OpenAIConsoleRun {
    let folder: URL
    let server: DemoServerProcess
    let tmux: TmuxSession
    let http: HTTPClientTransport
    /// Signed in with the login admin key (the console's own credentials).
    let client: OpenAIClient
    /// Users of the demo organization: three pages of 100.
    static let users = 250

    /// One entry of the demo server's request log (`GET /__demo/requests`).
    struct LoggedRequest: Decodable {
        var method: String
        var path: String
        var status: Int
    }

    private struct LogEnvelope: Decodable {
        var result: [LoggedRequest]
    }

    /// Every request the server answered so far, oldest first.
    func requestLog() async throws -> [LoggedRequest] {
        guard var root = URLComponents(string: server.baseURL) else {
            throw EndToEndFailure("bad base URL \(server.baseURL)")
        }
        root.path = "/__demo/requests"
        guard let url = root.url else { throw EndToEndFailure("bad request log URL") }
        let response = try await http.send(
            HTTPRequest(method: .get, url: url, headers: [("Authorization", "Bearer \(server.token)")]))
        guard response.status == 200 else { throw EndToEndFailure("GET /__demo/requests answered \(response.status)") }
        return try JSONDecoder().decode(LogEnvelope.self, from: response.body).result
    }

    /// How many answered requests were `METHOD path` (path from `/v1`).
    func count(_ method: String, _ path: String) async throws -> Int {
        try await requestLog().filter { $0.method == method && $0.path == path }.count
    }
}

/// Starts a demo server and `orgtui --provider openai` in tmux, runs `body`, and always tears everything down.
func withOpenAIConsole(_ body: (OpenAIConsoleRun) async throws -> Void) async throws {
    let (tmuxPath, binary) = try EndToEndEnvironment.prerequisites()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgtui-e2e-openai-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer {
        if ProcessInfo.processInfo.environment["ORGTUI_E2E_KEEP"] != "1" {
            try? FileManager.default.removeItem(at: folder)
        }
    }
    // A demo value, not a real credential: the demo server's login key for both APIs.
    let adminKey = "sk-admin-e2e-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let server = try await DemoServerProcess.start(
        binary: binary, folder: folder, arguments: ["--token", adminKey, "--openai-users", "\(OpenAIConsoleRun.users)"])
    let http = HTTPClientTransport(logger: CapturedLog().logger(label: "e2e.http"))
    var tmux: TmuxSession?
    do {
        guard let openAIBaseURL = server.openAIBaseURL else {
            throw EndToEndFailure("demo-server printed no 'openai <base URL>' line")
        }
        let configuration = try OpenAIConfiguration(baseURL: openAIBaseURL, adminKey: Secret(adminKey))
        let client = OpenAIClient(configuration: configuration, transport: http)
        let launcher = try writeProviderLauncher(
            in: folder, binary: binary, provider: "openai",
            credentials: [("OPENAI_BASE_URL", openAIBaseURL), ("OPENAI_ADMIN_KEY", adminKey)])
        tmux = try await startConsoleTmux(launcher: launcher, folder: folder, tmux: tmuxPath)
        guard let tmux else { throw EndToEndFailure("tmux did not start") }
        try await body(OpenAIConsoleRun(folder: folder, server: server, tmux: tmux, http: http, client: client))
    } catch {
        await tmux?.kill()
        await http.shutdown()
        await server.stop()
        throw error
    }
    await tmux?.kill()
    await http.shutdown()
    await server.stop()
}
