import APICore
import Foundation

extension DemoServer {
    /// The providers this server speaks, in the order the banner and `:profile` list them.
    public static let providers: [Provider] = [.cloudflare]

    /// The base URL a client of `provider` points at.
    public func baseURL(for provider: Provider) -> URL {
        switch provider {
        case .cloudflare, .openAI, .keycard: cloudflareBaseURL
        }
    }
}
