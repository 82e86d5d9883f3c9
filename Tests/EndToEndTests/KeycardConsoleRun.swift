import APICore
import APITransport
import ConsoleTesting
import Foundation
import KeycardAPI

/// One end-to-end run against the Keycard Management API: a standalone demo server, `orgtui --provider keycard`
/// in tmux with `KEYCARD_API_BASE_URL` from the banner's `keycard <url>` line and `KEYCARD_API_API_KEY` = the
/// banner token, and a client on the same server to check its state and its request log.
struct KeycardConsoleRun {
    let folder: URL
    let server: DemoServerProcess
    let tmux: TmuxSession
    let http: HTTPClientTransport
    /// Signed in with the banner token (the console's own credentials).
    let client: KeycardClient

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

    /// How many answered requests were `METHOD path` (the path from the server root).
    func count(_ method: String, _ path: String) async throws -> Int {
        try await requestLog().filter { $0.method == method && $0.path == path }.count
    }

    /// The organization named `name`, as the server lists it to the console's credentials.
    func organization(named name: String) async throws -> Keycard.Organization {
        let all = try await client.organizationPages(limit: 100).fetchAll()
        guard let organization = all.first(where: { $0.name == name }) else {
            throw EndToEndFailure("the demo server lists no organization '\(name)'")
        }
        return organization
    }
}

/// Starts a demo server and `orgtui --provider keycard` in tmux, runs `body`, and always tears everything down.
func withKeycardConsole(_ body: (KeycardConsoleRun) async throws -> Void) async throws {
    let (tmuxPath, binary) = try EndToEndEnvironment.prerequisites()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "orgtui-e2e-keycard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer {
        if ProcessInfo.processInfo.environment["ORGTUI_E2E_KEEP"] != "1" {
            try? FileManager.default.removeItem(at: folder)
        }
    }
    let server = try await DemoServerProcess.start(binary: binary, folder: folder)
    let http = HTTPClientTransport(logger: CapturedLog().logger(label: "e2e.http"))
    var tmux: TmuxSession?
    do {
        guard let keycardBaseURL = server.keycardBaseURL else {
            throw EndToEndFailure("demo-server printed no 'keycard <base URL>' line")
        }
        let configuration = try KeycardConfiguration(
            baseURL: keycardBaseURL, credentials: .apiKey(Secret(server.token)))
        let client = KeycardClient(configuration: configuration, transport: http)
        let launcher = try writeProviderLauncher(
            in: folder, binary: binary, provider: "keycard",
            credentials: [("KEYCARD_API_BASE_URL", keycardBaseURL), ("KEYCARD_API_API_KEY", server.token)])
        tmux = try await startConsoleTmux(launcher: launcher, folder: folder, tmux: tmuxPath)
        guard let tmux else { throw EndToEndFailure("tmux did not start") }
        try await body(KeycardConsoleRun(folder: folder, server: server, tmux: tmux, http: http, client: client))
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
