import APICore
import ConsoleModel
import ConsoleUI
import OrgtuiConfig
import Providers

/// How `:profile NAME` signs in with another profile: a demo provider on the same demo server, or a config profile
/// (its `token_command` runs then, with no terminal to prompt on).
enum ProfileSwitching {
    @MainActor
    static func switcher(
        selection: ProfileSelection, config: ConfigFile, environment: [String: String], transports: NetworkTransports,
        readOnly: Bool
    ) -> ProfileSwitcher? {
        guard selection.profileNames.count > 1 else { return nil }
        let server = selection.server
        let resolver = ProfileResolver(
            config: config, environment: environment, configPath: ConfigDirectory(environment: environment).configFile)
        return ProfileSwitcher(names: selection.profileNames) { name in
            let configuration: ProviderConfiguration
            var profileReadOnly = false
            var network = NetworkOptions.defaults
            if let server {
                guard let provider = ProviderRegistry.standard.provider(named: name) else {
                    throw ConfigError("No demo profile '\(name)'")
                }
                configuration = try ProfileSelection.demoConfiguration(provider, server: server)
            } else {
                let resolved = try await resolver.resolve(profileNamed: name)
                configuration = resolved.configuration
                profileReadOnly = resolved.readOnly
                network = resolved.network
            }
            let transport: any Transport
            let budget = RateBudget(
                default: ProviderRegistry.standard.descriptor(for: configuration.provider)?.defaultRateLimit)
            do {
                transport = try transports.transport(for: network, profileName: name, budget: budget)
            } catch let error as APIError {
                throw ConfigError("Profile '\(name)': \(error.userMessage)")
            }
            let session = ConsoleSession(
                profile: name, directory: configuration.makeDirectory(transport: transport),
                readOnly: readOnly || profileReadOnly,
                journal: JournalFile(path: JournalFile.path(environment: environment)), budget: budget)
            return (session, HeaderInfo(profile: name, provider: configuration.provider, isDemo: server != nil))
        }
    }
}
