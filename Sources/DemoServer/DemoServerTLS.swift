/// HTTPS for the demo server: a PEM certificate chain and its key (`--tls-cert`, `--tls-key`).
///
/// The server then offers HTTP/2 and HTTP/1.1 by ALPN, as the real APIs do.
public struct DemoServerTLS: Sendable, Hashable {
    /// A PEM file with the leaf certificate first, then any intermediates.
    public var certificateFile: String
    /// The leaf's private key, PEM.
    public var keyFile: String
    /// Whether HTTP/2 is offered (ALPN `h2`); false serves HTTP/1.1 only.
    public var http2: Bool

    /// TLS from these files.
    public init(certificateFile: String, keyFile: String, http2: Bool = true) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.http2 = http2
    }
}
