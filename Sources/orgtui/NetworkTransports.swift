import APICore
import APITransport
import Foundation
import Logging
import OrgtuiConfig
import Synchronization

/// The live transports of one run: one per distinct network setting (a profile's proxy, CA file and timeouts over
/// the environment's), made on first use and shut down together, so `:profile` can switch to a profile behind
/// another proxy.
final class NetworkTransports: Sendable {
    private let environment: [String: String]
    private let made = Mutex<[NetworkOptions: HTTPClientTransport]>([:])

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// The transport (with the retry policy, and under it `budget` fed with every attempt) for `options`; an error
    /// names a proxy or CA setting that cannot be used.
    func transport(for options: NetworkOptions, profileName: String? = nil, budget: RateBudget? = nil)
        throws(APIError) -> any Transport
    {
        func wrapped(_ http: HTTPClientTransport) -> any Transport {
            RetryingTransport(base: budget.map { BudgetingTransport(base: http, budget: $0) } ?? http)
        }
        if let existing = made.withLock({ $0[options] }) { return wrapped(existing) }
        let settings = try Self.settings(for: options, environment: environment, profileName: profileName)
        let http = made.withLock { made in
            if let existing = made[options] { return existing }
            let created = HTTPClientTransport(settings: settings)
            made[options] = created
            return created
        }
        Self.logSettings(settings, profileName: profileName)
        return wrapped(http)
    }

    /// Closes every connection of every transport.
    func shutdown() async {
        let all = made.withLock { made in
            defer { made.removeAll() }
            return Array(made.values)
        }
        for http in all { await http.shutdown() }
    }

    /// The transport settings of `options` over `environment` (`HTTPS_PROXY`, `NO_PROXY`, `SSL_CERT_FILE`, …).
    static func settings(for options: NetworkOptions, environment: [String: String], profileName: String?)
        throws(APIError) -> TransportSettings
    {
        var settings = TransportSettings()
        if let connect = options.connectTimeout { settings.connectTimeout = connect }
        if let request = options.requestTimeout { settings.requestTimeout = request }
        settings.proxies = try ProxySettings.resolve(
            environment: environment, profileProxy: options.proxy, profileName: profileName)
        settings.trustRoots = try TrustRoots.load(
            environment: environment, caFile: options.caFile, profileName: profileName)
        return settings
    }

    /// One debug line on how requests leave (never a proxy's credentials: endpoints print as host:port).
    private static func logSettings(_ settings: TransportSettings, profileName: String?) {
        let proxies = settings.proxies
        var metadata: Logger.Metadata = [
            "connect_timeout_ms": "\(Int(settings.connectTimeout.seconds * 1000))",
            "request_timeout_ms": "\(Int(settings.requestTimeout.seconds * 1000))",
        ]
        if let https = proxies.https { metadata["https_proxy"] = "\(https)" }
        if let http = proxies.http { metadata["http_proxy"] = "\(http)" }
        if proxies.proxiesLoopback { metadata["proxy_loopback"] = "yes" }
        if !settings.trustRoots.isEmpty {
            metadata["added_cas"] = "\(settings.trustRoots.sources.joined(separator: ":"))"
        }
        Logger(label: "orgtui.http").debug("network settings for \(profileName ?? "the session")", metadata: metadata)
    }
}
