import APICore
import Foundation

/// A proxy server as a proxy URL names it (`http://user:pass@host:port`, `socks5://host:port`).
///
/// Its description names the host and port only: the credentials never reach a log or a message.
public struct ProxyEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// How orgtui talks to the proxy.
    public enum Kind: String, Sendable, Hashable {
        /// An HTTP proxy (requests go through a `CONNECT` tunnel).
        case http
        /// A SOCKS5 proxy (no credentials).
        case socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    /// `user` of `user:pass@`, percent-decoded.
    public var user: String?
    /// `pass` of `user:pass@`, percent-decoded. Never shown.
    var password: String?

    /// The proxy `text` names; `source` (`HTTPS_PROXY`, `profiles.work.proxy`) names the setting in errors.
    ///
    /// A URL without a scheme is an HTTP proxy, as curl reads it; without a port, port 1080 (curl's default).
    public init(parsing text: String, source: String) throws(APIError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty,
            let scheme = components.scheme?.lowercased()
        else {
            throw Self.invalid(source, "is not a proxy URL (expected http://host:port)")
        }
        switch scheme {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        case "https":
            throw Self.invalid(source, "names an https:// proxy: orgtui speaks to proxies over http:// only")
        default:
            throw Self.invalid(source, "has the unsupported proxy scheme '\(scheme)' (use http:// or socks5://)")
        }
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        port = components.port ?? 1080
        user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if kind == .socks5, user != nil {
            throw Self.invalid(source, "gives credentials for a SOCKS proxy, which orgtui does not support")
        }
    }

    /// A proxy by its parts (tests).
    public init(kind: Kind = .http, host: String, port: Int, user: String? = nil, password: String? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// Whether the proxy URL carried credentials.
    public var hasCredentials: Bool { user != nil }

    /// "host:port", for messages and logs.
    public var description: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(name):\(port)"
    }

    /// The `Proxy-Authorization` value for `user:pass@`, if any.
    var basicAuthorization: String? {
        guard let user else { return nil }
        return "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
    }

    private static func invalid(_ source: String, _ problem: String) -> APIError {
        // The value is not repeated: it may hold a password.
        APIError(kind: .invalidConfiguration, detail: "\(source) \(problem)")
    }
}
