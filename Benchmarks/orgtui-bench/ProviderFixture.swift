import APICore
import APITransport
import CloudflareAPI
import DemoServer
import Foundation
import KeycardAPI
import Logging
import OpenAIAdminAPI

/// A logger that drops everything: the bench's own requests are not news.
let quietLogger = Logger(label: "orgtui-bench", factory: { _ in SwiftLogNoOpLogHandler() })

/// One provider's member list of a given size, recorded once from the demo server and replayed from memory.
struct ProviderFixture: Sendable {
    let provider: Provider
    let memberCount: Int
    /// The scope whose members are listed (the big account; the organization on OpenAI).
    let scope: Scope
    let answers: [String: HTTPResponse]
    /// A full page from the middle of the list, for decode throughput.
    let samplePage: HTTPResponse
    let makeDirectory: @Sendable (any Transport) -> any IdentityDirectory

    /// Bytes of every recorded page body.
    var totalBytes: Int { answers.values.reduce(0) { $0 + $1.body.count } }

    /// The member list of `directory`, in this fixture's scope.
    func members(_ directory: any IdentityDirectory) throws -> PagedList<Member> {
        guard let list = directory.members(in: scope, status: nil).pagedList else {
            throw BenchError.setup("\(provider.displayName) lists no members in \(scope)")
        }
        return list
    }

    /// A directory that answers from the recording.
    func replayDirectory() -> any IdentityDirectory { makeDirectory(ReplayTransport(answers: answers)) }

    /// Records the whole member list of `provider` from a running demo server holding `memberCount` members.
    static func record(_ provider: Provider, from server: DemoServer, memberCount: Int, http: HTTPClientTransport)
        async throws -> ProviderFixture
    {
        let target = try DemoTarget(server: server, provider: provider)
        let recorder = RecordingTransport(base: http)
        let directory = target.makeDirectory(recorder)
        let empty = ProviderFixture(
            provider: provider, memberCount: memberCount, scope: target.scope, answers: [:],
            samplePage: HTTPResponse(status: 200), makeDirectory: target.makeDirectory)
        let items = try await empty.members(directory).fetchAll(concurrency: 4)
        guard items.count == memberCount else {
            throw BenchError.setup("recorded \(items.count) \(provider.displayName) members, expected \(memberCount)")
        }
        let answers = recorder.recorded
        let bodies = answers.sorted { $0.key < $1.key }.map(\.value)
        return ProviderFixture(
            provider: provider, memberCount: memberCount, scope: target.scope, answers: answers,
            samplePage: bodies[bodies.count / 2], makeDirectory: target.makeDirectory)
    }
}

/// Where a provider's member list is on some server, and how to reach it.
struct DemoTarget: Sendable {
    let scope: Scope
    let makeDirectory: @Sendable (any Transport) -> any IdentityDirectory

    /// The big account (Cloudflare) or organization (OpenAI, Keycard) of an in-process demo server.
    init(server: DemoServer, provider: Provider) throws {
        switch provider {
        case .keycard:
            try self.init(
                provider: provider, baseURL: server.keycardBaseURL.absoluteString, token: server.keycardAPIKey,
                accountID: server.keycard.bigOrganizationID)
        case .cloudflare, .openAI:
            let base = provider == .openAI ? server.openAIBaseURL : server.cloudflareBaseURL
            try self.init(
                provider: provider, baseURL: base.absoluteString, token: BenchDefaults.token,
                accountID: server.store.bigAccountID)
        default:
            throw BenchError.usage("no bench fixture for \(provider)")
        }
    }

    /// A provider at `baseURL` (a demo server or its static replay).
    init(provider: Provider, baseURL: String, token: String, accountID: String) throws {
        switch provider {
        case .cloudflare:
            let configuration = try CloudflareConfiguration(baseURL: baseURL, credentials: .apiToken(Secret(token)))
            scope = Scope([ScopeNode(kind: .account, id: accountID, name: "Acme Corp")])
            makeDirectory = {
                CloudflareDirectory(client: CloudflareClient(configuration: configuration, transport: $0))
            }
        case .openAI:
            let configuration = try OpenAIConfiguration(baseURL: baseURL, adminKey: Secret(token))
            scope = .top
            makeDirectory = { OpenAIDirectory(client: OpenAIClient(configuration: configuration, transport: $0)) }
        case .keycard:
            let configuration = try KeycardConfiguration(baseURL: baseURL, credentials: .apiKey(Secret(token)))
            scope = Scope([ScopeNode(kind: .organization, id: accountID, name: "Acme Robotics")])
            makeDirectory = { KeycardDirectory(client: KeycardClient(configuration: configuration, transport: $0)) }
        default:
            throw BenchError.usage("no bench fixture for \(provider)")
        }
    }
}

/// Fixed values of the bench.
enum BenchDefaults {
    /// The demo token the in-process servers accept (a demo value, not a credential).
    static let token = "orgtui-bench-demo-token"
}

/// Why a bench could not run.
enum BenchError: Error, CustomStringConvertible {
    case setup(String)
    case usage(String)

    var description: String {
        switch self {
        case .setup(let text): "setup failed: \(text)"
        case .usage(let text): text
        }
    }
}
