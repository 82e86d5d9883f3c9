import APICore
import APITransport
import ConsoleTesting
import DemoServer
import Foundation
import KeycardAPI

/// A demo server and a real Keycard client over loopback HTTP, with the retry policy's waits recorded instead of slept.
struct KeycardLoopbackHarness {
    /// How the client signs in.
    enum Login: Sendable {
        /// The demo API key (`KEYCARD_API_API_KEY`).
        case apiKey
        /// The seeded client-credentials login (`KEYCARD_API_CLIENT_ID` + `KEYCARD_API_CLIENT_SECRET`).
        case clientCredentials
        /// Anything else.
        case custom(KeycardCredentials)
    }

    let server: DemoServer
    let http: HTTPClientTransport
    let client: KeycardClient
    let directory: KeycardDirectory
    let sleeper: RecordingSleeper
    let log: CapturedLog

    static func start(
        login: Login = .apiKey, requestTimeout: Duration = .seconds(30),
        configure: (inout DemoServerConfiguration) -> Void = { _ in }
    ) async throws -> KeycardLoopbackHarness {
        var configuration = DemoServerConfiguration(members: 20)
        configure(&configuration)
        let server = try await DemoServer.start(configuration)
        let log = CapturedLog()
        let http = HTTPClientTransport(requestTimeout: requestTimeout, logger: log.logger(label: "http"))
        let sleeper = RecordingSleeper()
        let transport = RetryingTransport(base: http, sleep: sleeper.sleep, unitRandom: { 0.5 })
        let credentials: KeycardCredentials =
            switch login {
            case .apiKey: .apiKey(Secret(server.keycardAPIKey))
            case .clientCredentials:
                .clientCredentials(
                    clientID: server.keycard.loginClientID, clientSecret: Secret(server.keycard.loginClientSecret))
            case .custom(let credentials): credentials
            }
        let client = KeycardClient(
            configuration: try KeycardConfiguration(
                baseURL: server.keycardBaseURL.absoluteString, credentials: credentials),
            transport: transport)
        return KeycardLoopbackHarness(
            server: server, http: http, client: client, directory: KeycardDirectory(client: client, limit: 50),
            sleeper: sleeper, log: log)
    }

    func stop() async {
        await http.shutdown()
        await server.stop()
    }

    /// Requests the server saw for `method` on paths ending in `suffix`.
    func requests(_ method: String, pathSuffix suffix: String) async -> [DemoRequestRecord] {
        await server.requestLog.entries().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    /// Token requests the server saw.
    func tokenRequests() async -> [DemoRequestRecord] {
        await requests("POST", pathSuffix: "/service-account-token")
    }
}

/// Runs `body` with a started Keycard harness and always stops it.
@discardableResult
func withKeycardLoopback<T>(
    login: KeycardLoopbackHarness.Login = .apiKey, requestTimeout: Duration = .seconds(30),
    configure: (inout DemoServerConfiguration) -> Void = { _ in },
    _ body: (KeycardLoopbackHarness) async throws -> T
) async throws -> T {
    let harness = try await KeycardLoopbackHarness.start(
        login: login, requestTimeout: requestTimeout, configure: configure)
    do {
        let result = try await body(harness)
        await harness.stop()
        return result
    } catch {
        await harness.stop()
        throw error
    }
}
