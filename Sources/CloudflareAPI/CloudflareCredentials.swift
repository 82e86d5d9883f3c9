import APICore
import Synchronization

/// How a Cloudflare client signs its requests: exactly one scheme per request.
public enum CloudflareCredentials: Sendable, CustomStringConvertible {
    /// An API token, sent as `Authorization: Bearer`.
    case apiToken(Secret)
    /// A legacy global API key with its account email, sent as `X-Auth-Key` + `X-Auth-Email`.
    case globalKey(Secret, email: String)

    /// The header fields that carry the credentials.
    public var headers: [(name: String, value: String)] {
        switch self {
        case .apiToken(let token):
            [("Authorization", "Bearer \(token.reveal() ?? "")")]
        case .globalKey(let key, let email):
            [("X-Auth-Key", key.reveal() ?? ""), ("X-Auth-Email", email)]
        }
    }

    /// Reads `CLOUDFLARE_API_TOKEN`, else `CLOUDFLARE_API_KEY` with `CLOUDFLARE_EMAIL`; nil when neither is set.
    public static func fromEnvironment(_ environment: [String: String]) -> CloudflareCredentials? {
        if let token = environment["CLOUDFLARE_API_TOKEN"], !token.isEmpty {
            return .apiToken(Secret(token))
        }
        if let key = environment["CLOUDFLARE_API_KEY"], !key.isEmpty,
            let email = environment["CLOUDFLARE_EMAIL"], !email.isEmpty
        {
            return .globalKey(Secret(key), email: email)
        }
        return nil
    }

    public var description: String {
        switch self {
        case .apiToken: "API token"
        case .globalKey(_, let email): "global API key of \(email)"
        }
    }
}
