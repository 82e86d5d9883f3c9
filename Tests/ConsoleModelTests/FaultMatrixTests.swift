import APICore
import APITransport
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import KeycardAPI
import OpenAIAdminAPI
import Testing

/// Every list the panes load, of every provider, under each fault a network or a server produces, once: a read
/// recovers by itself where a retry can help, fails in plain words where it cannot, and the session loads the list
/// again once the fault is gone. Prints the matrix (survived / total) and fails on any cell that did not survive.
@MainActor
@Suite("Fault matrix: faults × list endpoints × providers", .serialized)
struct FaultMatrixTests {
    enum Fault: String, CaseIterable, Sendable {
        case rateLimited = "429"
        case serverError = "500"
        case badGateway = "502"
        case unavailable = "503"
        case timeout = "timeout"
        case malformed = "malformed"
        case truncated = "truncated"
        case reset = "reset"
        case htmlPage = "html"
        case unauthorized = "401"
        case forbidden = "403"
        case notFound = "404"

        var kind: FaultKind {
            switch self {
            case .rateLimited: .status(429, retryAfter: 2)
            case .serverError: .status(500)
            case .badGateway: .status(502)
            case .unavailable: .status(503)
            case .timeout: .latency(.seconds(10))
            case .malformed: .malformedJSON
            case .truncated: .truncatedJSON
            case .reset: .reset(afterHandling: false)
            case .htmlPage: .htmlPage(403)
            case .unauthorized: .status(401)
            case .forbidden: .status(403)
            case .notFound: .status(404)
            }
        }

        /// Whether a read retried once gets through (each fault hits one request).
        var recovers: Bool {
            switch self {
            case .rateLimited, .serverError, .badGateway, .unavailable, .timeout, .reset: true
            case .malformed, .truncated, .htmlPage, .unauthorized, .forbidden, .notFound: false
            }
        }
    }

    /// One list a pane loads: the route it reads and how a session shows it.
    struct Endpoint: Sendable {
        var provider: String
        var name: String
        var route: String
        var show: @MainActor @Sendable (ConsoleSession, Scope) -> Void
        var list: @MainActor @Sendable (ConsoleSession) -> ListSnapshotReading
        /// The scope it is shown in (read from the server's seed).
        var scope: @Sendable (DemoServer) async -> Scope
    }

    static let accountScope: @Sendable (DemoServer) async -> Scope = { server in
        Scope([ScopeNode(kind: .account, id: await server.store.visibleAccountIDs()[0], name: "Acme Corp")])
    }
    static let projectScope: @Sendable (DemoServer) async -> Scope = { server in
        Scope([ScopeNode(kind: .project, id: await server.openAI.projectIDs()[1], name: "Production API")])
    }
    static let organizationScope: @Sendable (DemoServer) async -> Scope = { server in
        Scope([ScopeNode(kind: .organization, id: server.keycard.bigOrganizationID, name: "Acme Robotics")])
    }
    static let top: @Sendable (DemoServer) async -> Scope = { _ in .top }
    static let serviceAccountScope: @Sendable (DemoServer) async -> Scope = { server in
        let account = await server.keycard.serviceAccounts(organizationID: server.keycard.bigOrganizationID)[0]
        return await organizationScope(server).entering(ScopeNode(kind: .serviceAccount, id: account.id, name: "robot"))
    }

