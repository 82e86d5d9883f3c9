import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import HummingbirdTLS
import Logging
import NIOSSL

/// A faithful fake of the Cloudflare User and Accounts API v4 (under `/client/v4`), the OpenAI Admin API (under
/// `/v1`) and the Keycard Management API (at the root), with seeded data, on one loopback port.
///
/// ```swift
/// let server = try await DemoServer.start(DemoServerConfiguration(members: 2500))
/// // CLOUDFLARE_BASE_URL = server.cloudflareBaseURL, CLOUDFLARE_API_TOKEN = server.loginToken
/// // OPENAI_BASE_URL = server.openAIBaseURL, OPENAI_ADMIN_KEY = server.openAILoginKey
/// await server.stop()
/// ```
public final class DemoServer: Sendable {
    /// `http://HOST:PORT`, or `https://` when the server has TLS.
    public let baseURL: URL
    /// `baseURL` + `/client/v4`, the value for `CLOUDFLARE_BASE_URL`.
    public let cloudflareBaseURL: URL
    /// `baseURL` + `/v1`, the value for `OPENAI_BASE_URL`.
    public let openAIBaseURL: URL
    /// The port the server listens on.
    public let port: Int
    /// The Cloudflare fake's state: seeded data and mutations, with inspection methods for tests.
    public let store: CloudflareStore
    /// The OpenAI organization: seeded data and mutations, with inspection methods for tests.
    public let openAI: OpenAIStore
    /// Per-route fault rules (for both APIs).
    public let faults: FaultInjector
    /// The Keycard fake's state, with inspection methods for tests.
    public let keycard: KeycardStore
    /// Every request the server answered, whichever provider's (not the `/__demo` control calls).
    public let requestLog: DemoRequestLog

    /// The listening server; nil for one answering in process (`inProcess`).
    private let task: Task<Void, any Error>?
    /// The router's responder, for requests answered in process; nil for a listening server.
    let responder: RouterResponder<DemoRequestContext>?

    /// The current secret of the login token (it changes when that token is rolled).
    public var loginToken: String { store.loginSecret.value }
    /// The id of the login token.
    public var loginTokenID: String { store.loginTokenID }
    /// The demo user's email (`X-Auth-Email`).
    public var userEmail: String { store.userEmail }
    /// The demo user's global API key (`X-Auth-Key`).
    public var globalAPIKey: String { store.globalAPIKey }
    /// The secret of the OpenAI admin key the demo session signs in with (`--token` when given).
    public var openAILoginKey: String { openAI.loginKey }
    /// The value for `KEYCARD_API_BASE_URL`: the server root (Keycard paths have no prefix).
    public var keycardBaseURL: URL { baseURL }
    /// The value for `KEYCARD_API_API_KEY`: the login token as the server started (`--token`).
    public var keycardAPIKey: String { keycard.apiKey }

    private init(
        port: Int, host: String, isTLS: Bool = false, store: CloudflareStore, openAI: OpenAIStore,
        keycard: KeycardStore, faults: FaultInjector, requestLog: DemoRequestLog, task: Task<Void, any Error>?,
        responder: RouterResponder<DemoRequestContext>? = nil
    ) {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let scheme = isTLS ? "https" : "http"
        let address = responder == nil ? "\(scheme)://\(hostPart):\(port)" : "http://\(hostPart)"
        let base = URL(string: address) ?? URL(fileURLWithPath: "/")
        baseURL = base
        cloudflareBaseURL = base.appendingPathComponent("client").appendingPathComponent("v4")
        openAIBaseURL = base.appendingPathComponent("v1")
        self.port = port
        self.store = store
        self.openAI = openAI
        self.keycard = keycard
        self.faults = faults
        self.requestLog = requestLog
        self.task = task
        self.responder = responder
    }

    /// The seeded stores, fault rules and log of a new server, and its router over them.
    struct Parts {
        let store: CloudflareStore
        let openAI: OpenAIStore
        let keycard: KeycardStore
        let faults: FaultInjector
        let requestLog: DemoRequestLog
        let router: Router<DemoRequestContext>
    }

