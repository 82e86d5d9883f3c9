import APICore
import Foundation

extension Provider {
    /// The Keycard Management API.
    public static let keycard = Provider("keycard", displayName: "Keycard")
}

/// Keycard as the registry knows it: its environment, and how a configuration becomes a `KeycardDirectory`.
public struct KeycardDescriptor: ProviderDescriptor {
    public init() {}

    public var provider: Provider { .keycard }

    public var environmentVariables: [String] {
        [
            "KEYCARD_API_API_KEY", "KEYCARD_API_CLIENT_ID", "KEYCARD_API_CLIENT_SECRET", "KEYCARD_API_BASE_URL",
            "KEYCARD_API_CUSTOM_HEADERS",
        ]
    }

    public var credentialHint: String {
        "KEYCARD_API_API_KEY (or KEYCARD_API_CLIENT_ID with KEYCARD_API_CLIENT_SECRET)"
    }

    public func hasCredentials(in environment: [String: String]) -> Bool {
        KeycardConfiguration.hasCredentials(in: environment)
    }

    public func configuration(fromEnvironment environment: [String: String], baseURLOverride: String?)
        throws(APIError) -> ProviderConfiguration
    {
        Self.wrap(try KeycardConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
    }

    public func configuration(token: Secret, baseURL: String?, environment: [String: String]) throws(APIError)
        -> ProviderConfiguration
    {
        // A profile's token is an API key: client credentials come from the environment only.
        let base = baseURL ?? environment["KEYCARD_API_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return Self.wrap(
            try KeycardConfiguration(
                baseURL: base ?? KeycardConfiguration.defaultBaseURL, credentials: .apiKey(token),
                customHeaders: KeycardConfiguration.customHeaders(environment["KEYCARD_API_CUSTOM_HEADERS"])))
    }

    /// The provider-neutral configuration of `configuration`.
    public static func wrap(_ configuration: KeycardConfiguration) -> ProviderConfiguration {
        ProviderConfiguration(provider: .keycard, baseURL: configuration.baseURL, underlying: configuration) {
            transport in
            KeycardDirectory(client: KeycardClient(configuration: configuration, transport: transport))
        }
    }
}
