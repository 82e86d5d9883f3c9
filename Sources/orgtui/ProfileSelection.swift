import APICore
import ArgumentParser
import CloudflareAPI
import DemoServer
import Foundation
import KeycardAPI
import OpenAIAdminAPI
import OrgtuiConfig
import Providers

/// Where the console connects: the embedded demo backend, a config profile, or the SDK environment variables —
/// and which other profiles `:profile NAME` can switch to.
struct ProfileSelection {
    /// The running demo server, stopped by the caller.
    var server: DemoServer?
    /// The name in the header and the cache key.
    var profileName: String
    var configuration: ProviderConfiguration
    /// The chosen profile's `read_only` (the config's and `--read-only` are added by the caller).
    var readOnly: Bool
    /// Every profile `:profile` offers, the current one included.
    var profileNames: [String]
    /// The chosen profile's proxy, CA file and timeouts.
    var network: NetworkOptions = .defaults
    var isDemo: Bool { server != nil }

    /// Picks the connection; prints why and exits with status 2 when there is none or it cannot be used.
    static func select(
        demo: Bool, provider: Provider?, members: Int, profile: String?, baseURL: String?, config: ConfigFile,
        environment: [String: String]
    ) async throws -> ProfileSelection {
        if demo {
            do {
                let server = try await DemoServer.start(DemoServerConfiguration(members: members))
                let chosen = provider ?? .cloudflare
                return ProfileSelection(
                    server: server, profileName: chosen.rawValue,
                    configuration: try demoConfiguration(chosen, server: server), readOnly: false,
                    profileNames: DemoServer.providers.map(\.rawValue))
            } catch let error as APIError {
                throw fail(error.userMessage)
            }
        }
        let resolver = ProfileResolver(
            config: config, environment: environment, configPath: ConfigDirectory(environment: environment).configFile)
        let resolved: ResolvedProfile?
        do {
            resolved = try await resolver.resolve(requested: profile, provider: provider, baseURLOverride: baseURL)
        } catch {
            throw fail(error.message)
        }
        guard let resolved else {
            if let provider {
                throw fail(
                    "no \(provider.displayName) credentials: set \(credentialHint(provider)), or add a profile with provider = \"\(provider.rawValue)\""
                )
            }
            if !config.profiles.isEmpty {
                let names = config.profiles.keys.sorted().joined(separator: ", ")
                throw fail("no credentials in the environment: choose a profile with --profile NAME (\(names))")
            }
            FileHandle.standardError.write(Data(GettingStarted.text.utf8))
            throw ExitCode(2)
        }
        let names = Set(config.profiles.keys).union([resolved.name]).sorted()
        return ProfileSelection(
            server: nil, profileName: resolved.name, configuration: resolved.configuration, readOnly: resolved.readOnly,
            profileNames: names, network: resolved.network)
    }

    /// The configuration of a demo profile: the demo server's base URL for that provider, signed in as its demo user.
    static func demoConfiguration(_ provider: Provider, server: DemoServer) throws(APIError) -> ProviderConfiguration {
        guard let served = server.serving(provider) else {
            throw APIError(kind: .unsupported, detail: "The demo server does not speak \(provider.displayName)")
        }
        return try ProviderRegistry.standard.configuration(
            provider, token: Secret(served.loginCredential), baseURL: served.baseURL.absoluteString, environment: [:])
    }

    /// The environment variables that carry a provider's credentials, for messages.
    static func credentialHint(_ provider: Provider) -> String {
        ProviderRegistry.standard.descriptor(for: provider)?.credentialHint ?? "the provider's credentials"
    }

    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("orgtui: \(message)\n".utf8))
        return ExitCode(2)
    }
}
