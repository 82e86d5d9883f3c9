import Foundation

/// Where and as whom the console connects, for any provider: the one configuration type that flows from config,
/// profiles and the environment to the composition root.
public enum ProviderConfiguration: Sendable {
    case cloudflare(CloudflareConfiguration)
    case openAI(OpenAIConfiguration)
    case keycard(KeycardConfiguration)

    /// The provider it connects to.
    public var provider: Provider {
        switch self {
        case .cloudflare: .cloudflare
        case .openAI: .openAI
        case .keycard: .keycard
        }
    }

    /// The API's base URL.
    public var baseURL: URL {
        switch self {
        case .cloudflare(let configuration): configuration.baseURL
        case .openAI(let configuration): configuration.baseURL
        case .keycard(let configuration): configuration.baseURL
        }
    }

    /// The directory that speaks to this provider over `transport`.
    public func makeDirectory(transport: any Transport) -> any IdentityDirectory {
        switch self {
        case .cloudflare(let configuration):
            CloudflareDirectory(client: CloudflareClient(configuration: configuration, transport: transport))
        case .openAI(let configuration):
            OpenAIDirectory(client: OpenAIClient(configuration: configuration, transport: transport))
        case .keycard(let configuration):
            KeycardDirectory(client: KeycardClient(configuration: configuration, transport: transport))
        }
    }

    /// The providers whose credentials are in the environment, in `Provider.allCases` order.
    public static func providersWithCredentials(in environment: [String: String]) -> [Provider] {
        Provider.allCases.filter { provider in
            switch provider {
            case .cloudflare: CloudflareCredentials.fromEnvironment(environment) != nil
            case .openAI: OpenAIConfiguration.hasCredentials(in: environment)
            case .keycard: KeycardConfiguration.hasCredentials(in: environment)
            }
        }
    }

    /// Reads a provider's SDK environment variables; `baseURLOverride` (from `--base-url`) wins over them.
    public static func fromEnvironment(
        _ provider: Provider, _ environment: [String: String], baseURLOverride: String? = nil
    ) throws(APIError) -> ProviderConfiguration {
        switch provider {
        case .cloudflare:
            return .cloudflare(try CloudflareConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
        case .openAI:
            return .openAI(try OpenAIConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
        case .keycard:
            return .keycard(try KeycardConfiguration.fromEnvironment(environment, baseURLOverride: baseURLOverride))
        }
    }

    /// The same configuration signed in with another token (a profile's `token_command` output).
    public static func withToken(
        _ provider: Provider, token: Secret, baseURL: String?, environment: [String: String]
    ) throws(APIError) -> ProviderConfiguration {
        switch provider {
        case .cloudflare:
            let base = baseURL ?? environment["CLOUDFLARE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            return .cloudflare(
                try CloudflareConfiguration(
                    baseURL: base ?? CloudflareConfiguration.defaultBaseURL, credentials: .apiToken(token)))
        case .openAI:
            let base = baseURL ?? environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            return .openAI(
                try OpenAIConfiguration(
                    baseURL: base ?? OpenAIConfiguration.defaultBaseURL, adminKey: token,
                    organizationID: environment["OPENAI_ORG_ID"].flatMap { $0.isEmpty ? nil : $0 }))
        case .keycard:
            // A profile's token is an API key: client credentials come from the environment only.
            let base = baseURL ?? environment["KEYCARD_API_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            return .keycard(
                try KeycardConfiguration(
                    baseURL: base ?? KeycardConfiguration.defaultBaseURL, credentials: .apiKey(token),
                    customHeaders: KeycardConfiguration.customHeaders(environment["KEYCARD_API_CUSTOM_HEADERS"])))
        }
    }
}
