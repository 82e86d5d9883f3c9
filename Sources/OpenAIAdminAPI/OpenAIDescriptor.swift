import APICore
import Foundation

extension Provider {
    /// The OpenAI Admin API.
    public static let openAI = Provider("openai", displayName: "OpenAI")
}

/// OpenAI Admin as the registry knows it: its environment, and how a configuration becomes an `OpenAIDirectory`.
public struct OpenAIDescriptor: ProviderDescriptor {
    public init() {}

    public var provider: Provider { .openAI }

    public var environmentVariables: [String] { ["OPENAI_ADMIN_KEY", "OPENAI_ORG_ID", "OPENAI_BASE_URL"] }

    public var credentialHint: String { "OPENAI_ADMIN_KEY" }

    public func hasCredentials(in environment: [String: String]) -> Bool {
        OpenAIConfiguration.hasCredentials(in: environment)
    }

    public func configuration(fromEnvironment environment: [String: String], baseURLOverride: String?)
        throws(APIError) -> ProviderConfiguration
    {
        Self.wrap(try OpenAIConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
    }

    public func configuration(token: Secret, baseURL: String?, environment: [String: String]) throws(APIError)
        -> ProviderConfiguration
    {
        let base = baseURL ?? environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return Self.wrap(
            try OpenAIConfiguration(
                baseURL: base ?? OpenAIConfiguration.defaultBaseURL, adminKey: token,
                organizationID: environment["OPENAI_ORG_ID"].flatMap { $0.isEmpty ? nil : $0 }))
    }

    /// The provider-neutral configuration of `configuration`.
    public static func wrap(_ configuration: OpenAIConfiguration) -> ProviderConfiguration {
        ProviderConfiguration(provider: .openAI, baseURL: configuration.baseURL, underlying: configuration) {
            transport in
            OpenAIDirectory(client: OpenAIClient(configuration: configuration, transport: transport))
        }
    }
}
