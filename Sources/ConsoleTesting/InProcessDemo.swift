import APICore
import CloudflareAPI
import DemoServer
import Foundation
import KeycardAPI
import OpenAIAdminAPI

/// The one fake of every provider for tests: a DemoServer answering in process, and directories signed in to it
/// with the real clients (the retry policy's waits recorded, not slept).
///
/// ```swift
/// let demo = await InProcessDemo.start(DemoServerConfiguration(members: 120))
/// let session = ConsoleSession(profile: "test", directory: try demo.directory(.cloudflare), readOnly: false)
/// // … then read demo.server.requestLog, demo.server.store, demo.traffic, or inject with demo.server.faults
/// ```
public struct InProcessDemo: Sendable {
    /// The server: its stores, fault injector and request log.
    public let server: DemoServer
    /// The waits the retry policy asked for.
    public let sleeper: RecordingSleeper
    /// Every request as sent (headers and body), and gates that hold chosen routes.
    public let traffic: DemoTraffic

    /// A configuration fit for tests: a fixed login token, reference date and clock, so screens are reproducible;
    /// `keycardLegacyEndpoints: false` makes Keycard's users and roles endpoints answer 404, as newer servers do.
    public static func configuration(
        members: Int = 120, openAIUsers: Int = 120, keycardUsers: Int = 120, keycardLegacyEndpoints: Bool = true
    ) -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration(
            token: "orgtui-test-login-token-0000000000000000", members: members,
            referenceDate: referenceDate, globalAPIKey: "0123456789abcdef0123456789abcdef01234",
            openAIUsers: openAIUsers)
        configuration.keycardUsers = keycardUsers
        configuration.keycardLegacyEndpoints = keycardLegacyEndpoints
        configuration.frozenNow = referenceDate
        return configuration
    }

    /// "Now" of the seeded data and of the server's frozen clock in `configuration()`: 2026-01-15T00:00:00Z, so
    /// screens (dates, last use, what has expired) are the same every day.
    public static let referenceDate = Date(timeIntervalSince1970: 1_768_435_200)

    /// Seeds a server from `configuration` (by default `configuration()`), answering in process.
    public static func start(_ configuration: DemoServerConfiguration = configuration()) async -> InProcessDemo {
        InProcessDemo(
            server: await DemoServer.inProcess(configuration), sleeper: RecordingSleeper(), traffic: DemoTraffic())
    }

    /// The transport every directory of this demo uses: the server's router behind the production retry policy.
    public var transport: any Transport {
        RetryingTransport(
            base: DemoServerTransport(server: server, traffic: traffic), sleep: sleeper.sleep, unitRandom: { 0.5 })
    }

    /// A Cloudflare directory signed in with the login token (or with `token`, the secret of another of the seed's
    /// tokens, such as an account token), with `perPage` rows a page.
    public func cloudflareDirectory(token: String? = nil, perPage: Int = 50) throws -> CloudflareDirectory {
        let configuration = try CloudflareConfiguration(
            baseURL: server.cloudflareBaseURL.absoluteString,
            credentials: .apiToken(Secret(token ?? server.loginToken)))
        return CloudflareDirectory(
            client: CloudflareClient(configuration: configuration, transport: transport), perPage: perPage)
    }

    /// An OpenAI Admin directory signed in with the login admin key, `limit` rows a page, `now` its clock.
    public func openAIDirectory(limit: Int = 50, now: Date = referenceDate) throws -> OpenAIDirectory {
        let configuration = try OpenAIConfiguration(
            baseURL: server.openAIBaseURL.absoluteString, adminKey: Secret(server.openAILoginKey))
        return OpenAIDirectory(
            client: OpenAIClient(configuration: configuration, transport: transport), limit: limit, now: { now })
    }

    /// A Keycard directory signed in with the login API key, `limit` rows a page.
    public func keycardDirectory(limit: Int = 50) throws -> KeycardDirectory {
        let configuration = try KeycardConfiguration(
            baseURL: server.keycardBaseURL.absoluteString, credentials: .apiKey(Secret(server.keycardAPIKey)))
        return KeycardDirectory(client: KeycardClient(configuration: configuration, transport: transport), limit: limit)
    }

    /// A directory of `provider` with the page sizes above.
    public func directory(_ provider: Provider) throws -> any IdentityDirectory {
        switch provider {
        case .cloudflare: try cloudflareDirectory()
        case .openAI: try openAIDirectory()
        case .keycard: try keycardDirectory()
        default: throw APIError(kind: .unsupported, detail: "The demo server does not speak \(provider.displayName)")
        }
    }
}