    /// Seeds the data and builds the router (the same for a listening server and one answering in process).
    static func makeParts(_ configuration: DemoServerConfiguration) async -> Parts {
        // One login credential for every provider (`--token`, or one random value), so the banner's token works
        // for all of them.
        let login = configuration.token ?? SecretGenerator.tokenSecret()
        let store = CloudflareStore(
            configuration: configuration, loginSecret: login,
            globalAPIKey: configuration.globalAPIKey ?? SecretGenerator.globalKey())
        let openAI = OpenAIStore(configuration: configuration, loginKey: login)
        let user = await store.user
        let keycard = KeycardStore(
            configuration: configuration, apiKey: login, userEmail: user.email,
            userName: [user.firstName, user.lastName].compactMap { $0 }.joined(separator: " "))
        let faults = FaultInjector(rateLimit: configuration.rateLimit)
        let requestLog = DemoRequestLog()
        let router = DemoRoutes.router(
            store: store, openAI: openAI, keycard: keycard, faults: faults, requestLog: requestLog,
            latency: configuration.latency)
        return Parts(
            store: store, openAI: openAI, keycard: keycard, faults: faults, requestLog: requestLog, router: router)
    }

    /// A server over `parts` that answers in process only (see `DemoServer.inProcess`).
    convenience init(inProcess parts: Parts, host: String) {
        self.init(
            port: 0, host: host, store: parts.store, openAI: parts.openAI, keycard: parts.keycard,
            faults: parts.faults, requestLog: parts.requestLog, task: nil, responder: parts.router.buildResponder())
    }

    private enum StartEvent: Sendable {
        case running(Int?)
        case stopped(String)
    }

    /// Seeds the data, starts listening and returns once the port is bound.
    public static func start(_ configuration: DemoServerConfiguration, logger: Logger? = nil) async throws
        -> DemoServer
    {
        let parts = await makeParts(configuration)
        let (events, continuation) = AsyncStream<StartEvent>.makeStream()
        let app = Application(
            router: parts.router, server: try serverBuilder(configuration.tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in continuation.yield(.running(channel.localAddress?.port)) },
            logger: logger ?? Logger(label: "orgtui.demo-server", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            do {
                try await app.run()
                continuation.yield(.stopped("it returned"))
            } catch {
                continuation.yield(.stopped(String(describing: error)))
                continuation.finish()
                throw error
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .running(let port):
                guard let port else {
                    task.cancel()
                    throw DemoServerError.unknownPort
                }
                return DemoServer(
                    port: port, host: configuration.host, isTLS: configuration.tls != nil, store: parts.store,
                    openAI: parts.openAI,
                    keycard: parts.keycard, faults: parts.faults, requestLog: parts.requestLog, task: task)
            case .stopped(let reason):
                throw DemoServerError.stoppedBeforeListening(reason)
            }
        }
        task.cancel()
        throw DemoServerError.stoppedBeforeListening("cancelled")
    }

    /// Plain HTTP/1.1, or TLS offering HTTP/2 and HTTP/1.1 by ALPN.
    private static func serverBuilder(_ tls: DemoServerTLS?) throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        let configuration: TLSConfiguration
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateFile)
            let key = try NIOSSLPrivateKey(file: tls.keyFile, format: .pem)
            configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        } catch {
            throw DemoServerError.tls("cannot read the certificate \(tls.certificateFile) or the key \(tls.keyFile)")
        }
        return tls.http2
            ? try .http2Upgrade(tlsConfiguration: configuration) : try .tls(tlsConfiguration: configuration)
    }

    /// Stops listening, closes connections and waits until the server is down.
    public func stop() async {
        guard let task else { return }
        task.cancel()
        _ = await task.result
    }

    /// Runs until the server stops or the calling task is cancelled (for the standalone `demo-server` command).
    public func run() async throws {
        guard let task = self.task else { return }
        do {
            try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch is CancellationError {
            return
        }
    }
}
