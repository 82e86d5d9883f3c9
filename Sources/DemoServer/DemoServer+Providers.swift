import APICore
import Foundation

extension DemoServer {
    /// The providers this server speaks, in the order the banner and `:profile` list them.
    public static let providers: [Provider] = [.cloudflare, .openAI, .keycard]

    /// The base URL a client of `provider` points at.
    public func baseURL(for provider: Provider) -> URL {
        switch provider {
        case .cloudflare: cloudflareBaseURL
        case .openAI: openAIBaseURL
        case .keycard: keycardBaseURL
        }
    }

    /// The credential the demo session of `provider` signs in with (one login for every provider).
    public func loginCredential(for provider: Provider) -> String {
        switch provider {
        case .cloudflare: loginToken
        case .openAI: openAILoginKey
        case .keycard: keycardAPIKey
        }
    }
}
