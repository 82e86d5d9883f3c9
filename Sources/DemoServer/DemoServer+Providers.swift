import APICore
import Foundation

extension DemoServer {
    /// The providers this server speaks, in the order the banner and `:profile` list them.
    public static let providers: [Provider] = [.cloudflare, .openAI]

    /// The base URL a client of `provider` points at.
    public func baseURL(for provider: Provider) -> URL {
        switch provider {
        case .cloudflare, .keycard: cloudflareBaseURL
        case .openAI: openAIBaseURL
        }
    }

    /// The credential the demo session of `provider` signs in with.
    public func loginCredential(for provider: Provider) -> String {
        switch provider {
        case .cloudflare, .keycard: loginToken
        case .openAI: openAILoginKey
        }
    }
}
