import APICore
import Foundation

/// How the live transport connects: timeouts, the response size cap, proxies and added CAs.
public struct TransportSettings: Sendable {
    /// How long opening a connection (TCP, the proxy's `CONNECT`, TLS) may take.
    public var connectTimeout: Duration
    /// How long a whole request may take, connection included.
    public var requestTimeout: Duration
    /// The largest response body accepted, after decompression.
    public var maxResponseBytes: Int
    /// Which requests go through which proxy.
    public var proxies: ProxySettings
    /// CAs trusted on top of the system's.
    public var trustRoots: TrustRoots

    /// Settings with the defaults: 10 s to connect, 30 s a request, 64 MiB a response, no proxy, system CAs.
    public init(
        connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 64 << 20,
        proxies: ProxySettings = .direct, trustRoots: TrustRoots = .system
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.proxies = proxies
        self.trustRoots = trustRoots
    }
}
