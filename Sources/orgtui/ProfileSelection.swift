import APICore
import ArgumentParser
import DemoServer
import Foundation
import OrgtuiConfig

/// Where the console connects: the embedded demo backend, a config profile, or the SDK environment variables.
struct ProfileSelection {
    /// The running demo server, stopped by the caller.
    var server: DemoServer?
    /// The name in the header and the cache key.
    var profileName: String
    var configuration: CloudflareConfiguration
    /// The chosen profile's `read_only` (the config's and `--read-only` are added by the caller).
    var readOnly: Bool
    var isDemo: Bool { server != nil }

    /// Picks the connection; prints why and exits with status 2 when there is none or it cannot be used.
    static func select(
        demo: Bool, members: Int, profile: String?, baseURL: String?, config: ConfigFile, environment: [String: String]
    ) async throws -> ProfileSelection {
        if demo {
            do {
                let server = try await DemoServer.start(DemoServerConfiguration(members: members))
                let configuration = try CloudflareConfiguration(
                    baseURL: server.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(server.loginToken)))
                return ProfileSelection(
                    server: server, profileName: "demo", configuration: configuration, readOnly: false)
            } catch let error as APIError {
                throw fail(error.userMessage)
            }
        }
        let resolver = ProfileResolver(
            config: config, environment: environment, configPath: ConfigDirectory(environment: environment).configFile)
        let resolved: ResolvedProfile?
        do {
            resolved = try await resolver.resolve(requested: profile, baseURLOverride: baseURL)
        } catch {
            throw fail(error.message)
        }
        guard let resolved else {
            if !config.profiles.isEmpty {
                let names = config.profiles.keys.sorted().joined(separator: ", ")
                throw fail("no credentials in the environment: choose a profile with --profile NAME (\(names))")
            }
            FileHandle.standardError.write(Data(GettingStarted.text.utf8))
            throw ExitCode(2)
        }
        return ProfileSelection(
            server: nil, profileName: resolved.name, configuration: resolved.configuration, readOnly: resolved.readOnly)
    }

    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("orgtui: \(message)\n".utf8))
        return ExitCode(2)
    }
}
