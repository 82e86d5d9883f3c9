/// The providers orgtui knows, in the order they are listed: the one place that enumerates them.
public struct ProviderRegistry: Sendable {
    public let descriptors: [any ProviderDescriptor]

    public init(_ descriptors: [any ProviderDescriptor]) {
        self.descriptors = descriptors
    }

    /// Every provider, in order.
    public var providers: [Provider] { descriptors.map(\.provider) }

    /// The descriptor of `provider`.
    public func descriptor(for provider: Provider) -> (any ProviderDescriptor)? {
        descriptors.first { $0.provider == provider }
    }

    /// The provider whose id is `name` (any case).
    public func provider(named name: String) -> Provider? {
        providers.first { $0.rawValue == name.lowercased() }
    }

    /// The ids, for messages ("cloudflare, openai, keycard").
    public var names: String { providers.map(\.rawValue).joined(separator: ", ") }

    /// The providers whose credentials are in the environment, in order.
    public func providersWithCredentials(in environment: [String: String]) -> [Provider] {
        descriptors.filter { $0.hasCredentials(in: environment) }.map(\.provider)
    }

    /// A configuration of `provider` from its SDK's environment variables.
    public func configuration(
        _ provider: Provider, fromEnvironment environment: [String: String], baseURLOverride: String? = nil
    ) throws(APIError) -> ProviderConfiguration {
        try required(provider).configuration(fromEnvironment: environment, baseURLOverride: baseURLOverride)
    }

    /// A configuration of `provider` signed in with `token`.
    public func configuration(
        _ provider: Provider, token: Secret, baseURL: String?, environment: [String: String]
    ) throws(APIError) -> ProviderConfiguration {
        try required(provider).configuration(token: token, baseURL: baseURL, environment: environment)
    }

    private func required(_ provider: Provider) throws(APIError) -> any ProviderDescriptor {
        guard let descriptor = descriptor(for: provider) else {
            throw APIError(kind: .invalidConfiguration, detail: "Unknown provider '\(provider.rawValue)' (\(names))")
        }
        return descriptor
    }
}
