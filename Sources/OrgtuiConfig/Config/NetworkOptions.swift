/// A profile's network settings (`proxy`, `ca_file`, `connect_timeout`, `request_timeout`); nil means the default
/// (the environment's proxy and CAs, the transport's timeouts).
public struct NetworkOptions: Sendable, Hashable {
    /// `proxy`: the proxy URL for every request of the profile, loopback included; `"direct"` for none. Wins over
    /// `HTTPS_PROXY` and the other proxy variables.
    public var proxy: String?
    /// `ca_file`: a PEM file of CAs trusted on top of the system's (and of `SSL_CERT_FILE`).
    public var caFile: String?
    /// `connect_timeout`: seconds to open a connection.
    public var connectTimeout: Duration?
    /// `request_timeout`: seconds for a whole request.
    public var requestTimeout: Duration?

    /// Options; every one defaults to unset.
    public init(
        proxy: String? = nil, caFile: String? = nil, connectTimeout: Duration? = nil, requestTimeout: Duration? = nil
    ) {
        self.proxy = proxy
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
    }

    /// No option set.
    public static let defaults = NetworkOptions()
}
