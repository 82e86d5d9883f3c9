import APICore
import CloudflareAPI
import OpenAIAdminAPI
import OrgtuiConfig
import Testing

/// `--profile`, the config's profiles and the SDK environment variables.
@Suite struct ProfileResolverTests {
    static let config = ConfigFile(profiles: [
        "work": ProfileConfig(
            name: "work", baseURL: "https://api.example.com/client/v4", tokenCommand: "printf work-token",
            readOnly: true),
        "lab": ProfileConfig(name: "lab", baseURL: "http://127.0.0.1:8787/client/v4"),
        "openai": ProfileConfig(name: "openai", provider: .openAI, tokenCommand: "printf x"),
    ])
    static let environment = ["CLOUDFLARE_API_TOKEN": "env-token"]

    private func token(_ resolved: ResolvedProfile?) -> String? {
        guard let configuration = resolved?.configuration.underlying as? CloudflareConfiguration,
            case .apiToken(let secret) = configuration.credentials
        else { return nil }
        return secret.reveal()
    }

    @Test func withoutProfileTheEnvironmentWins() async throws {
        let resolved = try await ProfileResolver(config: Self.config, environment: Self.environment).resolve(
            requested: nil)
        #expect(resolved?.name == "default")
        #expect(token(resolved) == "env-token")
        #expect(resolved?.readOnly == false)
        #expect(resolved?.configuration.baseURL.absoluteString == CloudflareConfiguration.defaultBaseURL)
    }

    @Test func aChosenProfileRunsItsTokenCommand() async throws {
        let resolved = try await ProfileResolver(config: Self.config, environment: Self.environment)
            .resolve(requested: "work")
        #expect(resolved?.name == "work")
        #expect(token(resolved) == "work-token")
        #expect(resolved?.readOnly == true)
        #expect(resolved?.configuration.baseURL.absoluteString == "https://api.example.com/client/v4")
    }

    @Test func aProfileWithoutTokenCommandTakesTheEnvironmentsToken() async throws {
        let resolved = try await ProfileResolver(config: Self.config, environment: Self.environment)
            .resolve(requested: "lab", baseURLOverride: nil)
        #expect(token(resolved) == "env-token")
        #expect(resolved?.configuration.baseURL.absoluteString == "http://127.0.0.1:8787/client/v4")
    }

    @Test func baseURLFlagWinsOverTheProfile() async throws {
        let resolved = try await ProfileResolver(config: Self.config, environment: [:])
            .resolve(requested: "work", baseURLOverride: "http://localhost:9/client/v4")
        #expect(resolved?.configuration.baseURL.absoluteString == "http://localhost:9/client/v4")
    }

    @Test func withNeitherTheDefaultOrOnlyProfileIsUsed() throws {
        let only = ConfigFile(profiles: ["solo": ProfileConfig(name: "solo", tokenCommand: "printf t")])
        #expect(
            try ProfileResolver(config: only, environment: [:]).choose(requested: nil)
                == .profile(only.profiles["solo"]!))
        var two = Self.config
        #expect(try ProfileResolver(config: two, environment: [:]).choose(requested: nil) == nil)
        two.profiles["default"] = ProfileConfig(name: "default", tokenCommand: "printf d")
        #expect(
            try ProfileResolver(config: two, environment: [:]).choose(requested: nil)
                == .profile(two.profiles["default"]!))
        #expect(
            try ProfileResolver(config: two, environment: Self.environment).choose(requested: nil)
                == .environment(.cloudflare))
    }

    @Test func anUnknownProfileListsTheKnownOnes() {
        #expect {
            try ProfileResolver(config: Self.config, environment: Self.environment).choose(requested: "wrok")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.message.contains("wrok") && error.message.contains("lab, openai, work")
        }
    }

    @Test func anOpenAIProfileSignsInWithItsTokenCommandsKey() async throws {
        let resolved = try await ProfileResolver(config: Self.config, environment: Self.environment).resolve(
            requested: "openai")
        guard let configuration = resolved?.configuration.underlying as? OpenAIConfiguration else {
            Issue.record("not an OpenAI configuration")
            return
        }
        #expect(configuration.adminKey.reveal() == "x")
        #expect(configuration.baseURL.absoluteString == OpenAIConfiguration.defaultBaseURL)
    }

    @Test func severalProvidersInTheEnvironmentAskForProvider() async throws {
        let environment = ["CLOUDFLARE_API_TOKEN": "t", "OPENAI_ADMIN_KEY": "k"]
        #expect(throws: ConfigError.self) {
            try ProfileResolver(config: ConfigFile(), environment: environment).choose(requested: nil)
        }
        #expect(
            try ProfileResolver(config: ConfigFile(), environment: environment).choose(
                requested: nil, provider: .openAI) == .environment(.openAI))
        #expect(
            try ProfileResolver(config: ConfigFile(), environment: ["OPENAI_ADMIN_KEY": "k"]).choose(requested: nil)
                == .environment(.openAI))
    }

    @Test(
        arguments: [
            ("broken", "exit status 7"),
            ("plain-http", "http"),
            ("no-token", "no token_command"),
        ])
    func unusableProfilesAreClearErrors(profile: String, expected: String) async {
        var config = Self.config
        config.profiles["broken"] = ProfileConfig(name: "broken", tokenCommand: "exit 7")
        config.profiles["plain-http"] = ProfileConfig(
            name: "plain-http", baseURL: "http://api.example.com/client/v4", tokenCommand: "printf t")
        config.profiles["no-token"] = ProfileConfig(name: "no-token")
        do {
            _ = try await ProfileResolver(config: config, environment: [:]).resolve(requested: profile)
            Issue.record("\(profile) resolved")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
