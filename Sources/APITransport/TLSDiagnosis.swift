import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Why a server's certificate was refused, found by a second handshake that only looks at it.
///
/// BoringSSL reports every refused chain as one `CERTIFICATE_VERIFY_FAILED`; an expired certificate and an unknown
/// CA need different advice, so after such a failure the transport connects once more (directly, never with the
/// request), takes the certificate the server presents and reads its dates.
enum TLSDiagnosis {
    /// "the server's certificate for HOST expired on DATE", "… is not valid before DATE", or nil (not a date
    /// problem, or the server could not be reached again).
    static func dateProblem(host: String, port: Int, timeout: Duration, proxy: ProxyEndpoint? = nil) async -> String? {
        guard let leaf = await presentedCertificate(host: host, port: port, timeout: timeout, proxy: proxy) else {
            return nil
        }
        let now = time(nil)
        let format = Date.ISO8601FormatStyle().year().month().day()
        if leaf.notValidAfter < now {
            let date = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter)).formatted(format)
            return "the server's certificate for \(host) expired on \(date)"
        }
        if leaf.notValidBefore > now {
            let date = Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore)).formatted(format)
            return "the server's certificate for \(host) is not valid before \(date)"
        }
        return nil
    }

    /// The leaf certificate `host` presents, accepted without any check and the connection closed at once; through
    /// an HTTP proxy, inside a `CONNECT` tunnel as the request went.
    private static func presentedCertificate(host: String, port: Int, timeout: Duration, proxy: ProxyEndpoint?)
        async -> NIOSSLCertificate?
    {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .noHostnameVerification
        guard let context = try? NIOSSLContext(configuration: configuration) else { return nil }
        let captured = Mutex<NIOSSLCertificate?>(nil)
        let serverName: String? = IPAddressBytes(host) == nil ? host : nil
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // The custom check replaces the chain check: it keeps the leaf, and fails so that the handshake
                    // ends there (nothing is ever sent on this connection).
                    let keepLeaf: NIOSSLCustomVerificationCallback = { chain, promise in
                        captured.withLock { $0 = chain.first }
                        promise.succeed(NIOSSLVerificationResult.failed)
                    }
                    let handler = try NIOSSLClientHandler(
                        context: context, serverHostname: serverName, customVerificationCallback: keepLeaf)
                    if let proxy, proxy.kind == .http {
                        // The TLS handler joins once the proxy opened the tunnel.
                        try channel.pipeline.syncOperations.addHandler(
                            TunnelPreface(host: host, port: port, proxy: proxy, then: handler))
                    } else {
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                }
            }
        let target = proxy.map { ($0.host, $0.port) } ?? (host, port)
        guard let channel = try? await bootstrap.connect(host: target.0, port: target.1).get() else { return nil }
        // The handshake ends (in failure) right after the certificate arrives; the channel closes then.
        let closed = channel.closeFuture
        channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.close(promise: nil)
        }
        try? await closed.get()
        return captured.withLock { $0 }
    }
}

/// Opens a `CONNECT` tunnel through an HTTP proxy, then hands the channel to `then` (the TLS handler) and leaves.
private final class TunnelPreface: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    // @unchecked: its state is touched on the channel's event loop only (NIO's handler contract).
    typealias InboundIn = ByteBuffer

    private let request: String
    private let then: NIOSSLClientHandler
    private var received = ""

    init(host: String, port: Int, proxy: ProxyEndpoint, then: NIOSSLClientHandler) {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var lines = ["CONNECT \(authority) HTTP/1.1", "Host: \(authority)"]
        if let authorization = proxy.basicAuthorization { lines.append("Proxy-Authorization: \(authorization)") }
        request = lines.joined(separator: "\r\n") + "\r\n\r\n"
        self.then = then
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: request)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received += buffer.readString(length: buffer.readableBytes) ?? ""
        guard received.contains("\r\n\r\n") else { return }
        // "HTTP/1.1 200 Connection established": anything else and there is no certificate to read.
        guard received.split(separator: " ").dropFirst().first == "200" else { return context.close(promise: nil) }
        do {
            try context.pipeline.syncOperations.addHandler(then, position: .after(self))
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } catch {
            context.close(promise: nil)
        }
    }
}
