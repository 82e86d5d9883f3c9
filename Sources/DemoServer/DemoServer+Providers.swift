import APICore
import CloudflareAPI
import Foundation
import KeycardAPI
import OpenAIAdminAPI

extension DemoServer {
    /// One provider this server speaks: where its API is and the credential its demo user signs in with.
    public struct ServedProvider: Sendable {
        public let provider: Provider
        public let baseURL: URL
        public let loginCredential: String
    }

    /// The providers this server speaks, in the order the banner and `:profile` list them.
    public static let providers: [Provider] = [.cloudflare, .openAI, .keycard]

    /// Each provider's API on this server; one login works for every provider.
    public var served: [ServedProvider] {
        [
            ServedProvider(provider: .cloudflare, baseURL: cloudflareBaseURL, loginCredential: loginToken),
            ServedProvider(provider: .openAI, baseURL: openAIBaseURL, loginCredential: openAILoginKey),
            ServedProvider(provider: .keycard, baseURL: keycardBaseURL, loginCredential: keycardAPIKey),
        ]
    }

    /// Where `provider`'s API is on this server, and its demo credential; nil for a provider it does not speak.
    public func serving(_ provider: Provider) -> ServedProvider? { served.first { $0.provider == provider } }
}
