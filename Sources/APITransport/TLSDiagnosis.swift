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
    static func dateProblem(host: String, port: Int, timeout: Duration) async -> String? {
        guard let leaf = await presentedCertificate(host: host, port: port, timeout: timeout) else { return nil }
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

    /// The leaf certificate `host` presents, accepted without any check and the connection closed at once.
    private static func presentedCertificate(host: String, port: Int, timeout: Duration) async -> NIOSSLCertificate? {
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
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        guard let channel = try? await bootstrap.connect(host: host, port: port).get() else { return nil }
        // The handshake ends (in failure) right after the certificate arrives; the channel closes then.
        let closed = channel.closeFuture
        channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.close(promise: nil)
        }
        try? await closed.get()
        return captured.withLock { $0 }
    }
}
