/// The identity providers orgtui speaks to.
public enum Provider: String, Sendable, Hashable, CaseIterable {
    case cloudflare
    case openAI = "openai"
    case keycard

    /// The name shown in the header.
    public var displayName: String {
        switch self {
        case .cloudflare: "Cloudflare"
        case .openAI: "OpenAI"
        case .keycard: "Keycard"
        }
    }
}
