import APICore
import Providers

/// One `[profiles.NAME]` table of the config file: where to connect and how to get the token.
public struct ProfileConfig: Sendable, Hashable {
    /// The table's name, shown in the header and used by `--profile`.
    public var name: String
    /// `provider`: which API the profile speaks (default `cloudflare`).
    public var provider: Provider
    /// `base_url`: the API's base URL; nil for the provider's public API (or `CLOUDFLARE_BASE_URL`).
    public var baseURL: String?
    /// `token_command`: a shell command (run with `/bin/sh -c`) whose standard output is the token; nil to take the
    /// token from the environment.
    public var tokenCommand: String?
    /// `read_only`: refuse every write while this profile is in use.
    public var readOnly: Bool
    /// `mouse`: whether the console captures the mouse with this profile; nil follows the top-level `mouse`.
    public var mouse: Bool?
    /// `proxy`, `ca_file`, `connect_timeout`, `request_timeout`.
    public var network: NetworkOptions

    /// A profile; only the name is required.
    public init(
        name: String, provider: Provider = ProviderRegistry.defaultProvider, baseURL: String? = nil,
        tokenCommand: String? = nil, readOnly: Bool = false, network: NetworkOptions = .defaults
    ) {
        self.name = name
        self.provider = provider
        self.baseURL = baseURL
        self.tokenCommand = tokenCommand
        self.readOnly = readOnly
        self.network = network
    }
}