    static let endpoints: [Endpoint] = [
        Endpoint(
            provider: "cloudflare", name: "accounts", route: "/accounts",
            show: { session, _ in session.accounts.load() },
            list: { ListSnapshotReading($0.accounts.snapshot) }, scope: top),
        Endpoint(
            provider: "cloudflare", name: "members", route: "/accounts/*/members",
            show: { $0.members.setScope($1) }, list: { ListSnapshotReading($0.members.snapshot) },
            scope: accountScope),
        Endpoint(
            provider: "cloudflare", name: "user tokens", route: "/user/tokens", show: { $0.tokens.setScope($1) },
            list: { ListSnapshotReading($0.tokens.snapshot) }, scope: top),
        Endpoint(
            provider: "cloudflare", name: "account tokens", route: "/accounts/*/tokens",
            show: { $0.tokens.setScope($1) }, list: { ListSnapshotReading($0.tokens.snapshot) }, scope: accountScope),
        Endpoint(
            provider: "cloudflare", name: "invitations", route: "/user/invites",
            show: { session, _ in session.invitations.load() },
            list: { ListSnapshotReading($0.invitations.snapshot) }, scope: top),
        Endpoint(
            provider: "openai", name: "projects", route: "/v1/organization/projects",
            show: { session, _ in session.accounts.load() }, list: { ListSnapshotReading($0.accounts.snapshot) },
            scope: top),
        Endpoint(
            provider: "openai", name: "users", route: "/v1/organization/users", show: { $0.members.setScope($1) },
            list: { ListSnapshotReading($0.members.snapshot) }, scope: top),
        Endpoint(
            provider: "openai", name: "project users", route: "/v1/organization/projects/*/users",
            show: { $0.members.setScope($1) }, list: { ListSnapshotReading($0.members.snapshot) },
            scope: projectScope),
        Endpoint(
            provider: "openai", name: "admin keys", route: "/v1/organization/admin_api_keys",
            show: { $0.tokens.setScope($1) }, list: { ListSnapshotReading($0.tokens.snapshot) }, scope: top),
        Endpoint(
            provider: "openai", name: "project keys", route: "/v1/organization/projects/*/api_keys",
            show: { $0.tokens.setScope($1) }, list: { ListSnapshotReading($0.tokens.snapshot) }, scope: projectScope),
        Endpoint(
            provider: "openai", name: "invites", route: "/v1/organization/invites",
            show: { $0.invitations.setScope($1) }, list: { ListSnapshotReading($0.invitations.snapshot) },
            scope: top),
        Endpoint(
            provider: "keycard", name: "organizations", route: "/organizations",
            show: { session, _ in session.accounts.load() }, list: { ListSnapshotReading($0.accounts.snapshot) },
            scope: top),
        Endpoint(
            provider: "keycard", name: "users", route: "/organizations/*/users", show: { $0.members.setScope($1) },
            list: { ListSnapshotReading($0.members.snapshot) }, scope: organizationScope),
        Endpoint(
            provider: "keycard", name: "service accounts", route: "/organizations/*/service-accounts",
            show: { $0.tokens.setScope($1) }, list: { ListSnapshotReading($0.tokens.snapshot) },
            scope: organizationScope),
        Endpoint(
            provider: "keycard", name: "invitations", route: "/organizations/*/invitations",
            show: { $0.invitations.setScope($1) }, list: { ListSnapshotReading($0.invitations.snapshot) },
            scope: organizationScope),
        Endpoint(
            provider: "keycard", name: "credentials", route: "/organizations/*/service-accounts/*/credentials",
            show: { $0.tokens.setScope($1) }, list: { ListSnapshotReading($0.tokens.snapshot) },
            scope: serviceAccountScope),
        // The records views (`:audit`, `:billing`, `:subs`, `:orgs`, `:roles`, `:identities`) list through one view-model.
        record("cloudflare", "user audit log", "/user/audit_logs", top) { $0.showAudit(in: $1, since: nil) },
        record("cloudflare", "account audit log", "/accounts/*/logs/audit", accountScope) {
            $0.showAudit(in: $1, since: nil)
        },
        record("cloudflare", "billing history", "/user/billing/history", top) { records, _ in records.showBilling() },
        record("cloudflare", "subscriptions", "/accounts/*/subscriptions", accountScope) {
            $0.showSubscriptions(in: $1)
        },
        record("cloudflare", "organizations", "/user/organizations", top) { records, _ in records.showOrganizations() },
        record("cloudflare", "roles", "/accounts/*/roles", accountScope) { $0.showRoles(in: $1) },
        record("keycard", "identities", "/organizations/*/identities", organizationScope) {
            $0.showIdentities(in: $1)
        },
    ]

