import Foundation

/// Where and as whom the console connects, for any provider: the one configuration type that flows from config,
/// profiles and the environment to the composition root. A provider's descriptor makes it.
public struct ProviderConfiguration: Sendable {
    /// The provider it connects to.
    public let provider: Provider
    /// The API's base URL.
    public let baseURL: URL
    /// The provider's own configuration type, for code that knows the provider (its tests, its descriptor).
    public let underlying: any Sendable
    private let directory: @Sendable (any Transport) -> any IdentityDirectory

    /// A configuration of `provider` at `baseURL`, whose directory `makeDirectory` builds over a transport.
    public init(
        provider: Provider, baseURL: URL, underlying: any Sendable,
        makeDirectory: @escaping @Sendable (any Transport) -> any IdentityDirectory
    ) {
        self.provider = provider
        self.baseURL = baseURL
        self.underlying = underlying
        directory = makeDirectory
    }

    /// The directory that speaks to this provider over `transport`.
    public func makeDirectory(transport: any Transport) -> any IdentityDirectory { directory(transport) }
}
