import APICore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// Turns what AsyncHTTPClient, NIO and BoringSSL throw into a `TransportError` with a plain reason: whether the
/// request can have reached the server (for the retry policy and the "outcome unknown" rule), and what the user can
/// do about it (a proxy that refused, a CA to add). Never a library's own description, which can be a dump.
struct TransportFailure {
    /// The server's host, as the request named it.
    let host: String
    /// The proxy the request went through, if any.
    let proxy: ProxyEndpoint?
    /// The response size cap, for its message.
    let maxResponseBytes: Int

    /// Whether `error` says the connection closed before any of the response came (a kept connection the server
    /// closed as the request went out).
    static func closedBeforeAnswer(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return error == .remoteConnectionClosed
    }

    /// Whether `error` happened before a connection existed (refused, unreachable, timed out connecting): only then
    /// is it certain that no byte of the request reached the server.
    static func neverConnected(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, ETIMEDOUT, EADDRNOTAVAIL].contains(error.errnoCode)
        }
        if case .connectTimeout? = error as? ChannelError { return true }
        return false
    }

    /// Whether `error` is a certificate the chain check refused (untrusted, expired), which a diagnosis can explain.
    static func isCertificateRejection(_ error: any Error) -> Bool {
        guard case .handshakeFailed(let underlying)? = error as? NIOSSLError else { return false }
        return "\(underlying)".contains("CERTIFICATE_VERIFY_FAILED")
    }

    func classify(_ error: any Error) -> TransportError {
        if let error = error as? TransportError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError { return classify(error) }
        if Task.isCancelled { return .cancelled }
        if error is NIOTooManyBytesError || error as? NIOHTTPDecompression.DecompressionError == .limit {
            return .failedAfterSending("the response is larger than \(maxResponseBytes) bytes")
        }
        if error is NIOHTTPDecompression.DecompressionError || error is NIOHTTPDecompression.ExtraDecompressionError {
            return .failedAfterSending("the response's gzip body is corrupt")
        }
        if error as? NIOSSLExtraError == .failedToValidateHostname {
            return .connectionFailed(
                "the server's certificate is not valid for \(host) (it was issued for another name): check the base URL"
            )
        }
        if Self.isCertificateRejection(error) { return .connectionFailed(untrustedMessage(detail: nil)) }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .connectionFailed("the TLS handshake with \(host) failed (orgtui needs TLS 1.2 or later)")
        }
        if Self.neverConnected(error) {
            if let proxy {
                return .connectionFailed("could not connect to the proxy \(proxy) (refused or unreachable)")
            }
            return .connectionFailed("connection refused or unreachable")
        }
        if error is IOError || error is ChannelError {
            // A reset or a close once connected: the request may have been read, so a write is never sent again.
            return .failedAfterSending("the connection was closed before the answer")
        }
        return .failedAfterSending(String(describing: type(of: error)))
    }

    /// The message for a certificate the chain check refused; `detail` is the diagnosis when there is one.
    func untrustedMessage(detail: String?) -> String {
        let advice =
            "if a gateway or a private CA signs it, add that CA with SSL_CERT_FILE=/path/ca.pem or "
            + "ca_file = \"/path/ca.pem\" in the profile"
        return (detail ?? "the server's certificate for \(host) is not trusted") + ": " + advice
    }

    private func classify(_ error: HTTPClientError) -> TransportError {
        switch error {
        case .cancelled: return .cancelled
        case .deadlineExceeded, .readTimeout, .writeTimeout: return .timedOut
        case .remoteConnectionClosed: return .failedAfterSending("the connection closed before the answer")
        case .connectTimeout:
            if let proxy { return .connectionFailed("could not connect to the proxy \(proxy) in time") }
            return .connectionFailed("connect timeout")
        case .tlsHandshakeTimeout: return .connectionFailed("the TLS handshake with \(host) timed out")
        case .proxyAuthenticationRequired:
            let name = proxy.map { "the proxy \($0)" } ?? "the proxy"
            let credentials =
                proxy?.hasCredentials == true
                ? "rejected the credentials in the proxy URL"
                : "needs credentials: put user:password@ in the proxy URL"
            return .connectionFailed("\(name) \(credentials) (HTTP 407)")
        case .invalidProxyResponse:
            // Some proxies answer wrong credentials with a plain refusal rather than another 407.
            let name = proxy.map { "the proxy \($0)" } ?? "the proxy"
            let check =
                proxy?.hasCredentials == true
                ? ": check the credentials in the proxy URL, and that it allows this host and port" : ""
            return .connectionFailed("\(name) refused the connection to \(host)\(check)")
        case .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
            let name = proxy.map { "the proxy \($0)" } ?? "the proxy"
            return .connectionFailed("\(name) did not answer in time")
        case .alreadyShutdown: return .connectionFailed("the HTTP client is shut down")
        default: return .failedAfterSending("the connection failed (\(error))")
        }
    }
}