    /// A list of the records view, shown by `open` (which says whether there is one in that scope).
    static func record(
        _ provider: String, _ name: String, _ route: String, _ scope: @escaping @Sendable (DemoServer) async -> Scope,
        open: @escaping @MainActor @Sendable (RecordsViewModel, Scope) -> Bool
    ) -> Endpoint {
        Endpoint(
            provider: provider, name: name, route: route,
            show: { session, scope in _ = open(session.records, scope) },
            list: { ListSnapshotReading($0.records.snapshot) }, scope: scope)
    }

    @Test func everyListSurvivesEveryFault() async throws {
        let rig = try await FaultRig.start()
        var survived = 0
        var failures: [String] = []
        var lines: [String] = []
        var messages: [String] = []
        lines.append(
            "endpoint".padding(toLength: 30, withPad: " ", startingAt: 0)
                + Fault.allCases.map { $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        for endpoint in Self.endpoints {
            var row = "\(endpoint.provider) \(endpoint.name)".padding(toLength: 30, withPad: " ", startingAt: 0)
            let scope = await endpoint.scope(rig.server)
            for fault in Fault.allCases {
                let first = Self.endpoints.first { $0.provider == endpoint.provider }?.name == endpoint.name
                let verdict = await rig.cell(endpoint, fault, scope: scope) { message in
                    if first {
                        messages.append("  \(endpoint.provider) \(endpoint.name) × \(fault.rawValue): \(message)")
                    }
                }
                if verdict == nil {
                    survived += 1
                } else {
                    failures.append("\(endpoint.provider) \(endpoint.name) × \(fault.rawValue): \(verdict ?? "")")
                }
                row += (verdict == nil ? "✓" : "✗").padding(toLength: 10, withPad: " ", startingAt: 0)
            }
            lines.append(row)
        }
        await rig.stop()
        let total = Self.endpoints.count * Fault.allCases.count
        print(
            (lines + ["what the status line says where a retry cannot help:"] + messages + [
                "fault matrix: survived \(survived) / \(total) (faults × endpoints × providers)"
            ]).joined(separator: "\n"))
        #expect(survived == total, "\(failures.joined(separator: "\n"))")
    }
}

/// A list's state, whatever its row type.
struct ListSnapshotReading {
    var loadState: LoadState
    var placeholder: String?
    var loadedCount: Int

    init<Row>(_ snapshot: ListSnapshot<Row>) {
        loadState = snapshot.loadState
        placeholder = snapshot.placeholder
        loadedCount = snapshot.loadedCount
    }

    /// Whether the load has ended, one way or the other.
    var settled: Bool {
        switch loadState {
        case .loaded, .stale, .failed: true
        default: false
        }
    }
}

/// A loopback demo server with short request timeouts (so a slow answer times out and is retried), and a session
/// per cell over the real transport and retry policy (its waits recorded, not slept).
@MainActor
struct FaultRig {
    let server: DemoServer
    let transports: [HTTPClientTransport]
    let directories: [String: any IdentityDirectory]
    /// The same over a transport that gives up after 3 s: for the slow answer (10 s), which it retries.
    let hastyDirectories: [String: any IdentityDirectory]

    static func start() async throws -> FaultRig {
        var configuration = DemoServerConfiguration(members: 60, openAIUsers: 60)
        configuration.keycardUsers = 60
        let server = try await DemoServer.start(configuration)
        // Patient for every fault but the slow answer, so a loaded machine cannot turn a retry into a timeout.
        let patient = HTTPClientTransport(requestTimeout: .seconds(30))
        let hasty = HTTPClientTransport(requestTimeout: .seconds(3))
        return FaultRig(
            server: server, transports: [patient, hasty],
            directories: try directories(server, patient), hastyDirectories: try directories(server, hasty))
    }

    private static func directories(_ server: DemoServer, _ http: HTTPClientTransport) throws
        -> [String: any IdentityDirectory]
    {
        let transport = RetryingTransport(base: http, sleep: RecordingSleeper().sleep, unitRandom: { 0.5 })
        let cloudflare = try CloudflareConfiguration(
            baseURL: server.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(server.loginToken)))
        let openAI = try OpenAIConfiguration(
            baseURL: server.openAIBaseURL.absoluteString, adminKey: Secret(server.openAILoginKey))
        let keycard = try KeycardConfiguration(
            baseURL: server.keycardBaseURL.absoluteString, credentials: .apiKey(Secret(server.keycardAPIKey)))
        return [
            "cloudflare": CloudflareDirectory(
                client: CloudflareClient(configuration: cloudflare, transport: transport)),
            "openai": OpenAIDirectory(client: OpenAIClient(configuration: openAI, transport: transport)),
            "keycard": KeycardDirectory(client: KeycardClient(configuration: keycard, transport: transport)),
        ]
    }

    func stop() async {
        for transport in transports { await transport.shutdown() }
        await server.stop()
    }

    /// Runs one cell; nil when it survived, else why not.
    func cell(_ endpoint: FaultMatrixTests.Endpoint, _ fault: FaultMatrixTests.Fault, scope: Scope) async -> String? {
        await cell(endpoint, fault, scope: scope, said: { _ in })
    }

    /// Runs one cell, handing what the list said (its error or placeholder) to `said`.
    func cell(
        _ endpoint: FaultMatrixTests.Endpoint, _ fault: FaultMatrixTests.Fault, scope: Scope,
        said: (String) -> Void
    ) async -> String? {
        guard let directory = (fault == .timeout ? hastyDirectories : directories)[endpoint.provider] else {
            return "no directory"
        }
        server.faults.clear()
        server.faults.inject(fault.kind, method: "GET", path: endpoint.route, times: 1)
        let session = ConsoleSession(profile: endpoint.provider, directory: directory)
        let waiter = ModelEventWaiter(session)
        endpoint.show(session, scope)
        guard await waiter.until(timeout: .seconds(20), { endpoint.list(session).settled }) else {
            return "still loading after 20 s"
        }
        let state = endpoint.list(session)
        if fault.recovers {
            guard state.loadState == .loaded, state.loadedCount > 0 else {
                return "did not recover: \(state.loadState)"
            }
        } else {
            let message: String
            switch state.loadState {
            case .failed(let text): message = text
            default:
                guard let placeholder = state.placeholder else { return "no error shown: \(state.loadState)" }
                message = placeholder
            }
            said(message)
            if let problem = Self.notPlainWords(message, fault: fault) { return problem }
        }
        // The session stays usable: the same list loads once the fault is gone.
        server.faults.clear()
        let again = ConsoleSession(profile: endpoint.provider, directory: directory)
        let againWaiter = ModelEventWaiter(again)
        endpoint.show(again, scope)
        guard await againWaiter.until(timeout: .seconds(20), { endpoint.list(again).loadState == .loaded }) else {
            return "did not load again after the fault: \(endpoint.list(again).loadState)"
        }
        return nil
    }

    /// Why `message` is not a plain sentence a person can act on, or nil.
    static func notPlainWords(_ message: String, fault: FaultMatrixTests.Fault) -> String? {
        let leaks = ["<", "{", "Error Domain", "Optional(", "NIO", "HTTPClientError", "DecodingError", "\\u"]
        if message.isEmpty { return "an empty message" }
        if let leak = leaks.first(where: { message.contains($0) }) { return "'\(leak)' in: \(message)" }
        if message.count > 320 { return "too long: \(message)" }
        if fault == .unauthorized, !message.contains("revoked") { return "a 401 without how to fix it: \(message)" }
        if fault == .htmlPage, !message.contains("proxy") { return "a proxy's page not said to be one: \(message)" }
        return nil
    }
}
