import APICore
import APITransport
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import KeycardAPI
import OpenAIAdminAPI

/// A console session on the demo server over loopback HTTP: the real client, the real transport (no retries of
/// writes, recorded waits), and every `WriteResult` the session's runner reported.
@MainActor
final class DemoSession {
    /// Which provider the session talks to.
    enum Provider: Sendable { case cloudflare, openAI, keycard }

    let server: DemoServer
    let session: ConsoleSession
    let waiter: ModelEventWaiter
    /// What the runner reported, oldest first.
    private(set) var results: [WriteResult] = []
    private let http: HTTPClientTransport

    private init(
        server: DemoServer, http: HTTPClientTransport, directory: any IdentityDirectory, readOnly: Bool,
        journal: (any WriteJournal)?
    ) {
        self.server = server
        self.http = http
        session = ConsoleSession(profile: "demo", directory: directory, readOnly: readOnly, journal: journal)
        waiter = ModelEventWaiter(session)
        session.writes.onFinished = { [weak self] in self?.results.append($0) }
    }

    /// Starts a demo server (five members in the big account) and a session on it.
    static func start(
        _ provider: Provider = .cloudflare, readOnly: Bool = false, journal: (any WriteJournal)? = nil
    ) async throws -> DemoSession {
        let server = try await DemoServer.start(DemoServerConfiguration(members: 5))
        let http = HTTPClientTransport(requestTimeout: .seconds(30), logger: CapturedLog().logger(label: "http"))
        let transport = RetryingTransport(base: http, sleep: RecordingSleeper().sleep, unitRandom: { 0.5 })
        let directory: any IdentityDirectory
        switch provider {
        case .cloudflare:
            let configuration = try CloudflareConfiguration(
                baseURL: server.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(server.loginToken)))
            directory = CloudflareDirectory(
                client: CloudflareClient(configuration: configuration, transport: transport))
        case .openAI:
            let configuration = try OpenAIConfiguration(
                baseURL: server.openAIBaseURL.absoluteString, adminKey: Secret(server.openAILoginKey))
            directory = OpenAIDirectory(client: OpenAIClient(configuration: configuration, transport: transport))
        case .keycard:
            let configuration = try KeycardConfiguration(
                baseURL: server.keycardBaseURL.absoluteString, credentials: .apiKey(Secret(server.keycardAPIKey)))
            directory = KeycardDirectory(client: KeycardClient(configuration: configuration, transport: transport))
        }
        return DemoSession(server: server, http: http, directory: directory, readOnly: readOnly, journal: journal)
    }

    /// Runs `body` on a started session and always stops it.
    static func with(
        _ provider: Provider = .cloudflare, readOnly: Bool = false, journal: (any WriteJournal)? = nil,
        _ body: (DemoSession) async throws -> Void
    ) async throws {
        let demo = try await start(provider, readOnly: readOnly, journal: journal)
        do {
            try await body(demo)
        } catch {
            await demo.stop()
            throw error
        }
        await demo.stop()
    }

    func stop() async {
        session.finish()
        await http.shutdown()
        await server.stop()
    }

    /// Every request the server answered, oldest first.
    func log() async -> [DemoRequestRecord] { await server.requestLog.entries() }

    /// The requests that were not reads.
    func writes() async -> [DemoRequestRecord] { await log().filter { $0.method != "GET" } }

    /// Waits until the session's notices include one with `level` (the last such is returned).
    func notice(_ level: Notice.Level) async -> Notice? {
        _ = await waiter.until { waiter.notices.contains { $0.level == level } }
        return waiter.notices.last { $0.level == level }
    }
}

extension DemoSession {
    /// True as soon as `condition` holds for the server's request log, checked now and after each of the session's
    /// events (a page landing); false if it still does not when `timeout` has passed.
    func eventually(
        timeout: Duration = .seconds(30), _ condition: @escaping @Sendable ([DemoRequestRecord]) -> Bool
    ) async -> Bool {
        let events = session.subscribe()
        let log = server.requestLog
        let check = Task {
            if condition(await log.entries()) { return true }
            for await _ in events {
                if condition(await log.entries()) { return true }
            }
            return false
        }
        // A deadline, not a wait: the check ends as soon as the condition holds.
        let deadline = Watchdog.start(after: timeout) { check.cancel() }
        defer { deadline.cancel() }
        return await check.value
    }
}
