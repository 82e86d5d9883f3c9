import APICore
import Foundation

extension Provider {
    /// Cloudflare's User and Accounts APIs.
    public static let cloudflare = Provider("cloudflare", displayName: "Cloudflare")
}

/// Cloudflare as the registry knows it: its environment, and how a configuration becomes a `CloudflareDirectory`.
public struct CloudflareDescriptor: ProviderDescriptor {
    public init() {}

    public var provider: Provider { .cloudflare }

    /// 1,200 requests per five minutes per user, as Cloudflare documents it.
    public var defaultRateLimit: RateLimit? { RateLimit(requests: 1_200, window: .seconds(300)) }

    public var environmentVariables: [String] {
        ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL", "CLOUDFLARE_BASE_URL"]
    }

    public var credentialHint: String { "CLOUDFLARE_API_TOKEN (or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL)" }

    public func hasCredentials(in environment: [String: String]) -> Bool {
        CloudflareCredentials.fromEnvironment(environment) != nil
    }

    public func configuration(fromEnvironment environment: [String: String], baseURLOverride: String?)
        throws(APIError) -> ProviderConfiguration
    {
        Self.wrap(try CloudflareConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
    }

    public func configuration(token: Secret, baseURL: String?, environment: [String: String]) throws(APIError)
        -> ProviderConfiguration
    {
        let base = baseURL ?? environment["CLOUDFLARE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return Self.wrap(
            try CloudflareConfiguration(
                baseURL: base ?? CloudflareConfiguration.defaultBaseURL, credentials: .apiToken(token)))
    }

    /// The provider-neutral configuration of `configuration`.
    public static func wrap(_ configuration: CloudflareConfiguration) -> ProviderConfiguration {
        ProviderConfiguration(provider: .cloudflare, baseURL: configuration.baseURL, underlying: configuration) {
            transport in
            CloudflareDirectory(client: CloudflareClient(configuration: configuration, transport: transport))
        }
    }
}
