import APICore
import Providers

/// Decides where the console connects and with which credentials, from `--profile`, `--provider`, the config and
/// the environment.
///
/// - `--profile NAME` uses that profile (an unknown name is an error listing the known ones).
/// - With no `--profile`, the SDK environment variables win: `--provider`'s (`CLOUDFLARE_API_TOKEN`, or
///   `CLOUDFLARE_API_KEY` with `CLOUDFLARE_EMAIL`; `OPENAI_ADMIN_KEY`; …), or, without `--provider`, those of the one
///   provider whose credentials are set (several set is an error asking for `--provider`).
/// - With neither, the profile called `default` is used, or the only profile when there is exactly one.
///
/// A profile's token comes from its `token_command`, or from its provider's environment variables when it has none.
/// Its base URL is `--base-url`, else its `base_url`, else the provider's base-URL variable, else the public API.
public struct ProfileResolver: Sendable {
    /// What the console will connect with.
    public enum Choice: Sendable, Hashable {
        /// A provider's SDK environment variables.
        case environment(Provider)
        /// A profile from the config.
        case profile(ProfileConfig)
    }

    /// The parsed config file.
    public var config: ConfigFile
    /// The process environment.
    public var environment: [String: String]
    /// The config file's path, for messages.
    public var configPath: String
    /// The providers profiles may name.
    public var registry: ProviderRegistry = .standard

    /// A resolver over `config` (read from `configPath`) and `environment`.
    public init(config: ConfigFile, environment: [String: String], configPath: String = "the config") {
        self.config = config
        self.environment = environment
        self.configPath = configPath
    }

    /// The source `requested` (`--profile`) and `provider` (`--provider`) select, without running anything; nil when
    /// there is nothing to connect with.
    public func choose(requested: String?, provider: Provider? = nil) throws(ConfigError) -> Choice? {
        if let requested {
            guard let profile = config.profiles[requested] else {
                let known = config.profiles.keys.sorted()
                throw ConfigError(
                    "No profile '\(requested)' in \(configPath)"
                        + (known.isEmpty
                            ? " (it has no [profiles.NAME] tables)" : " (profiles: \(known.joined(separator: ", ")))"))
            }
            return .profile(profile)
        }
        let withCredentials = registry.providersWithCredentials(in: environment)
        if let provider {
            if withCredentials.contains(provider) { return .environment(provider) }
            let profiles = config.profiles.values.filter { $0.provider == provider }.sorted { $0.name < $1.name }
            if let profile = profiles.first(where: { $0.name == "default" })
                ?? (profiles.count == 1 ? profiles.first : nil)
            {
                return .profile(profile)
            }
            return nil
        }
        if withCredentials.count == 1, let only = withCredentials.first { return .environment(only) }
        if withCredentials.count > 1 {
            let names = withCredentials.map(\.rawValue).joined(separator: " and ")
            throw ConfigError(
                "Credentials for \(names) are set: choose one with --provider \(withCredentials.map(\.rawValue).joined(separator: "|"))"
            )
        }
        if let profile = config.profiles["default"] { return .profile(profile) }
        if config.profiles.count == 1, let only = config.profiles.values.first { return .profile(only) }
        return nil
    }

    /// Resolves the choice into a connection, running the profile's `token_command`; nil when there is nothing to
    /// connect with.
    public func resolve(requested: String?, provider: Provider? = nil, baseURLOverride: String? = nil)
        async throws(ConfigError) -> ResolvedProfile?
    {
        switch try choose(requested: requested, provider: provider) {
        case nil:
            return nil
        case .environment(let provider):
            do {
                let configuration = try registry.configuration(
                    provider, fromEnvironment: environment, baseURLOverride: baseURLOverride)
                return ResolvedProfile(name: "default", configuration: configuration, readOnly: false)
            } catch {
                throw ConfigError(error.userMessage)
            }
        case .profile(let profile):
            return try await resolve(profile, baseURLOverride: baseURLOverride)
        }
    }

    /// Resolves one profile by name (for `:profile NAME`).
    public func resolve(profileNamed name: String) async throws(ConfigError) -> ResolvedProfile {
        guard let profile = config.profiles[name] else { throw ConfigError("No profile '\(name)' in \(configPath)") }
        return try await resolve(profile, baseURLOverride: nil)
    }

    private func resolve(_ profile: ProfileConfig, baseURLOverride: String?) async throws(ConfigError)
        -> ResolvedProfile
    {
        let baseURL = baseURLOverride ?? profile.baseURL
        do {
            let configuration: ProviderConfiguration
            if let command = profile.tokenCommand {
                let token = try await TokenCommand(command, owner: "profile '\(profile.name)'").run()
                configuration = try registry.configuration(
                    profile.provider, token: token, baseURL: baseURL, environment: environment)
            } else {
                configuration = try registry.configuration(
                    profile.provider, fromEnvironment: environment, baseURLOverride: baseURL)
            }
            return ResolvedProfile(
                name: profile.name, configuration: configuration, readOnly: profile.readOnly, network: profile.network)
        } catch let error as ConfigError {
            throw error
        } catch let error as APIError {
            let hint = profile.tokenCommand == nil ? " (it has no token_command)" : ""
            throw ConfigError("Profile '\(profile.name)'\(hint): \(error.userMessage)")
        } catch {
            throw ConfigError("Profile '\(profile.name)': \(error)")
        }
    }
}

/// A connection ready to use: the profile's name for the header, its configuration and its read-only flag.
public struct ResolvedProfile: Sendable {
    /// Shown in the header; `default` for the environment variables.
    public var name: String
    /// Provider, base URL and credentials.
    public var configuration: ProviderConfiguration
    /// The profile's `read_only`.
    public var readOnly: Bool
    /// The profile's proxy, CA file and timeouts.
    public var network: NetworkOptions

    /// The API it speaks.
    public var provider: Provider { configuration.provider }

    public init(name: String, configuration: ProviderConfiguration, readOnly: Bool, network: NetworkOptions = .defaults)
    {
        self.name = name
        self.configuration = configuration
        self.readOnly = readOnly
        self.network = network
    }
}
