import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL
import Synchronization

/// Where a connection goes: the scheme, host and port of a URL.
struct HTTPOrigin: Hashable, Sendable {
    let isTLS: Bool
    let host: String
    let port: Int

    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return nil }
        isTLS = scheme == "https"
        self.host = host
        port = url.port ?? (isTLS ? 443 : 80)
    }

    /// The `Host` header: the port only when it is not the scheme's own.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }
}

/// Keep-alive HTTP/1.1 connections, idle ones kept per origin for the next request.
///
/// A connection serves one exchange at a time; a caller takes an idle one or opens a new one, and gives it back
/// when its response was read whole and both sides keep it alive. An idle connection the server closed is
/// dropped when found (NIO marks it inactive as soon as the close arrives), and one idle for longer than
/// `idleTimeout` is closed rather than reused, since servers close idle connections on their own clock.
final class HTTPConnectionPool: Sendable {
    private struct Idle {
        let channel: any Channel
        let since: ContinuousClock.Instant
    }

    private let group: any EventLoopGroup
    private let connectTimeout: TimeAmount
    private let maxBodyBytes: Int
    private let idleTimeout: Duration
    private let maxIdlePerOrigin = 16
    private let idle = Mutex<[HTTPOrigin: [Idle]]>([:])
    private let tls: Mutex<NIOSSLContext?> = Mutex(nil)

    init(group: any EventLoopGroup, connectTimeout: TimeAmount, maxBodyBytes: Int, idleTimeout: Duration = .seconds(50))
    {
        self.group = group
        self.connectTimeout = connectTimeout
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
    }

    /// An idle connection to `origin` that is still open, if there is one.
    func takeIdle(_ origin: HTTPOrigin) -> (any Channel)? {
        let now = ContinuousClock.now
        var stale: [any Channel] = []
        let found = idle.withLock { idle -> (any Channel)? in
            defer { if idle[origin]?.isEmpty == true { idle[origin] = nil } }
            while let entry = idle[origin]?.popLast() {
                if entry.channel.isActive, now - entry.since < idleTimeout { return entry.channel }
                stale.append(entry.channel)
            }
            return nil
        }
        for channel in stale { channel.close(promise: nil) }
        return found
    }

    /// Keeps `channel` for the next request to `origin` (or closes it when enough are kept already).
    func giveBack(_ channel: any Channel, to origin: HTTPOrigin) {
        let kept = idle.withLock { idle -> Bool in
            guard channel.isActive, idle[origin, default: []].count < maxIdlePerOrigin else { return false }
            idle[origin, default: []].append(Idle(channel: channel, since: .now))
            return true
        }
        if !kept { channel.close(promise: nil) }
    }

    /// Opens a new connection to `origin`, with TLS for https.
    func connect(_ origin: HTTPOrigin) async throws -> any Channel {
        let sslContext = origin.isTLS ? try tlsContext() : nil
        let maxBodyBytes = maxBodyBytes
        let bootstrap = ClientBootstrap(group: group.next())
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            // Pages are tens of KiB: read them in a few calls, not dozens of 2 KiB ones.
            .channelOption(
                .recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 1024, initial: 16_384, maximum: 262_144)
            )
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let sslContext {
                        let serverName = origin.isIPAddress ? nil : origin.host
                        try pipeline.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                    }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(NIOHTTPResponseDecompressor(limit: .ratio(20)))
                    try pipeline.addHandler(HTTPExchangeHandler(maxBodyBytes: maxBodyBytes))
                }
            }
        let connected = bootstrap.connect(host: origin.host, port: origin.port)
        // A cancelled caller stops waiting at once; a connection that completes after that is closed unused.
        let outcome = connected.eventLoop.makePromise(of: (any Channel).self)
        connected.cascade(to: outcome)
        return try await withTaskCancellationHandler {
            try await outcome.futureResult.get()
        } onCancel: {
            outcome.fail(CancellationError())
            connected.whenSuccess { $0.close(promise: nil) }
        }
    }

    /// Closes every idle connection.
    func closeAll() async {
        let channels = idle.withLock { idle in
            defer { idle.removeAll() }
            return idle.values.flatMap { $0.map(\.channel) }
        }
        for channel in channels { try? await channel.close() }
    }

    private func tlsContext() throws -> NIOSSLContext {
        try tls.withLock { context in
            if let context { return context }
            let made = try NIOSSLContext(configuration: .makeClientConfiguration())
            context = made
            return made
        }
    }
}

extension HTTPOrigin {
    /// Whether the host is an IP literal (no SNI is sent for one).
    var isIPAddress: Bool {
        (try? SocketAddress(ipAddress: host, port: port)) != nil
    }
}
