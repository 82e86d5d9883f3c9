import APICore
import APITransport
import CloudflareAPI
import ConsoleTesting
import DemoServer
import Foundation

/// A demo server and a real client over loopback HTTP, with the retry policy's waits recorded instead of slept.
struct LoopbackHarness {
    let server: DemoServer
    let http: HTTPClientTransport
    let client: CloudflareClient
    let sleeper: RecordingSleeper
    let log: CapturedLog

    static func start(
        members: Int = 2_500, requestTimeout: Duration = .seconds(30),
        credentials: ((DemoServer) -> CloudflareCredentials)? = nil
    ) async throws -> LoopbackHarness {
        let server = try await DemoServer.start(DemoServerConfiguration(members: members))
        let log = CapturedLog()
        let http = HTTPClientTransport(requestTimeout: requestTimeout, logger: log.logger(label: "http"))
        let sleeper = RecordingSleeper()
        let transport = RetryingTransport(base: http, sleep: sleeper.sleep, unitRandom: { 0.5 })
        let configuration = try CloudflareConfiguration(
            baseURL: server.cloudflareBaseURL.absoluteString,
            credentials: credentials?(server) ?? .apiToken(Secret(server.loginToken)))
        return LoopbackHarness(
            server: server, http: http, client: CloudflareClient(configuration: configuration, transport: transport),
            sleeper: sleeper, log: log)
    }

    func stop() async {
        await http.shutdown()
        await server.stop()
    }

    /// Requests the server saw for `method` on paths matching `suffix`.
    func requests(_ method: String, pathSuffix suffix: String) async -> [DemoRequestRecord] {
        await server.requestLog.entries().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }
}

/// Runs `body` with a started harness and always stops it.
@discardableResult
func withLoopback<T>(
    members: Int = 2_500, requestTimeout: Duration = .seconds(30),
    credentials: ((DemoServer) -> CloudflareCredentials)? = nil, _ body: (LoopbackHarness) async throws -> T
) async throws -> T {
    let harness = try await LoopbackHarness.start(
        members: members, requestTimeout: requestTimeout, credentials: credentials)
    do {
        let result = try await body(harness)
        await harness.stop()
        return result
    } catch {
        await harness.stop()
        throw error
    }
}
