import APICore
import Foundation

/// Which requests go through which proxy: the environment's `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
/// `NO_PROXY` (either case, as curl reads them), or a profile's `proxy`, which wins over the environment.
///
/// Loopback hosts go direct unless the profile's `proxy` asked for a proxy: a proxy on another machine cannot
/// reach this one's loopback, and the demo server must keep working with a corporate proxy in the environment.
public struct ProxySettings: Sendable, Hashable {
    /// The proxy of `http://` targets.
    public var http: ProxyEndpoint?
    /// The proxy of `https://` targets.
    public var https: ProxyEndpoint?
    /// Hosts that go direct.
    public var noProxy: NoProxyList
    /// Whether loopback hosts are proxied too (a profile's `proxy` set).
    public var proxiesLoopback: Bool

    /// Settings by their parts.
    public init(
        http: ProxyEndpoint? = nil, https: ProxyEndpoint? = nil, noProxy: NoProxyList = .empty,
        proxiesLoopback: Bool = false
    ) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
        self.proxiesLoopback = proxiesLoopback
    }

    /// No proxy at all.
    public static let direct = ProxySettings()

    /// The settings of `environment`, or of `profileProxy` (a profile's `proxy`) when given; `"direct"` (or an empty
    /// value) turns proxies off whatever the environment says. `NO_PROXY` applies either way, as with curl's `-x`.
    public static func resolve(environment: [String: String], profileProxy: String? = nil, profileName: String? = nil)
        throws(APIError) -> ProxySettings
    {
        let noProxy = NoProxyList(variable(environment, "no_proxy")?.value ?? "")
        if let profileProxy {
            let trimmed = profileProxy.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.lowercased() == "direct" { return .direct }
            let source = profileName.map { "profiles.\($0).proxy" } ?? "the profile's proxy"
            let proxy = try ProxyEndpoint(parsing: trimmed, source: source)
            return ProxySettings(http: proxy, https: proxy, noProxy: noProxy, proxiesLoopback: true)
        }
        let all = try endpoint(environment, "all_proxy")
        return ProxySettings(
            http: try endpoint(environment, "http_proxy") ?? all,
            https: try endpoint(environment, "https_proxy") ?? all,
            noProxy: noProxy)
    }

    /// The proxy `url` goes through, or nil for a direct connection.
    public func proxy(for url: URL) -> ProxyEndpoint? {
        guard let host = url.host, !host.isEmpty else { return nil }
        let chosen = url.scheme?.lowercased() == "https" ? https : http
        guard let chosen else { return nil }
        if !proxiesLoopback, BaseURL.isLoopback(host) { return nil }
        return noProxy.matches(host) ? nil : chosen
    }

    /// A variable by its lower-case name, else its upper-case one (curl prefers the lower-case form), with the name
    /// it was found under; an empty value is unset.
    private static func variable(_ environment: [String: String], _ name: String) -> (name: String, value: String)? {
        for key in [name, name.uppercased()] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return (key, value)
            }
        }
        return nil
    }

    private static func endpoint(_ environment: [String: String], _ name: String) throws(APIError) -> ProxyEndpoint? {
        guard let found = variable(environment, name) else { return nil }
        return try ProxyEndpoint(parsing: found.value, source: found.name)
    }
}
