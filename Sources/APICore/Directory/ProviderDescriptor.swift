/// What a provider target tells the rest of orgtui about itself: its id and name, the environment variables that
/// carry its credentials, and how to build a configuration (and so a directory) from them or from a profile's token.
///
/// Each provider target exports one; the composition root's `ProviderRegistry` lists them, and configuration,
/// profile selection, `--provider` and the help texts read it instead of switching over providers.
public protocol ProviderDescriptor: Sendable {
    /// Its id and display name.
    var provider: Provider { get }
    /// The environment variables its SDK reads, credentials first (for `--help`, messages and `orgtui info`).
    var environmentVariables: [String] { get }
    /// How its credentials are set, in words ("OPENAI_ADMIN_KEY").
    var credentialHint: String { get }
    /// Whether `environment` holds its credentials.
    func hasCredentials(in environment: [String: String]) -> Bool
    /// A configuration from its SDK's environment variables; `baseURLOverride` (`--base-url`, a profile's `base_url`)
    /// wins over them.
    func configuration(fromEnvironment environment: [String: String], baseURLOverride: String?) throws(APIError)
        -> ProviderConfiguration
    /// A configuration signed in with `token` (a profile's `token_command` output or the demo's login).
    func configuration(token: Secret, baseURL: String?, environment: [String: String]) throws(APIError)
        -> ProviderConfiguration
    /// The rate limit its API documents, counted locally until the server's headers say otherwise (nil: none).
    var defaultRateLimit: RateLimit? { get }
}

extension ProviderDescriptor {
    public var defaultRateLimit: RateLimit? { nil }
}
