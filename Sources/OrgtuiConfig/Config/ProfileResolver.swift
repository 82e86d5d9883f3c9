import APICore

/// Decides where the console connects and with which credentials, from `--profile`, the config and the
/// environment.
///
/// - `--profile NAME` uses that profile (an unknown name is an error listing the known ones).
/// - With no `--profile`, the SDK environment variables win (`CLOUDFLARE_API_TOKEN`, or `CLOUDFLARE_API_KEY` with
///   `CLOUDFLARE_EMAIL`), as they always have.
/// - With neither, the profile called `default` is used, or the only profile when there is exactly one.
///
/// A profile's token comes from its `token_command`, or from the environment when it has none. Its base URL is
/// `--base-url`, else its `base_url`, else `CLOUDFLARE_BASE_URL`, else the public API.
public struct ProfileResolver: Sendable {
    /// What the console will connect with.
    public enum Choice: Sendable, Hashable {
        /// The SDK environment variables.
        case environment
        /// A profile from the config.
        case profile(ProfileConfig)
    }

    /// The parsed config file.
    public var config: ConfigFile
    /// The process environment.
    public var environment: [String: String]
    /// The config file's path, for messages.
    public var configPath: String

    /// A resolver over `config` (read from `configPath`) and `environment`.
    public init(config: ConfigFile, environment: [String: String], configPath: String = "the config") {
        self.config = config
        self.environment = environment
        self.configPath = configPath
    }

    /// The source `requested` (`--profile`) selects, without running anything; nil when there is nothing to
    /// connect with.
    public func choose(requested: String?) throws(ConfigError) -> Choice? {
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
        if CloudflareCredentials.fromEnvironment(environment) != nil { return .environment }
        if let profile = config.profiles["default"] { return .profile(profile) }
        if config.profiles.count == 1, let only = config.profiles.values.first { return .profile(only) }
        return nil
    }

    /// Resolves `requested` into a connection, running the profile's `token_command`; nil when there is nothing to
    /// connect with.
    public func resolve(requested: String?, baseURLOverride: String? = nil) async throws(ConfigError)
        -> ResolvedProfile?
    {
        switch try choose(requested: requested) {
        case nil:
            return nil
        case .environment:
            do {
                let configuration = try CloudflareConfiguration.fromEnvironment(
                    environment, baseURLOverride: baseURLOverride)
                return ResolvedProfile(
                    name: "default", provider: .cloudflare, configuration: configuration, readOnly: false)
            } catch {
                throw ConfigError(error.userMessage)
            }
        case .profile(let profile):
            return try await resolve(profile, baseURLOverride: baseURLOverride)
        }
    }

    private func resolve(_ profile: ProfileConfig, baseURLOverride: String?) async throws(ConfigError)
        -> ResolvedProfile
    {
        guard profile.provider == .cloudflare else {
            let provider = profile.provider.displayName
            throw ConfigError(
                "Profile '\(profile.name)': the \(provider) provider is not supported yet (cloudflare is)")
        }
        let credentials: CloudflareCredentials
        if let command = profile.tokenCommand {
            credentials = .apiToken(try await TokenCommand(command, owner: "profile '\(profile.name)'").run())
        } else if let fromEnvironment = CloudflareCredentials.fromEnvironment(environment) {
            credentials = fromEnvironment
        } else {
            throw ConfigError(
                "Profile '\(profile.name)' has no token_command, and CLOUDFLARE_API_TOKEN is not set")
        }
        let baseURL =
            baseURLOverride ?? profile.baseURL
            ?? environment["CLOUDFLARE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? CloudflareConfiguration.defaultBaseURL
        do {
            let configuration = try CloudflareConfiguration(baseURL: baseURL, credentials: credentials)
            return ResolvedProfile(
                name: profile.name, provider: profile.provider, configuration: configuration, readOnly: profile.readOnly
            )
        } catch {
            throw ConfigError("Profile '\(profile.name)': \(error.userMessage)")
        }
    }
}

/// A connection ready to use: the profile's name for the header, its configuration and its read-only flag.
public struct ResolvedProfile: Sendable {
    /// Shown in the header; `default` for the environment variables.
    public var name: String
    /// The API it speaks.
    public var provider: Provider
    /// Base URL and credentials.
    public var configuration: CloudflareConfiguration
    /// The profile's `read_only`.
    public var readOnly: Bool
}
