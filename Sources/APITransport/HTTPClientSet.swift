import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// One AsyncHTTPClient (and so one connection pool) per way out: direct, or through each proxy.
///
/// AsyncHTTPClient takes its proxy per client, while `NO_PROXY` and the loopback rule choose per request; the
/// clients are made on first use, so a session that never meets a proxied host never makes that one.
final class HTTPClientSet: Sendable {
    private let settings: TransportSettings
    private struct State {
        var clients: [ProxyEndpoint?: HTTPClient] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    init(settings: TransportSettings) {
        self.settings = settings
    }

    deinit {
        // AsyncHTTPClient traps on a client freed before its shutdown; a transport dropped without `shutdown()` (an
        // error path) shuts its clients down in the background instead (each keeps itself alive until it is done).
        let left = state.withLock { $0.closed ? [] : Array($0.clients.values) }
        for client in left { client.shutdown().whenComplete { _ in } }
    }

    /// The client for requests that go through `proxy` (nil: direct); nil once shut down.
    func client(through proxy: ProxyEndpoint?) -> HTTPClient? {
        state.withLock { state in
            if let client = state.clients[proxy] { return client }
            guard !state.closed else { return nil }
            let client = HTTPClient(
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                configuration: Self.configuration(settings, proxy: proxy))
            state.clients[proxy] = client
            return client
        }
    }

    /// Shuts every client down (closing their connections).
    func shutdown() async {
        let all = state.withLock { state in
            state.closed = true
            defer { state.clients.removeAll() }
            return Array(state.clients.values)
        }
        for client in all { try? await client.shutdown() }
    }

    static func configuration(_ settings: TransportSettings, proxy: ProxyEndpoint?) -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if !settings.trustRoots.isEmpty {
            tls.additionalTrustRoots = [.certificates(settings.trustRoots.certificates)]
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            // A redirect could carry the credentials to another host: it comes back as it is.
            redirectConfiguration: .disallow,
            // The read timeout bounds a server that goes silent mid-body; the request deadline bounds the rest.
            timeout: .init(connect: TimeAmount(settings.connectTimeout), read: TimeAmount(settings.requestTimeout)),
            // Servers close idle connections on their own clock (often 60 s): give them up a little sooner.
            connectionPool: .init(idleTimeout: .seconds(50)),
            proxy: proxy.map(Self.proxy),
            // A size, not a ratio: permission maps repeat the same bytes and compress far beyond any sane ratio.
            decompression: .enabled(limit: .size(settings.maxResponseBytes)))
        // A connection that cannot be made fails the request now; the retry policy decides what happens next.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .automatic
        return configuration
    }

    private static func proxy(_ endpoint: ProxyEndpoint) -> HTTPClient.Configuration.Proxy {
        switch endpoint.kind {
        case .socks5:
            return .socksServer(host: endpoint.host, port: endpoint.port)
        case .http:
            let authorization = endpoint.user.map {
                HTTPClient.Authorization.basic(username: $0, password: endpoint.password ?? "")
            }
            return .server(host: endpoint.host, port: endpoint.port, authorization: authorization)
        }
    }
}

extension TimeAmount {
    /// The same span as a NIO time amount.
    init(_ duration: Duration) {
        let parts = duration.components
        self = .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
